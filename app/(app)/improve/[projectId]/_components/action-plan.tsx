"use client";
import { useTranslations } from "next-intl";
import { AlertTriangle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/action-result";
import { DIMENSIONS } from "@/lib/journeys/document";
import { ACTION_STATUSES, type TActionItem } from "@/lib/projects/schemas";
import type { TPerson } from "../../_components/project-fields";

type TProps = {
  projectId: string;
  items: TActionItem[];
  people: TPerson[];
  canWrite: boolean;
  saveItem: (input: unknown) => Promise<TActionResult<{ id: string }>>;
  setItemStatus: (input: unknown) => Promise<TActionResult<void>>;
  deleteItem: (input: unknown) => Promise<TActionResult<void>>;
};

/** The action plan, one column per dimension in which customers experience the brand (seed 004). */
export function ActionPlan({
  projectId,
  items,
  people,
  canWrite,
  saveItem,
  setItemStatus,
  deleteItem,
}: TProps) {
  const t = useTranslations("improve.plan");
  const tStatus = useTranslations("improve.actionStatuses");
  const tDimension = useTranslations("journeyMap.dimensions");
  const status = useActionForm(setItemStatus);
  const remove = useActionForm(deleteItem);
  const done = items.filter((i) => i.status === "DONE").length;
  return (
    <section
      aria-labelledby="plan-heading"
      className="rounded-lg border border-neutral-200 bg-white p-4"
      data-testid="action-plan"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="plan-heading" className="font-medium">
          {t("heading")}
        </h2>
        <p className="text-xs text-neutral-600">{t("progress", { done, total: items.length })}</p>
      </div>
      <p className="mt-1 text-sm text-neutral-600">{t("lead")}</p>
      {(status.error || remove.error) && (
        <Notice tone="error">{status.error ?? remove.error}</Notice>
      )}
      <div className="mt-3 grid gap-3 lg:grid-cols-3">
        {DIMENSIONS.map((dimension) => {
          const own = items.filter((i) => i.dimension === dimension);
          return (
            <div
              key={dimension}
              className="rounded-md bg-neutral-50 p-3"
              data-testid={`actions-${dimension}`}
            >
              <h3 className="text-sm font-semibold text-neutral-800">{tDimension(dimension)}</h3>
              {own.length === 0 && <p className="mt-2 text-xs text-neutral-500">{t("none")}</p>}
              <ul className="mt-2 flex flex-col gap-2">
                {own.map((item) => (
                  <li
                    key={item.id}
                    className="rounded border border-neutral-200 bg-white p-2 text-sm"
                    data-testid="action-item"
                    data-status={item.status}
                  >
                    <p
                      className={`font-medium ${item.status === "DONE" ? "text-neutral-500 line-through" : ""}`}
                    >
                      {item.description}
                    </p>
                    <p className="mt-0.5 text-xs text-neutral-600">
                      {t("ownerIs", { name: item.owner?.name ?? t("noOwner") })}
                      {" · "}
                      {item.dueDay ? t("dueIs", { day: item.dueDay }) : t("noDue")}
                    </p>
                    {item.isOverdue && (
                      <p className="mt-0.5 flex items-center gap-1 text-xs text-gap-below">
                        <AlertTriangle aria-hidden className="size-3" />
                        {t("overdue")}
                      </p>
                    )}
                    {canWrite ? (
                      <div className="mt-2 flex items-center gap-2">
                        <label className="sr-only" htmlFor={`status-${item.id}`}>
                          {t("statusOf", { action: item.description })}
                        </label>
                        <select
                          id={`status-${item.id}`}
                          key={item.status}
                          defaultValue={item.status}
                          disabled={status.isPending}
                          onChange={(event) =>
                            status.submit({
                              projectId,
                              actionItemId: item.id,
                              status: event.target.value,
                            })
                          }
                          className="h-8 rounded border border-neutral-300 bg-white px-2 text-xs"
                        >
                          {ACTION_STATUSES.map((s) => (
                            <option key={s} value={s}>
                              {tStatus(s)}
                            </option>
                          ))}
                        </select>
                        <button
                          type="button"
                          className="ml-auto text-xs text-red-700 hover:underline"
                          disabled={remove.isPending}
                          aria-label={t("deleteAction", { action: item.description })}
                          onClick={() =>
                            window.confirm(t("confirmDelete")) &&
                            remove.submit({ projectId, actionItemId: item.id })
                          }
                        >
                          {t("delete")}
                        </button>
                      </div>
                    ) : (
                      <p className="mt-1 text-xs font-medium text-neutral-700">
                        {tStatus(item.status)}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
      {canWrite && <ActionForm projectId={projectId} people={people} saveItem={saveItem} />}
    </section>
  );
}

function ActionForm({
  projectId,
  people,
  saveItem,
}: Pick<TProps, "projectId" | "people" | "saveItem">) {
  const t = useTranslations("improve.plan");
  const tDimension = useTranslations("journeyMap.dimensions");
  const form = useActionForm(saveItem, {
    toInput: (data) => ({ ...Object.fromEntries(data), projectId }),
  });
  return (
    <form
      onSubmit={form.onSubmit}
      noValidate
      className="mt-4 grid gap-3 border-t border-neutral-100 pt-4 md:grid-cols-2 xl:grid-cols-[12rem_1fr_12rem_10rem_auto] xl:items-end"
      data-testid="action-form"
    >
      <Field label={t("dimension")} errors={form.errorsOf("dimension")}>
        {({ id, describedBy, invalid }) => (
          <Select
            id={id}
            name="dimension"
            defaultValue="FRONTLINE_STAFF"
            aria-describedby={describedBy}
            aria-invalid={invalid}
          >
            {DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {tDimension(d)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t("action")} errors={form.errorsOf("description")}>
        {({ id, describedBy, invalid }) => (
          <TextInput
            id={id}
            name="description"
            required
            maxLength={500}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Field label={t("owner")} errors={form.errorsOf("ownerId")}>
        {({ id, describedBy, invalid }) => (
          <Select
            id={id}
            name="ownerId"
            defaultValue=""
            aria-describedby={describedBy}
            aria-invalid={invalid}
          >
            <option value="">{t("noOwner")}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t("due")} errors={form.errorsOf("dueDay")}>
        {({ id, describedBy, invalid }) => (
          <TextInput
            id={id}
            name="dueDay"
            type="date"
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Button type="submit" disabled={form.isPending}>
        {t("add")}
      </Button>
      {form.error && (
        <div className="md:col-span-2 xl:col-span-5">
          <Notice tone="error">{form.error}</Notice>
        </div>
      )}
    </form>
  );
}

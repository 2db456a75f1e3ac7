"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/action-result";
import { DIMENSIONS } from "@/lib/journeys/document";
import type { TCause } from "@/lib/projects/schemas";

type TProps = {
  projectId: string;
  causes: TCause[];
  canWrite: boolean;
  saveCause: (input: unknown) => Promise<TActionResult<{ id: string }>>;
  deleteCause: (input: unknown) => Promise<TActionResult<void>>;
};

/** The causes of the negative experience, one column per dimension (seed 004: the three domains of experience). */
export function CausesBoard({ projectId, causes, canWrite, saveCause, deleteCause }: TProps) {
  const t = useTranslations("analyze");
  const tDimension = useTranslations("journeyMap.dimensions");
  const remove = useActionForm(deleteCause);
  return (
    <section aria-labelledby="causes" className="rounded-lg border border-neutral-200 bg-white p-4">
      <h2 id="causes" className="font-medium">
        {t("causes")}
      </h2>
      <p className="mt-1 text-sm text-neutral-600">{t("causesLead")}</p>
      {remove.error && <Notice tone="error">{remove.error}</Notice>}
      <div className="mt-3 grid gap-3 md:grid-cols-3">
        {DIMENSIONS.map((dimension) => (
          <div
            key={dimension}
            className="rounded-md bg-neutral-50 p-3"
            data-testid={`causes-${dimension}`}
          >
            <h3 className="text-sm font-semibold text-neutral-800">{tDimension(dimension)}</h3>
            <ul className="mt-2 flex flex-col gap-2">
              {causes
                .filter((c) => c.dimension === dimension)
                .map((cause) => (
                  <li
                    key={cause.id}
                    className="rounded border border-neutral-200 bg-white p-2 text-sm"
                    data-testid="cause"
                  >
                    <p className="font-medium">{cause.description}</p>
                    {cause.unmetNeed && (
                      <p className="text-xs text-neutral-600">
                        {t("unmetNeedIs", { need: cause.unmetNeed })}
                      </p>
                    )}
                    <div className="mt-1 flex items-center justify-between text-xs text-neutral-600">
                      <span>{t("frequencyIs", { count: cause.frequency })}</span>
                      {canWrite && (
                        <button
                          type="button"
                          className="text-red-700 hover:underline"
                          disabled={remove.isPending}
                          onClick={() => remove.submit({ projectId, causeId: cause.id })}
                        >
                          {t("delete")}
                        </button>
                      )}
                    </div>
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </div>
      {canWrite && <CauseForm projectId={projectId} saveCause={saveCause} />}
    </section>
  );
}

function CauseForm({
  projectId,
  saveCause,
}: {
  projectId: string;
  saveCause: TProps["saveCause"];
}) {
  const t = useTranslations("analyze");
  const tDimension = useTranslations("journeyMap.dimensions");
  const form = useActionForm(saveCause, {
    toInput: (data) => ({ ...Object.fromEntries(data), projectId }),
  });
  return (
    <form
      onSubmit={form.onSubmit}
      className="mt-4 grid gap-3 border-t border-neutral-100 pt-4 md:grid-cols-[12rem_1fr_1fr_7rem_auto] md:items-end"
      data-testid="cause-form"
    >
      <Field label={t("dimension")} errors={form.errorsOf("dimension")}>
        {({ id, describedBy, invalid }) => (
          <Select
            id={id}
            name="dimension"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            defaultValue="FRONTLINE_STAFF"
          >
            {DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {tDimension(d)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t("cause")} errors={form.errorsOf("description")}>
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
      <Field label={t("unmetNeed")} errors={form.errorsOf("unmetNeed")}>
        {({ id, describedBy, invalid }) => (
          <TextInput
            id={id}
            name="unmetNeed"
            maxLength={500}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Field label={t("frequency")} errors={form.errorsOf("frequency")}>
        {({ id, describedBy, invalid }) => (
          <TextInput
            id={id}
            name="frequency"
            type="number"
            min={1}
            defaultValue={1}
            required
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Button type="submit" disabled={form.isPending}>
        {t("addCause")}
      </Button>
      {form.error && (
        <div className="md:col-span-5">
          <Notice tone="error">{form.error}</Notice>
        </div>
      )}
    </form>
  );
}

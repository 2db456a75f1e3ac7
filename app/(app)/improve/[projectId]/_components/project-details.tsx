"use client";
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { formatNumber } from "@/lib/format/numbers";
import type { TActionResult } from "@/lib/action-result";
import { PROJECT_STATUSES, type TProjectDetail } from "@/lib/projects/schemas";
import { ProjectFields, projectFieldsOf, type TPerson } from "../../_components/project-fields";

type TProps = {
  project: Pick<
    TProjectDetail,
    | "id"
    | "version"
    | "title"
    | "problem"
    | "owner"
    | "targetGapClosed"
    | "targetCsatChange"
    | "dueDay"
    | "startedDay"
    | "closedDay"
    | "status"
  >;
  people: TPerson[];
  canWrite: boolean;
  updateProject: (input: unknown) => Promise<TActionResult<{ version: number }>>;
  setStatus: (input: unknown) => Promise<TActionResult<{ version: number }>>;
};

/** The charter at a glance (owner, targets, dates, status) and, for managers, its edit form. */
export function ProjectDetails({ project, people, canWrite, updateProject, setStatus }: TProps) {
  const t = useTranslations("improve");
  const locale = useLocale();
  const [isEditing, setEditing] = useState(false);
  const edit = useActionForm(updateProject, {
    toInput: (data) => ({
      ...projectFieldsOf(data),
      projectId: project.id,
      version: project.version,
    }),
    onSuccess: () => setEditing(false),
    resetOnSuccess: false,
  });
  const status = useActionForm(setStatus, { resetOnSuccess: false });
  const facts: [string, string][] = [
    [t("fields.owner"), project.owner?.name ?? t("list.noOwner")],
    [
      t("fields.targetGapClosed"),
      project.targetGapClosed === null
        ? t("details.notSet")
        : t("list.targetGap", { value: formatNumber(project.targetGapClosed, locale, 1) }),
    ],
    [
      t("fields.targetCsatChange"),
      project.targetCsatChange === null
        ? t("details.notSet")
        : t("list.targetCsat", { value: formatNumber(project.targetCsatChange, locale, 0) }),
    ],
    [t("details.started"), project.startedDay],
    [t("fields.dueDay"), project.dueDay ?? t("details.notSet")],
    ...(project.closedDay
      ? ([[t("details.closed"), project.closedDay]] as [string, string][])
      : []),
  ];
  return (
    <section
      aria-labelledby="details-heading"
      className="rounded-lg border border-neutral-200 bg-white p-4"
      data-testid="project-details"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 id="details-heading" className="font-medium">
          {t("details.heading")}
        </h2>
        {canWrite && !isEditing && (
          <Button variant="secondary" className="min-h-8" onClick={() => setEditing(true)}>
            {t("details.edit")}
          </Button>
        )}
      </div>
      {isEditing ? (
        <form
          onSubmit={edit.onSubmit}
          className="mt-3 flex flex-col gap-3"
          noValidate
          data-testid="project-edit-form"
        >
          {edit.error && <Notice tone="error">{edit.error}</Notice>}
          <ProjectFields
            people={people}
            values={{ ...project, ownerId: project.owner?.id ?? null }}
            errorsOf={edit.errorsOf}
          />
          <div className="flex gap-2">
            <Button type="submit" disabled={edit.isPending}>
              {t("details.save")}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setEditing(false)}>
              {t("details.cancel")}
            </Button>
          </div>
        </form>
      ) : (
        <>
          {project.problem && (
            <p className="mt-2 whitespace-pre-line text-sm text-neutral-800">{project.problem}</p>
          )}
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            {facts.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-neutral-600">{label}</dt>
                <dd className="text-neutral-900">{value}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {canWrite && !isEditing && (
        <form
          className="mt-4 flex flex-wrap items-end gap-2 border-t border-neutral-100 pt-3"
          onSubmit={(event) => {
            event.preventDefault();
            status.submit({
              projectId: project.id,
              version: project.version,
              status: new FormData(event.currentTarget).get("status"),
            });
          }}
        >
          <div className="min-w-40 flex-1">
            <Field label={t("details.status")} errors={status.errorsOf("status")}>
              {({ id, describedBy, invalid }) => (
                <Select
                  id={id}
                  name="status"
                  defaultValue={project.status}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                >
                  {PROJECT_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`statuses.${s}`)}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
          <Button type="submit" variant="secondary" disabled={status.isPending}>
            {t("details.changeStatus")}
          </Button>
          {status.error && !status.errorsOf("status") && (
            <div className="w-full">
              <Notice tone="error">{status.error}</Notice>
            </div>
          )}
        </form>
      )}
    </section>
  );
}

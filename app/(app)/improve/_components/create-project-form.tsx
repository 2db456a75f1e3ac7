"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Star } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/action-result";
import { localized } from "@/lib/i18n/localized";
import { ProjectFields, projectFieldsOf, type TPerson } from "./project-fields";

type TJourneyChoice = {
  id: string;
  nameKo: string;
  nameEn: string;
  touchpoints: { id: string; nameKo: string; nameEn: string; isMoT: boolean }[];
};

type TProps = {
  journeys: TJourneyChoice[];
  people: TPerson[];
  currentUserId: string;
  createProject: (input: unknown) => Promise<TActionResult<{ id: string }>>;
};

/** A new project: its charter and the touchpoints (of one journey) it takes on. */
export function CreateProjectForm({ journeys, people, currentUserId, createProject }: TProps) {
  const t = useTranslations("improve.create");
  const locale = useLocale();
  const router = useRouter();
  const [journeyId, setJourneyId] = useState(journeys[0]?.id ?? "");
  const journey = journeys.find((j) => j.id === journeyId);
  const form = useActionForm(createProject, {
    toInput: (data) => ({
      ...projectFieldsOf(data),
      touchpointIds: data.getAll("touchpointIds").map(String),
    }),
    onSuccess: ({ id }) => router.push(`/improve/${id}`),
  });
  const touchpointErrors = form.errorsOf("touchpointIds");
  return (
    <form
      onSubmit={form.onSubmit}
      className="flex flex-col gap-3"
      noValidate
      data-testid="create-project-form"
    >
      {form.error && <Notice tone="error">{form.error}</Notice>}
      <ProjectFields people={people} values={{ ownerId: currentUserId }} errorsOf={form.errorsOf} />
      <Field label={t("journey")}>
        {({ id }) => (
          <Select id={id} value={journeyId} onChange={(event) => setJourneyId(event.target.value)}>
            {journeys.map((j) => (
              <option key={j.id} value={j.id}>
                {localized(j, "name", locale)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <fieldset
        className="flex flex-col gap-1"
        aria-describedby={touchpointErrors ? "touchpoint-errors" : undefined}
      >
        <legend className="text-sm font-medium text-neutral-800">{t("touchpoints")}</legend>
        <p className="text-xs text-neutral-600">{t("touchpointsHint")}</p>
        <div
          className="mt-1 max-h-64 overflow-y-auto rounded-md border border-neutral-200 p-2"
          data-testid="project-touchpoints"
        >
          {journey?.touchpoints.map((tp) => (
            <label
              key={tp.id}
              className="flex items-center gap-2 rounded px-1 py-1 text-sm hover:bg-neutral-50"
            >
              <input type="checkbox" name="touchpointIds" value={tp.id} className="size-4" />
              <span className="min-w-0 flex-1 truncate">{localized(tp, "name", locale)}</span>
              {tp.isMoT && (
                <Star aria-label={t("mot")} className="size-3.5 shrink-0 fill-mot text-mot" />
              )}
            </label>
          ))}
        </div>
        {touchpointErrors && (
          <p id="touchpoint-errors" className="text-sm text-red-700" data-testid="field-error">
            {touchpointErrors.join(" ")}
          </p>
        )}
      </fieldset>
      <Button type="submit" disabled={form.isPending}>
        {t("submit")}
      </Button>
    </form>
  );
}

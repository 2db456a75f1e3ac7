"use client";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { localized } from "@/lib/i18n/localized";
import type { TTouchpoint } from "@/lib/journeys/schemas";
import { SCORE_SCALE } from "@/lib/observations/scale";
import type { TSegment } from "@/lib/segments/schemas";
import type { TEditorActions } from "./editor-actions";

type TProps = {
  touchpoint: TTouchpoint;
  segments: TSegment[];
  canEdit: boolean;
  actions: TEditorActions;
};

const LEVELS = Array.from(
  { length: SCORE_SCALE.max - SCORE_SCALE.min + 1 },
  (_, i) => SCORE_SCALE.min + i,
);

/** At a Moment of Truth: what each segment needs and the level it expects, on the observations' scale. */
export function ExpectationsEditor({ touchpoint, segments, canEdit, actions }: TProps) {
  const t = useTranslations("journeyMap");
  return (
    <section
      className="mt-6 border-t border-neutral-200 pt-4"
      aria-labelledby="expectations-heading"
    >
      <h3 id="expectations-heading" className="font-semibold">
        {t("expectations")}
      </h3>
      <p className="mb-3 text-xs text-neutral-600">
        {t("expectationsHint", { min: SCORE_SCALE.min, max: SCORE_SCALE.max })}
      </p>
      {segments.length === 0 ? (
        <p className="text-sm text-neutral-600">
          {t("noSegments")}{" "}
          <Link href="/journeys/segments" className="text-accent underline">
            {t("manageSegments")}
          </Link>
        </p>
      ) : (
        <ul className="flex flex-col gap-3">
          {segments.map((segment) => (
            <ExpectationRow
              key={segment.id}
              touchpoint={touchpoint}
              segment={segment}
              expectation={touchpoint.expectations.find((e) => e.segmentId === segment.id)}
              canEdit={canEdit}
              actions={actions}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

type TRowProps = {
  touchpoint: TTouchpoint;
  segment: TSegment;
  expectation?: TTouchpoint["expectations"][number];
  canEdit: boolean;
  actions: TEditorActions;
};

function ExpectationRow({ touchpoint, segment, expectation, canEdit, actions }: TRowProps) {
  const t = useTranslations("journeyMap");
  const tc = useTranslations("common");
  const locale = useLocale();
  const format = useFormatter();
  const segmentName = localized(segment, "name", locale);
  const save = useActionForm(actions.saveExpectationAction, {
    toInput: (data) => ({
      touchpointId: touchpoint.id,
      segmentId: segment.id,
      needs: data.get("needs"),
      expectedLevel: Number(data.get("expectedLevel")),
    }),
    resetOnSuccess: false,
  });
  const remove = useActionForm(actions.deleteExpectationAction);
  return (
    <li
      className="rounded-md border border-neutral-200 p-3"
      data-testid={`expectation-${segment.nameEn || segment.nameKo}`}
    >
      <form onSubmit={save.onSubmit} noValidate>
        <fieldset disabled={!canEdit} className="grid min-w-0 gap-2 sm:grid-cols-[1fr_8rem]">
          <legend className="mb-1 text-sm font-medium">{segmentName}</legend>
          <label className="flex flex-col gap-1 text-xs text-neutral-700">
            {t("needs")}
            <textarea
              name="needs"
              rows={2}
              defaultValue={expectation?.needs}
              className="rounded-md border border-neutral-300 px-2 py-1 text-sm"
              aria-invalid={Boolean(save.errorsOf("needs"))}
            />
            {save.errorsOf("needs") && (
              <span className="text-red-700">{save.errorsOf("needs")?.join(" ")}</span>
            )}
          </label>
          <label className="flex flex-col gap-1 text-xs text-neutral-700">
            {t("expectedLevel")}
            <select
              name="expectedLevel"
              defaultValue={expectation?.expectedLevel ?? 5}
              className="min-h-9 rounded-md border border-neutral-300 px-2 text-sm"
            >
              {LEVELS.map((level) => (
                <option key={level} value={level}>
                  {level}
                </option>
              ))}
            </select>
          </label>
          {(save.error || remove.error) && (
            <div className="sm:col-span-2">
              <Notice tone="error">{save.error ?? remove.error}</Notice>
            </div>
          )}
          <div className="flex flex-wrap items-center justify-between gap-2 sm:col-span-2">
            <span className="text-xs text-neutral-500">
              {expectation
                ? t("recordedBy", {
                    name: expectation.recordedByName ?? "—",
                    date: format.dateTime(expectation.updatedAt, { dateStyle: "medium" }),
                  })
                : t("notRecorded")}
            </span>
            {canEdit && (
              <span className="flex gap-2">
                {expectation && (
                  <Button
                    type="button"
                    variant="ghost"
                    className="min-h-8 px-2"
                    disabled={remove.isPending}
                    onClick={() =>
                      remove.submit({ touchpointId: touchpoint.id, segmentId: segment.id })
                    }
                  >
                    {t("clearExpectation")}
                  </Button>
                )}
                <Button
                  type="submit"
                  variant="secondary"
                  className="min-h-8"
                  disabled={save.isPending}
                >
                  {save.isPending ? tc("saving") : tc("save")}
                </Button>
              </span>
            )}
          </div>
          {save.isSuccess && (
            <div className="sm:col-span-2">
              <Notice tone="success">{t("expectationSaved")}</Notice>
            </div>
          )}
        </fieldset>
      </form>
    </li>
  );
}

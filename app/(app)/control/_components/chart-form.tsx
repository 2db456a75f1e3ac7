"use client";
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/action-result";
import {
  CONTROL_METRICS,
  CONTROL_SUBGROUPS,
  type TControlChartView,
  type TControlView,
} from "@/lib/control/schemas";
import { localized } from "@/lib/i18n/localized";

type TAction<T> = (input: unknown) => Promise<TActionResult<T>>;

type TProps = {
  touchpoints: TControlView["touchpoints"];
  projects: TControlView["projects"];
  /** Defaults for a new chart's baseline. */
  defaults: { baselineFrom: string; baselineTo: string };
  createChart: TAction<{ id: string }>;
};

/** Adds a chart: a touchpoint, what to watch, one point per day or week, and the baseline. */
export function AddChartForm({ touchpoints, projects, defaults, createChart }: TProps) {
  const t = useTranslations("control");
  const locale = useLocale();
  const form = useActionForm(createChart);
  // The projects offered are those of the chosen touchpoint: a chart guards a project of its touchpoint.
  const [touchpointId, setTouchpointId] = useState(touchpoints[0]?.id ?? "");
  const journeys = [...new Set(touchpoints.map((tp) => localized(tp.journey, "name", locale)))];
  return (
    <section
      aria-labelledby="add-chart"
      className="rounded-lg border border-neutral-200 bg-white p-4"
    >
      <h2 id="add-chart" className="font-medium">
        {t("form.title")}
      </h2>
      <p className="mt-1 text-sm text-neutral-600">{t("form.lead")}</p>
      <form
        onSubmit={form.onSubmit}
        className="mt-3 grid gap-3 md:grid-cols-2 xl:grid-cols-3"
        data-testid="control-chart-form"
      >
        <Field label={t("form.touchpoint")} errors={form.errorsOf("touchpointId")}>
          {({ id, describedBy, invalid }) => (
            <Select
              id={id}
              name="touchpointId"
              required
              value={touchpointId}
              onChange={(e) => setTouchpointId(e.target.value)}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            >
              {journeys.map((journey) => (
                <optgroup key={journey} label={journey}>
                  {touchpoints
                    .filter((tp) => localized(tp.journey, "name", locale) === journey)
                    .map((tp) => (
                      <option key={tp.id} value={tp.id}>
                        {tp.isMoT
                          ? t("form.mot", { name: localized(tp, "name", locale) })
                          : localized(tp, "name", locale)}
                      </option>
                    ))}
                </optgroup>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t("form.metric")} errors={form.errorsOf("metric")}>
          {({ id, describedBy, invalid }) => (
            <Select id={id} name="metric" aria-describedby={describedBy} aria-invalid={invalid}>
              {CONTROL_METRICS.map((m) => (
                <option key={m} value={m}>
                  {t(`metricLabel.${m}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <ChartSettingsFields
          projects={projects}
          touchpointId={touchpointId}
          values={{ subgroup: "DAY", projectId: null, ...defaults }}
          errorsOf={form.errorsOf}
        />
        <div className="flex items-end">
          <Button type="submit" disabled={form.isPending}>
            {t("form.add")}
          </Button>
        </div>
        <div className="md:col-span-2 xl:col-span-3" aria-live="polite">
          {form.error && <Notice tone="error">{form.error}</Notice>}
          {form.isSuccess && <Notice tone="success">{t("form.added")}</Notice>}
        </div>
      </form>
    </section>
  );
}

type TSettings = Pick<TControlChartView, "subgroup" | "baselineFrom" | "baselineTo"> & {
  projectId: string | null;
};

type TSettingsProps = {
  projects: TControlView["projects"];
  touchpointId: string;
  values: TSettings;
  errorsOf: (field: string) => string[] | undefined;
};

/** What a chart's owner may change after the fact: the subgroup, the baseline, the project it guards (one of its touchpoint's). */
export function ChartSettingsFields({ projects, touchpointId, values, errorsOf }: TSettingsProps) {
  const t = useTranslations("control");
  // The current project stays listed even if it has since dropped the touchpoint: saving then says why it no longer fits.
  const choices = projects.filter(
    (p) => p.touchpointIds.includes(touchpointId) || p.id === values.projectId,
  );
  return (
    <>
      <Field label={t("form.subgroup")} errors={errorsOf("subgroup")}>
        {({ id, describedBy, invalid }) => (
          <Select
            id={id}
            name="subgroup"
            defaultValue={values.subgroup}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          >
            {CONTROL_SUBGROUPS.map((s) => (
              <option key={s} value={s}>
                {t(`subgroupLabel.${s}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t("form.baselineFrom")} errors={errorsOf("baselineFrom")}>
        {({ id, describedBy, invalid }) => (
          <TextInput
            id={id}
            name="baselineFrom"
            type="date"
            required
            defaultValue={values.baselineFrom}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Field
        label={t("form.baselineTo")}
        hint={t("form.baselineHint")}
        errors={errorsOf("baselineTo")}
      >
        {({ id, describedBy, invalid }) => (
          <TextInput
            id={id}
            name="baselineTo"
            type="date"
            required
            defaultValue={values.baselineTo}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Field label={t("form.project")} errors={errorsOf("projectId")}>
        {({ id, describedBy, invalid }) => (
          <Select
            id={id}
            name="projectId"
            defaultValue={values.projectId ?? ""}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          >
            <option value="">{t("form.noProject")}</option>
            {choices.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </Select>
        )}
      </Field>
    </>
  );
}

"use client";
import { useState, type ChangeEvent, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { useMessage } from "@/components/ui/use-message";
import type { TActionResult } from "@/lib/action-result";
import { localized } from "@/lib/i18n/localized";
import { baselineWindow, isRetrospective } from "@/lib/pilots/planning";
import {
  EFFECT_LIMITS,
  PILOT_DESIGNS,
  PILOT_METRICS,
  type TPilotBaseline,
  type TPilotDesign,
  type TPilotMetric,
} from "@/lib/pilots/schemas";
import { daysInclusive, isLocalDay } from "@/lib/dates/local-days";
import { PowerPanel } from "./power-panel";

type TProps = {
  projectId: string;
  touchpoints: { id: string; nameKo: string; nameEn: string; baseline: TPilotBaseline }[];
  sites: { id: string; name: string; code: string }[];
  defaults: { startDay: string; endDay: string };
  /** The local day the page was rendered (Korea time): where "before the pilot" stops. */
  today: string;
  createPilot: (
    input: unknown,
  ) => Promise<TActionResult<{ id: string; plannedPerGroup: number | null }>>;
  readBaseline: (input: unknown) => Promise<TActionResult<TPilotBaseline>>;
};

/** Baselines are known per touchpoint and window; a window is named by its last day. */
const baselineKey = (touchpointId: string, to: string) => `${touchpointId}@${to}`;

const daysOf = (from: string, to: string) =>
  isLocalDay(from) && isLocalDay(to) && to >= from ? daysInclusive(from, to) : 0;

/** A pilot's plan: what is tried, where (or against which earlier period), when, and the effect worth detecting. */
export function PilotForm({
  projectId,
  touchpoints,
  sites,
  defaults,
  today,
  createPilot,
  readBaseline,
}: TProps) {
  const t = useTranslations("improve.pilotForm");
  const tImprove = useTranslations("improve");
  const locale = useLocale();
  const message = useMessage();
  const router = useRouter();
  const [touchpointId, setTouchpointId] = useState(touchpoints[0]?.id ?? "");
  const [metric, setMetric] = useState<TPilotMetric>("MEAN_EXPERIENCE");
  const [effect, setEffect] = useState(String(EFFECT_LIMITS.MEAN_EXPERIENCE.suggested));
  const [design, setDesign] = useState<TPilotDesign>("CONTROL_SITES");
  const [days, setDays] = useState({
    startDay: defaults.startDay,
    endDay: defaults.endDay,
    baselineStartDay: "",
    baselineEndDay: "",
  });
  const [pilotSiteIds, setPilotSiteIds] = useState<string[]>([]);
  const [controlSiteIds, setControlSiteIds] = useState<string[]>([]);
  const [isExploratory, setIsExploratory] = useState(false);
  const form = useActionForm(createPilot, {
    onSuccess: ({ id }) => router.push(`/improve/${projectId}/pilots/${id}`),
  });
  // The page brings each touchpoint's baseline for a pilot from tomorrow; a start day in the past
  // plans from the days before it, read on demand (the same baseline createPilot reads).
  const [baselines, setBaselines] = useState<Record<string, TPilotBaseline>>(() =>
    Object.fromEntries(touchpoints.map((tp) => [baselineKey(tp.id, tp.baseline.to), tp.baseline])),
  );
  const [baselineError, setBaselineError] = useState<string | null>(null);
  const planWindow = isLocalDay(days.startDay) ? baselineWindow(days.startDay, today) : null;
  const baseline = planWindow ? baselines[baselineKey(touchpointId, planWindow.to)] : undefined;

  function loadBaseline(forTouchpointId: string, startDay: string) {
    if (
      !forTouchpointId ||
      !isLocalDay(startDay) ||
      baselines[baselineKey(forTouchpointId, baselineWindow(startDay, today).to)]
    )
      return;
    setBaselineError(null);
    readBaseline({ projectId, touchpointId: forTouchpointId, startDay })
      .then((answer) => {
        if (answer.ok)
          setBaselines((known) => ({
            ...known,
            [baselineKey(forTouchpointId, answer.data.to)]: answer.data,
          }));
        else setBaselineError(answer.error);
      })
      .catch(() => setBaselineError("errors.INTERNAL"));
  }

  const toggle = (list: string[], set: (ids: string[]) => void, id: string) =>
    set(list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  const setDay = (key: keyof typeof days) => (event: ChangeEvent<HTMLInputElement>) => {
    setDays({ ...days, [key]: event.target.value });
    if (key === "startDay") loadBaseline(touchpointId, event.target.value);
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    form.submit({
      projectId,
      touchpointId,
      name,
      metric,
      targetEffect: effect,
      design,
      startDay: days.startDay,
      endDay: days.endDay,
      pilotSiteIds,
      controlSiteIds: design === "CONTROL_SITES" ? controlSiteIds : [],
      baselineStartDay: design === "BEFORE_AFTER" ? days.baselineStartDay : "",
      baselineEndDay: design === "BEFORE_AFTER" ? days.baselineEndDay : "",
      isExploratory: design === "CONTROL_SITES" && isExploratory,
    });
  }

  const siteGroup = (
    group: "pilot" | "control",
    chosen: string[],
    other: string[],
    set: (ids: string[]) => void,
  ) => {
    const errors = form.errorsOf(group === "pilot" ? "pilotSiteIds" : "controlSiteIds");
    return (
      <fieldset className="flex flex-col gap-1" data-testid={`${group}-sites`}>
        <legend className="text-sm font-medium text-neutral-800">{t(`${group}Sites`)}</legend>
        <p className="text-xs text-neutral-600">{t(`${group}SitesHint`)}</p>
        <div className="mt-1 flex flex-wrap gap-2">
          {sites.map((site) => (
            <label
              key={site.id}
              className="flex items-center gap-2 rounded-md border border-neutral-200 px-2 py-1.5 text-sm has-[:disabled]:opacity-50"
            >
              <input
                type="checkbox"
                className="size-4"
                checked={chosen.includes(site.id)}
                disabled={other.includes(site.id)}
                onChange={() => toggle(chosen, set, site.id)}
                data-testid={`${group}-site-${site.code}`}
              />
              {site.name}
            </label>
          ))}
        </div>
        {errors && (
          <p className="text-sm text-red-700" data-testid="field-error">
            {errors.join(" ")}
          </p>
        )}
      </fieldset>
    );
  };

  return (
    <div className="grid gap-6 xl:grid-cols-[1fr_24rem]">
      <form
        onSubmit={submit}
        noValidate
        className="flex flex-col gap-4 rounded-lg border border-neutral-200 bg-white p-4"
        data-testid="pilot-form"
      >
        {form.error && (
          <Notice tone="error">{form.errorsOf("form")?.join(" ") ?? form.error}</Notice>
        )}
        <Field label={t("name")} hint={t("nameHint")} errors={form.errorsOf("name")}>
          {({ id, describedBy, invalid }) => (
            <TextInput
              id={id}
              name="name"
              required
              maxLength={200}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            />
          )}
        </Field>
        <div className="grid gap-3 md:grid-cols-2">
          <Field label={t("touchpoint")} errors={form.errorsOf("touchpointId")}>
            {({ id, describedBy, invalid }) => (
              <Select
                id={id}
                value={touchpointId}
                onChange={(e) => {
                  setTouchpointId(e.target.value);
                  loadBaseline(e.target.value, days.startDay);
                }}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              >
                {touchpoints.map((tp) => (
                  <option key={tp.id} value={tp.id}>
                    {localized(tp, "name", locale)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field
            label={t("metric")}
            hint={t(`metricHint.${metric}`)}
            errors={form.errorsOf("metric")}
          >
            {({ id, describedBy, invalid }) => (
              <Select
                id={id}
                value={metric}
                onChange={(e) => {
                  const next = e.target.value as TPilotMetric;
                  setMetric(next);
                  setEffect(String(EFFECT_LIMITS[next].suggested));
                }}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              >
                {PILOT_METRICS.map((m) => (
                  <option key={m} value={m}>
                    {tImprove(`metrics.${m}`)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <Field
          label={t(`effect.${metric}`)}
          hint={t("effectHint")}
          errors={form.errorsOf("targetEffect")}
        >
          {({ id, describedBy, invalid }) => (
            <TextInput
              id={id}
              type="number"
              inputMode="decimal"
              min={EFFECT_LIMITS[metric].step}
              max={EFFECT_LIMITS[metric].max}
              step={EFFECT_LIMITS[metric].step}
              value={effect}
              onChange={(e) => setEffect(e.target.value)}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              data-testid="target-effect"
            />
          )}
        </Field>
        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-medium text-neutral-800">{t("design")}</legend>
          <div className="flex flex-wrap gap-2">
            {PILOT_DESIGNS.map((d) => (
              <label
                key={d}
                className="flex items-center gap-2 rounded-md border border-neutral-200 px-2 py-1.5 text-sm"
              >
                <input
                  type="radio"
                  name="design"
                  value={d}
                  checked={design === d}
                  onChange={() => setDesign(d)}
                />
                {t(`designs.${d}`)}
              </label>
            ))}
          </div>
          <p className="text-xs text-neutral-600">{t(`designHint.${design}`)}</p>
        </fieldset>
        <div className="grid gap-3 md:grid-cols-2">
          <Field label={t("startDay")} errors={form.errorsOf("startDay")}>
            {({ id, describedBy, invalid }) => (
              <TextInput
                id={id}
                type="date"
                value={days.startDay}
                onChange={setDay("startDay")}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
            )}
          </Field>
          <Field label={t("endDay")} errors={form.errorsOf("endDay")}>
            {({ id, describedBy, invalid }) => (
              <TextInput
                id={id}
                type="date"
                value={days.endDay}
                onChange={setDay("endDay")}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
            )}
          </Field>
        </div>
        {siteGroup(
          "pilot",
          pilotSiteIds,
          design === "CONTROL_SITES" ? controlSiteIds : [],
          setPilotSiteIds,
        )}
        {design === "CONTROL_SITES" ? (
          <>
            {siteGroup("control", controlSiteIds, pilotSiteIds, setControlSiteIds)}
            <div className="flex flex-col gap-1">
              <label className="flex items-center gap-2 text-sm font-medium text-neutral-800">
                <input
                  type="checkbox"
                  className="size-4"
                  checked={isExploratory}
                  onChange={(e) => setIsExploratory(e.target.checked)}
                  aria-describedby="exploratory-hint"
                  data-testid="pilot-exploratory"
                />
                {t("exploratory")}
              </label>
              <p id="exploratory-hint" className="text-xs text-neutral-600">
                {t("exploratoryHint")}
              </p>
              {form.errorsOf("isExploratory") && (
                <p className="text-sm text-red-700" data-testid="field-error">
                  {form.errorsOf("isExploratory")!.join(" ")}
                </p>
              )}
            </div>
          </>
        ) : (
          <div className="grid gap-3 md:grid-cols-2">
            <Field label={t("baselineStartDay")} errors={form.errorsOf("baselineStartDay")}>
              {({ id, describedBy, invalid }) => (
                <TextInput
                  id={id}
                  type="date"
                  value={days.baselineStartDay}
                  onChange={setDay("baselineStartDay")}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                />
              )}
            </Field>
            <Field label={t("baselineEndDay")} errors={form.errorsOf("baselineEndDay")}>
              {({ id, describedBy, invalid }) => (
                <TextInput
                  id={id}
                  type="date"
                  value={days.baselineEndDay}
                  onChange={setDay("baselineEndDay")}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                />
              )}
            </Field>
          </div>
        )}
        <div>
          <Button type="submit" disabled={form.isPending} data-testid="create-pilot">
            {t("submit")}
          </Button>
        </div>
      </form>
      <aside className="flex flex-col gap-3">
        {planWindow && isRetrospective(days.startDay, today) && (
          <p
            className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800"
            data-testid="retrospective-plan"
          >
            {t("retrospective", { from: planWindow.from, to: planWindow.to })}
          </p>
        )}
        {baselineError && <Notice tone="error">{message(baselineError)}</Notice>}
        {planWindow && !baseline && !baselineError && (
          <p className="text-sm text-neutral-600">{t("loadingBaseline")}</p>
        )}
        {baseline && (
          <PowerPanel
            metric={metric}
            effect={Number(effect)}
            baseline={baseline}
            design={design}
            pilotSiteIds={pilotSiteIds}
            controlSiteIds={controlSiteIds}
            windowDays={daysOf(days.startDay, days.endDay)}
            baselineDays={daysOf(days.baselineStartDay, days.baselineEndDay)}
          />
        )}
      </aside>
    </div>
  );
}

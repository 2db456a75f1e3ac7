"use client";
import { useOptimistic, useTransition, type ReactNode } from "react";
import { usePathname, useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { searchStringOf } from "@/lib/analytics/filter-url";
import type { TAnalysisFilter, TMeasureView } from "@/lib/analytics/schemas";
import { DIMENSIONS, DRIVER_KINDS } from "@/lib/journeys/document";
import { localized } from "@/lib/i18n/localized";
import { OBSERVATION_SOURCES } from "@/lib/observations/limits";

type TProps = {
  filter: TAnalysisFilter;
  options: Pick<TMeasureView, "journeys" | "segments" | "sites">;
  /** The drill-down looks at one touchpoint: no journey switch, and dimension and MOT are its own. */
  scope?: "journey" | "touchpoint";
};

type TField =
  | "journeyId"
  | "from"
  | "to"
  | "segmentId"
  | "siteId"
  | "source"
  | "dimension"
  | "kind"
  | "motOnly";

const CONTROL = "h-9 rounded-md border border-neutral-300 bg-white px-2 text-sm text-neutral-900";

/**
 * Every filter lives in the URL (?journey=…&segment=…), so a view can be bookmarked and shared;
 * changing one navigates, and the server renders the new numbers.
 */
export function FilterBar({ filter, options, scope = "journey" }: TProps) {
  const isJourney = scope === "journey";
  const t = useTranslations("measure.filter");
  const tAll = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();
  // The controls show the new choice at once, while the server renders the numbers for it.
  const [shown, setShown] = useOptimistic(filter);

  const set = (field: TField, value: string | boolean | undefined) =>
    startTransition(() => {
      const patch = { [field]: value || undefined };
      setShown({ ...shown, ...patch });
      router.push(`${pathname}${searchStringOf(shown, patch)}`, { scroll: false });
    });
  const hasSlices = Boolean(
    shown.from ||
    shown.to ||
    shown.segmentId ||
    shown.siteId ||
    shown.source ||
    shown.dimension ||
    shown.kind ||
    shown.motOnly,
  );

  return (
    <form
      role="search"
      aria-label={t("label")}
      aria-busy={isPending}
      onSubmit={(e) => e.preventDefault()}
      className="mb-6 flex flex-wrap items-end gap-x-3 gap-y-2 rounded-lg border border-neutral-200 bg-white px-3 py-2.5"
      data-testid="measure-filter"
    >
      {isJourney && (
        <Labelled label={t("journey")}>
          <select
            className={`${CONTROL} max-w-64`}
            value={shown.journeyId}
            onChange={(e) => set("journeyId", e.target.value)}
            name="journey"
          >
            {options.journeys.map((j) => (
              <option key={j.id} value={j.id}>
                {localized(j, "name", locale)}
              </option>
            ))}
          </select>
        </Labelled>
      )}
      <Labelled label={t("from")}>
        <input
          type="date"
          className={CONTROL}
          value={shown.from ?? ""}
          max={shown.to}
          onChange={(e) => set("from", e.target.value)}
          name="from"
        />
      </Labelled>
      <Labelled label={t("to")}>
        <input
          type="date"
          className={CONTROL}
          value={shown.to ?? ""}
          min={shown.from}
          onChange={(e) => set("to", e.target.value)}
          name="to"
        />
      </Labelled>
      <Labelled label={t("segment")}>
        <select
          className={`${CONTROL} max-w-48`}
          value={shown.segmentId ?? ""}
          onChange={(e) => set("segmentId", e.target.value)}
          name="segment"
        >
          <option value="">{t("all")}</option>
          {options.segments.map((s) => (
            <option key={s.id} value={s.id}>
              {localized(s, "name", locale)}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled label={t("site")}>
        <select
          className={`${CONTROL} max-w-48`}
          value={shown.siteId ?? ""}
          onChange={(e) => set("siteId", e.target.value)}
          name="site"
        >
          <option value="">{t("all")}</option>
          {options.sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled label={t("source")}>
        <select
          className={CONTROL}
          value={shown.source ?? ""}
          onChange={(e) => set("source", e.target.value)}
          name="source"
        >
          <option value="">{t("all")}</option>
          {OBSERVATION_SOURCES.map((s) => (
            <option key={s} value={s}>
              {tAll(`observationSources.${s}`)}
            </option>
          ))}
        </select>
      </Labelled>
      {isJourney && (
        <Labelled label={t("dimension")}>
          <select
            className={CONTROL}
            value={shown.dimension ?? ""}
            onChange={(e) => set("dimension", e.target.value)}
            name="dimension"
          >
            <option value="">{t("all")}</option>
            {DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {tAll(`journeyMap.dimensions.${d}`)}
              </option>
            ))}
          </select>
        </Labelled>
      )}
      <Labelled label={t("kind")}>
        <select
          className={CONTROL}
          value={shown.kind ?? ""}
          onChange={(e) => set("kind", e.target.value)}
          name="kind"
        >
          <option value="">{t("all")}</option>
          {DRIVER_KINDS.map((k) => (
            <option key={k} value={k}>
              {tAll(`journeyMap.driverKinds.${k}`)}
            </option>
          ))}
        </select>
      </Labelled>
      {isJourney && (
        <label className="inline-flex h-9 items-center gap-2 text-sm text-neutral-800">
          <input
            type="checkbox"
            checked={Boolean(shown.motOnly)}
            onChange={(e) => set("motOnly", e.target.checked)}
            name="mot"
            className="size-4"
          />
          {t("motOnly")}
        </label>
      )}
      {hasSlices && (
        <button
          type="button"
          onClick={() =>
            startTransition(() =>
              router.push(`${pathname}${searchStringOf({ journeyId: shown.journeyId })}`, {
                scroll: false,
              }),
            )
          }
          className="h-9 px-2 text-sm text-accent hover:underline"
        >
          {t("clear")}
        </button>
      )}
      {isPending && (
        <span role="status" className="h-9 self-end py-2 text-xs text-neutral-500">
          {t("updating")}
        </span>
      )}
    </form>
  );
}

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex flex-col gap-0.5 text-xs font-medium text-neutral-600">
      {label}
      {children}
    </label>
  );
}

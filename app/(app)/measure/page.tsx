import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Upload } from "lucide-react";
import { phaseMetadata } from "@/components/phase-intro";
import { HeadlineCards } from "@/components/measure/headline-cards";
import { Deferred } from "@/components/ui/deferred";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import {
  filterInputFromSearchParams,
  searchStringOf,
  type TSearchParams,
} from "@/lib/analytics/filter-url";
import { RANKING_RULES } from "@/lib/analytics/measures";
import {
  getMeasureDrivers,
  getMeasureHeadline,
  getMeasureHeatMap,
  getMeasureSplits,
  getMeasureStagesAndMonths,
  listJourneysWithData,
} from "@/lib/analytics/queries";
import { ZAnalysisFilter } from "@/lib/analytics/schemas";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { localized } from "@/lib/i18n/localized";
import { getJourneyMap } from "@/lib/journeys/queries";
import { orNotFound } from "@/app/_lib/or-not-found";
import { CustomerMetrics } from "@/components/measure/customer-metrics";
import { DriverRanking } from "@/components/measure/driver-ranking";
import { FilterBar } from "@/components/measure/filter-bar";
import { FixFirstRanking } from "@/components/measure/fix-first-ranking";
import { GapMap } from "@/components/measure/gap-map";
import { ImportancePerformance } from "@/components/measure/importance-performance";
import { MeasureSection } from "@/components/measure/measure-sections";
import { Splits } from "@/components/measure/splits";
import { StageSegment } from "@/components/measure/stage-segment";

export const generateMetadata = phaseMetadata("measure");

type TProps = { searchParams: Promise<TSearchParams> };

export default async function MeasurePage({ searchParams }: TProps) {
  const user = await requireUser("measure:read");
  const params = await searchParams;
  const [t, tPhase, tImports, tCommon, locale] = await Promise.all([
    getTranslations("measure"),
    getTranslations("phases.measure"),
    getTranslations("imports"),
    getTranslations("common"),
    getLocale(),
  ]);

  const importLink = can(user.role, "observation:import") && (
    <Link
      href="/measure/import"
      className="inline-flex h-9 items-center gap-1.5 rounded-md border border-neutral-300 bg-white px-3 text-sm font-medium text-neutral-800 hover:bg-neutral-100"
      data-testid="survey-import-link"
      title={tImports("linkLead")}
    >
      <Upload aria-hidden className="size-4" />
      {tImports("link")}
    </Link>
  );

  const input = filterInputFromSearchParams(params);
  if (!input) {
    // No journey chosen: open the one with the most observations, in the URL so it can be shared.
    const [busiest] = await listJourneysWithData(user);
    if (busiest)
      redirect(
        `/measure${searchStringOf(ZAnalysisFilter.parse({ ...filterInputFromSearchParams({ ...params, journey: busiest.id }) }))}`,
      );
    return (
      <>
        <PageHeader title={tPhase("title")} lead={tPhase("lead")} actions={importLink} />
        <EmptyState title={t("noJourneys")}>{tPhase("empty")}</EmptyState>
      </>
    );
  }

  const { view, journey } = await loadFirstPart(user, input);
  const measuresOf = Object.fromEntries(
    view.byTouchpoint.map((row) => [row.touchpoint.id, row.measures]),
  );
  const isFiltered =
    searchStringOf(view.filter) !== searchStringOf({ journeyId: view.filter.journeyId });

  const header = (
    <>
      <PageHeader
        title={tPhase("title")}
        lead={t("lead", { journey: localized(view.journey, "name", locale) })}
        actions={importLink}
      />
      <FilterBar filter={view.filter} options={view} />
    </>
  );
  if (view.totals.observations === 0)
    return (
      <>
        {header}
        <EmptyState title={isFiltered ? t("emptyFiltered") : t("emptyJourney")}>
          {isFiltered ? (
            <Link
              href={`/measure${searchStringOf({ journeyId: view.filter.journeyId })}`}
              className="text-accent hover:underline"
            >
              {t("clearFilters")}
            </Link>
          ) : (
            tPhase("empty")
          )}
        </EmptyState>
      </>
    );

  // The heavier sections stream in after the first part, each from its own read. They start only
  // now, once the first part is painted: on a small server they would otherwise share its cores
  // and delay the first paint they exist to spare. Splits also feed the metrics' segment slice.
  const { filter } = view;
  const drivers = getMeasureDrivers(user, filter);
  const splits = getMeasureSplits(user, filter);
  const stagesAndMonths = getMeasureStagesAndMonths(user, filter);
  const heatMap = getMeasureHeatMap(user, filter);
  const loading = (section: string) => tCommon("loadingSection", { section });
  // Placeholder heights: each section as drawn for the demo journey, 390 and 1440 px wide.

  return (
    <>
      {header}
      <HeadlineCards measures={view.totals} />
      <MeasureSection
        id="fix-first"
        title={t("sections.fixFirst")}
        lead={t("sections.fixFirstLead", { min: RANKING_RULES.minAnswers })}
      >
        <FixFirstRanking
          ranking={view.ranking}
          measuresOf={measuresOf}
          filter={filter}
          rules={RANKING_RULES}
        />
      </MeasureSection>
      <MeasureSection id="drivers" title={t("sections.drivers")} lead={t("sections.driversLead")}>
        <Deferred
          read={drivers}
          label={loading(t("sections.drivers"))}
          placeholderClassName="h-[170rem] lg:h-[68rem]"
        >
          {({ driverRanking }) => (
            <DriverRanking ranking={driverRanking} filter={filter} rules={RANKING_RULES} />
          )}
        </Deferred>
      </MeasureSection>
      <MeasureSection id="map" title={t("sections.map")} lead={t("sections.mapLead")}>
        <GapMap stages={journey.stages} byTouchpoint={view.byTouchpoint} filter={filter} />
      </MeasureSection>
      <MeasureSection id="splits" title={t("sections.splits")} lead={t("sections.splitsLead")}>
        <Deferred
          read={splits}
          label={loading(t("sections.splits"))}
          placeholderClassName="h-[112rem] lg:h-[66rem]"
        >
          {({ splits }) => <Splits splits={splits} />}
        </Deferred>
      </MeasureSection>
      <MeasureSection id="metrics" title={t("sections.metrics")} lead={t("sections.metricsLead")}>
        <Deferred
          read={Promise.all([splits, stagesAndMonths])}
          label={loading(t("sections.metrics"))}
          placeholderClassName="h-[94rem] lg:h-[62rem]"
        >
          {([{ splits }, { bySlice }]) => (
            <CustomerMetrics
              slices={{
                touchpoint: view.byTouchpoint,
                stage: bySlice.stage,
                segment: splits.segment,
                month: bySlice.month,
              }}
            />
          )}
        </Deferred>
      </MeasureSection>
      <MeasureSection id="stages" title={t("sections.stages")} lead={t("sections.stagesLead")}>
        <Deferred
          read={heatMap}
          label={loading(t("sections.stages"))}
          placeholderClassName="h-[54rem] lg:h-[47rem]"
        >
          {({ stageBySegment }) => (
            <StageSegment stageBySegment={stageBySegment} segments={view.segments} />
          )}
        </Deferred>
      </MeasureSection>
      <MeasureSection
        id="ipa"
        title={t("sections.ipa")}
        lead={t("sections.ipaLead", { min: RANKING_RULES.minAnswers })}
      >
        <ImportancePerformance
          importancePerformance={view.importancePerformance}
          importancePerformanceCuts={view.importancePerformanceCuts}
        />
      </MeasureSection>
    </>
  );
}

/** The first part and the journey's map (the gap map's board), side by side. */
async function loadFirstPart(
  user: Awaited<ReturnType<typeof requireUser>>,
  input: NonNullable<ReturnType<typeof filterInputFromSearchParams>>,
) {
  // A journey of another organization, or a mistyped id or filter in a shared link.
  const options = { invalidIsNotFound: true };
  const [view, journey] = await Promise.all([
    orNotFound(getMeasureHeadline(user, input), options),
    orNotFound(getJourneyMap(user, input.journeyId), options),
  ]);
  return { view, journey };
}

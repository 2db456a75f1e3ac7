import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ChevronLeft, Star } from "lucide-react";
import { HeadlineCards } from "@/components/measure/headline-cards";
import { Deferred } from "@/components/ui/deferred";
import { EmptyState } from "@/components/ui/empty-state";
import {
  filterInputFromSearchParams,
  searchStringOf,
  type TSearchParams,
} from "@/lib/analytics/filter-url";
import { getTouchpointDrilldown, getTouchpointDrilldownSplits } from "@/lib/analytics/queries";
import { requireUser } from "@/lib/auth/session";
import { localized } from "@/lib/i18n/localized";
import { listSegments } from "@/lib/segments/queries";
import { orNotFound } from "@/app/_lib/or-not-found";
import { FilterBar } from "@/components/measure/filter-bar";
import { DrilldownCharts } from "@/components/measure/drilldown-charts";

type TProps = { params: Promise<{ touchpointId: string }>; searchParams: Promise<TSearchParams> };

async function loadDrilldown({ params, searchParams }: TProps) {
  const user = await requireUser("measure:read");
  const [{ touchpointId }, search] = await Promise.all([params, searchParams]);
  const input = filterInputFromSearchParams(search);
  // The filter names its journey; a link without one (or with a bad one) leads nowhere.
  if (!input) notFound();
  const drilldown = await orNotFound(getTouchpointDrilldown(user, input, touchpointId), {
    invalidIsNotFound: true,
  });
  return { user, input, drilldown };
}

export async function generateMetadata(props: TProps): Promise<Metadata> {
  const { drilldown } = await loadDrilldown(props);
  return { title: localized(drilldown.touchpoint, "name", await getLocale()) };
}

export default async function TouchpointDrilldownPage(props: TProps) {
  const { user, input, drilldown } = await loadDrilldown(props);
  const [t, tMap, tCommon, locale, segments] = await Promise.all([
    getTranslations("measure"),
    getTranslations("journeyMap"),
    getTranslations("common"),
    getLocale(),
    listSegments(user),
  ]);
  const { touchpoint, filter, totals, splits } = drilldown;
  const journeyFilter = { ...filter, touchpointId: undefined };
  // Sites are offered as the touchpoint's own: those where it was observed in this filter.
  const sites = splits.site.flatMap((s) =>
    s.key && s.label.kind === "text" ? [{ id: s.key, name: s.label.text }] : [],
  );

  return (
    <>
      <nav className="mb-2 text-sm">
        <Link
          href={`/measure${searchStringOf(journeyFilter)}#fix-first`}
          className="inline-flex items-center gap-0.5 text-accent hover:underline"
          data-testid="back-to-measure"
        >
          <ChevronLeft aria-hidden className="size-4" />
          {t("drilldown.back")}
        </Link>
      </nav>
      <header className="mb-4">
        <p className="text-xs font-medium uppercase tracking-wide text-neutral-500">
          {localized(touchpoint.stage, "name", locale)}
        </p>
        <h1
          className="mt-0.5 flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight"
          data-testid="drilldown-title"
        >
          {localized(touchpoint, "name", locale)}
          {touchpoint.isMoT && (
            <span
              className="inline-flex items-center gap-0.5 rounded bg-mot px-1.5 py-0.5 text-xs font-semibold uppercase text-white"
              title={tMap("motLong")}
            >
              <Star aria-hidden className="size-3.5 fill-current" />
              {tMap("mot")}
            </span>
          )}
        </h1>
        <p className="mt-1 text-sm text-neutral-600">
          {tMap(`dimensions.${touchpoint.dimension}`)}
          {" · "}
          {tMap(`channels.${touchpoint.channel}`)}
          {" · "}
          {t("drilldown.lead")}
        </p>
      </header>
      <FilterBar filter={filter} options={{ journeys: [], segments, sites }} scope="touchpoint" />
      {totals.observations === 0 ? (
        <EmptyState title={t("emptyFiltered")}>
          <Link
            href={`/measure/touchpoints/${touchpoint.id}${searchStringOf({ journeyId: filter.journeyId })}`}
            className="text-accent hover:underline"
          >
            {t("clearFilters")}
          </Link>
        </EmptyState>
      ) : (
        <>
          <HeadlineCards measures={totals} />
          <div className="mt-6">
            {/* The charts stream in after the headline cards, from their own read. */}
            <Deferred
              read={getTouchpointDrilldownSplits(user, input, touchpoint.id)}
              label={tCommon("loadingSection", { section: t("drilldown.lead") })}
              placeholderClassName="h-[122rem] lg:h-[70rem]"
            >
              {(rest) => <DrilldownCharts splits={{ ...rest, site: splits.site }} />}
            </Deferred>
          </div>
        </>
      )}
    </>
  );
}

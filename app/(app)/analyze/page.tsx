import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getFixFirstRanking, listJourneysWithData } from "@/lib/analytics/queries";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { localized } from "@/lib/i18n/localized";
import { listAnalyses } from "@/lib/projects/queries";
import { openAnalysisAction } from "./actions";
import { AnalyzeButton } from "./_components/analyze-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analyze"))("title") };
}

/** How many of the fix-first ranking's head are offered for analysis. */
const PRIORITIES = 5;

type TProps = { searchParams: Promise<{ journey?: string }> };

export default async function AnalyzePage({ searchParams }: TProps) {
  const user = await requireUser("analysis:read");
  const [{ journey: journeyParam }, t, locale, journeys, analyses] = await Promise.all([
    searchParams,
    getTranslations("analyze"),
    getLocale(),
    listJourneysWithData(user),
    listAnalyses(user),
  ]);
  const journey =
    journeys.find((j) => j.id === journeyParam) ?? journeys.find((j) => j.observations > 0);
  // Only touchpoints shown to fall below expectation (score > 0) are offered as priorities.
  const ranking = journey
    ? (await getFixFirstRanking(user, { journeyId: journey.id }))
        .filter((item) => item.reason.score > 0)
        .slice(0, PRIORITIES)
    : [];
  const canWrite = can(user.role, "project:write");
  const analysisOf = new Map(
    analyses.flatMap((a) => a.touchpoints.map((tp) => [tp.id, a.id] as const)),
  );

  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <section
          aria-labelledby="priorities"
          className="rounded-lg border border-neutral-200 bg-white p-4"
        >
          <h2 id="priorities" className="font-medium">
            {t("priorities")}
          </h2>
          <p className="mt-1 text-sm text-neutral-600">
            {journey
              ? t("prioritiesLead", { journey: localized(journey, "name", locale) })
              : t("noData")}
          </p>
          {journeys.length > 1 && (
            <nav className="mt-2 flex flex-wrap gap-2 text-xs" aria-label={t("journeys")}>
              {journeys.map((j) => (
                <Link
                  key={j.id}
                  href={`/analyze?journey=${j.id}`}
                  aria-current={j.id === journey?.id ? "page" : undefined}
                  className="rounded-full border border-neutral-300 px-2 py-0.5 aria-[current=page]:border-accent aria-[current=page]:text-accent"
                >
                  {localized(j, "name", locale)}
                </Link>
              ))}
            </nav>
          )}
          <ol className="mt-3 flex flex-col gap-2" data-testid="analyze-priorities">
            {ranking.map((item) => (
              <li
                key={item.touchpoint.id}
                className="flex items-center justify-between gap-3 rounded-md border border-neutral-100 px-3 py-2"
              >
                <div className="min-w-0">
                  <p className="truncate text-sm font-medium">
                    {t("priorityName", {
                      rank: item.rank,
                      name: localized(item.touchpoint, "name", locale),
                    })}
                  </p>
                  <p className="text-xs text-neutral-600">
                    {t("priorityFacts", {
                      gap: item.reason.meanGap ?? 0,
                      n: item.reason.n,
                      score: item.reason.score,
                    })}
                  </p>
                </div>
                {analysisOf.has(item.touchpoint.id) ? (
                  <Link
                    href={`/analyze/${analysisOf.get(item.touchpoint.id)}`}
                    className="shrink-0 text-sm font-medium text-accent hover:underline"
                  >
                    {t("openAnalysis")}
                  </Link>
                ) : (
                  canWrite && (
                    <AnalyzeButton
                      touchpointId={item.touchpoint.id}
                      openAnalysis={openAnalysisAction}
                    />
                  )
                )}
              </li>
            ))}
          </ol>
        </section>
        <section
          aria-labelledby="analyses"
          className="rounded-lg border border-neutral-200 bg-white p-4"
        >
          <h2 id="analyses" className="font-medium">
            {t("analyses")}
          </h2>
          {analyses.length === 0 ? (
            <div className="mt-3">
              <EmptyState title={t("noAnalyses")} />
            </div>
          ) : (
            <ul className="mt-3 flex flex-col gap-2">
              {analyses.map((a) => (
                <li key={a.id}>
                  <Link
                    href={`/analyze/${a.id}`}
                    className="block rounded-md border border-neutral-100 px-3 py-2 hover:bg-neutral-50"
                  >
                    <span className="text-sm font-medium">
                      {a.touchpoints.map((tp) => localized(tp, "name", locale)).join(", ") ||
                        a.title}
                    </span>
                    <span className="block text-xs text-neutral-600">
                      {t("analysisCounts", { causes: a.causeCount, options: a.optionCount })}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

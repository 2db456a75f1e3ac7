import { getTranslations } from "next-intl/server";
import { phaseMetadata } from "@/components/phase-intro";
import { PageHeader } from "@/components/ui/page-header";
import { searchStringOf } from "@/lib/analytics/filter-url";
import { requireUser } from "@/lib/auth/session";
import { getOverview, TOP_TOUCHPOINTS } from "@/lib/overview/queries";
import { BEFORE_DAYS, EVALUATION_DAYS } from "@/lib/projects/windows";
import { CaseOutcomes } from "./_components/case-outcomes";
import { ControlAlerts } from "./_components/control-alerts";
import { HeadlineCard } from "./_components/headline-card";
import { OverviewSection } from "./_components/overview-section";
import { PilotVerdicts } from "./_components/pilot-verdicts";
import { PrintButton } from "./_components/print-button";
import { ProjectPhases } from "./_components/project-phases";
import { PromiseCompliance } from "./_components/promise-compliance";
import { TopTouchpoints } from "./_components/top-touchpoints";
import "./print.css";

export const generateMetadata = phaseMetadata("overview");

// One screen an executive reads in a minute, and prints: read-only for every role that may see
// it (nothing here changes anything); each figure links to the view it comes from.
export default async function OverviewPage() {
  const user = await requireUser("overview:read");
  const [overview, t, tPhase] = await Promise.all([
    getOverview(user),
    getTranslations("overview"),
    getTranslations("phases.overview"),
  ]);
  const { periods } = overview;

  return (
    <div data-overview className="space-y-8">
      <PageHeader
        title={tPhase("title")}
        lead={t("lead", {
          today: periods.today,
          from: periods.current.from,
          to: periods.current.to,
        })}
        actions={<PrintButton />}
      />
      <p className="hidden text-xs text-neutral-500 print:block">
        {t("printedAt", { today: periods.today })}
      </p>

      <OverviewSection
        id="headline"
        title={t("sections.headline")}
        lead={t("sections.headlineLead")}
        testId="overview-headline"
      >
        <div className="grid gap-x-4 gap-y-2 md:grid-cols-3 print:grid-cols-3">
          {overview.headline.map((headline) => (
            <HeadlineCard
              key={headline.key}
              headline={headline}
              measureHref={`/measure${searchStringOf(periods.current)}`}
            />
          ))}
        </div>
      </OverviewSection>

      <div className="grid gap-8 lg:grid-cols-2">
        <OverviewSection
          id="alerts"
          title={t("sections.alerts")}
          lead={t("sections.alertsLead")}
          testId="overview-alerts"
        >
          <ControlAlerts alerts={overview.alerts} />
        </OverviewSection>
        <OverviewSection
          id="promises"
          title={t("sections.promises")}
          lead={t("sections.promisesLead")}
          testId="overview-promises"
        >
          <PromiseCompliance promises={overview.promises} />
        </OverviewSection>
      </div>

      <div className="grid gap-8 lg:grid-cols-2" data-print-page>
        <OverviewSection
          id="top"
          title={t("sections.top", { count: TOP_TOUCHPOINTS })}
          lead={t("sections.topLead", periods.ranking)}
          testId="overview-top10"
        >
          <TopTouchpoints top={overview.top} period={periods.ranking} />
        </OverviewSection>
        <OverviewSection
          id="projects"
          title={t("sections.projects")}
          lead={t("sections.projectsLead")}
          testId="overview-projects"
        >
          <ProjectPhases projects={overview.projects} />
        </OverviewSection>
      </div>

      <div className="grid gap-8 lg:grid-cols-2" data-print-page>
        <OverviewSection
          id="pilots"
          title={t("sections.pilots")}
          lead={t("sections.pilotsLead")}
          testId="overview-pilots"
        >
          <PilotVerdicts pilots={overview.pilots} />
        </OverviewSection>
        <OverviewSection
          id="outcomes"
          title={t("sections.outcomes")}
          lead={t("sections.outcomesLead", { before: BEFORE_DAYS, after: EVALUATION_DAYS })}
          testId="overview-outcomes"
        >
          <CaseOutcomes outcomes={overview.outcomes} />
        </OverviewSection>
      </div>
    </div>
  );
}

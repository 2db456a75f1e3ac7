import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { ChevronLeft } from "lucide-react";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { localized } from "@/lib/i18n/localized";
import { getPilot } from "@/lib/pilots/queries";
import { isClosed } from "@/lib/projects/rules";
import type { TProjectStatus } from "@/lib/projects/schemas";
import { orNotFound } from "@/app/_lib/or-not-found";
import { decidePilotAction, deletePilotAction } from "../../../actions";
import { DecisionForm } from "./_components/decision-form";
import { GroupChart } from "./_components/group-chart";
import { SiteAnalysis } from "./_components/site-analysis";
import { VerdictCard } from "./_components/verdict-card";

type TProps = { params: Promise<{ projectId: string; pilotId: string }> };

/** Once per request: the metadata and the page share it. */
const loadPilot = cache(async (projectId: string, pilotId: string) => {
  const user = await requireUser("project:read");
  const pilot = await orNotFound(getPilot(user, pilotId));
  // A pilot is read under its own project's address only.
  if (pilot.projectId !== projectId) notFound();
  return { user, pilot };
});

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { projectId, pilotId } = await params;
  const { pilot } = await loadPilot(projectId, pilotId);
  return { title: pilot.name };
}

export default async function PilotPage({ params }: TProps) {
  const { projectId, pilotId } = await params;
  const { user, pilot } = await loadPilot(projectId, pilotId);
  const [t, tImprove, locale] = await Promise.all([
    getTranslations("improve.result"),
    getTranslations("improve"),
    getLocale(),
  ]);
  const canDecide =
    can(user.role, "project:write") && !isClosed(pilot.project.status as TProjectStatus);
  const groupNames = (group: "PILOT" | "CONTROL") =>
    pilot.sites
      .filter((s) => s.group === group)
      .map((s) => s.name)
      .join(", ");
  return (
    <>
      <nav className="mb-2 text-sm">
        <Link
          href={`/improve/${pilot.projectId}?phase=IMPROVE`}
          className="inline-flex items-center gap-0.5 text-accent hover:underline"
        >
          <ChevronLeft aria-hidden className="size-4" />
          {t("back", { project: pilot.project.title })}
        </Link>
      </nav>
      <header className="mb-6">
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="pilot-title">
          {pilot.name}
        </h1>
        <p className="mt-1 text-sm text-neutral-600">
          {t("subtitle", {
            touchpoint: localized(pilot.touchpoint, "name", locale),
            metric: tImprove(`metrics.${pilot.metric}`),
            start: pilot.startDay,
            end: pilot.endDay,
          })}
        </p>
        <p className="text-sm text-neutral-600">
          {pilot.design === "BEFORE_AFTER"
            ? t("designBeforeAfter", {
                sites: groupNames("PILOT"),
                from: pilot.baselineStartDay ?? "",
                to: pilot.baselineEndDay ?? "",
              })
            : t("designControl", { pilot: groupNames("PILOT"), control: groupNames("CONTROL") })}
          {" · "}
          {tImprove(`pilots.stages.${pilot.stage}`)}
        </p>
      </header>
      <div className="grid gap-6 xl:grid-cols-[1fr_24rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <VerdictCard pilot={pilot} />
          <SiteAnalysis pilot={pilot} />
          <GroupChart pilot={pilot} />
        </div>
        <aside>
          <DecisionForm
            pilotId={pilot.id}
            projectId={pilot.projectId}
            verdict={pilot.outcome.verdict}
            decision={pilot.decision}
            defaultRolloutDay={pilot.defaultRolloutDay}
            endDay={pilot.endDay}
            canDecide={canDecide}
            decidePilot={decidePilotAction}
            deletePilot={deletePilotAction}
          />
        </aside>
      </div>
    </>
  );
}

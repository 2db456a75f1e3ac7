import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ChevronLeft } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getPilotPlanning } from "@/lib/pilots/queries";
import { addDays, localDayOf } from "@/lib/dates/local-days";
import { orNotFound } from "@/app/_lib/or-not-found";
import { createPilotAction, readPilotBaselineAction } from "../../../actions";
import { PilotForm } from "./_components/pilot-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("improve.pilotForm"))("title") };
}

/** Days a pilot proposes to run when the manager has not said: four weeks from tomorrow. */
const PROPOSED_DAYS = 28;

export default async function NewPilotPage({ params }: { params: Promise<{ projectId: string }> }) {
  const user = await requireUser("project:write");
  const { projectId } = await params;
  const planning = await orNotFound(getPilotPlanning(user, projectId));
  const t = await getTranslations("improve.pilotForm");
  const today = localDayOf(new Date());
  const tomorrow = addDays(today, 1);
  const isAllowed =
    planning.project.status !== "DONE" &&
    planning.project.status !== "CANCELLED" &&
    (planning.project.phase === "IMPROVE" || planning.project.phase === "CONTROL");
  return (
    <>
      <nav className="mb-2 text-sm">
        <Link
          href={`/improve/${projectId}?phase=IMPROVE`}
          className="inline-flex items-center gap-0.5 text-accent hover:underline"
        >
          <ChevronLeft aria-hidden className="size-4" />
          {t("back", { project: planning.project.title })}
        </Link>
      </nav>
      <PageHeader title={t("title")} lead={t("lead")} />
      {isAllowed ? (
        <PilotForm
          projectId={projectId}
          touchpoints={planning.touchpoints}
          sites={planning.sites}
          defaults={{ startDay: tomorrow, endDay: addDays(tomorrow, PROPOSED_DAYS - 1) }}
          today={today}
          createPilot={createPilotAction}
          readBaseline={readPilotBaselineAction}
        />
      ) : (
        <p className="rounded-lg border border-neutral-200 bg-white p-4 text-sm text-neutral-700">
          {t("notAllowed")}
        </p>
      )}
    </>
  );
}

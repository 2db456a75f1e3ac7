import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { localized } from "@/lib/i18n/localized";
import { getJourneyMap } from "@/lib/journeys/queries";
import { listSegments } from "@/lib/segments/queries";
import { orNotFound } from "@/app/_lib/or-not-found";
import * as actions from "./actions";
import { JourneyEditor } from "./_components/journey-editor";
import { JourneyHeaderActions } from "./_components/journey-header-actions";

type TProps = { params: Promise<{ journeyId: string }> };

async function loadJourney(journeyId: string) {
  const user = await requireUser("journey:read");
  return { user, journey: await orNotFound(getJourneyMap(user, journeyId)) };
}

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { journey } = await loadJourney((await params).journeyId);
  return { title: localized(journey, "name", await getLocale()) };
}

export default async function JourneyPage({ params }: TProps) {
  const { user, journey } = await loadJourney((await params).journeyId);
  const [segments, t, locale] = await Promise.all([
    listSegments(user),
    getTranslations("journeyMap"),
    getLocale(),
  ]);
  const canEdit = can(user.role, "journey:write");
  return (
    <>
      <nav className="mb-2 text-sm">
        <Link href="/journeys" className="text-accent hover:underline">
          {t("backToJourneys")}
        </Link>
      </nav>
      <PageHeader
        title={localized(journey, "name", locale)}
        lead={journey.description || undefined}
        actions={<JourneyHeaderActions journey={journey} canEdit={canEdit} actions={actions} />}
      />
      {journey.isArchived && (
        <div className="mb-4">
          <Notice tone="error">{t("archivedNotice")}</Notice>
        </div>
      )}
      <JourneyEditor journey={journey} segments={segments} canEdit={canEdit} actions={actions} />
    </>
  );
}

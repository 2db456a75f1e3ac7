import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listJourneys } from "@/lib/journeys/queries";
import { localized } from "@/lib/i18n/localized";
import { createJourneyAction } from "./actions";
import { CreateJourneyForm } from "./_components/create-journey-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("journeys"))("title") };
}

export default async function JourneysPage() {
  const user = await requireUser("journey:read");
  const [journeys, t, locale] = await Promise.all([listJourneys(user), getTranslations("journeys"), getLocale()]);
  const canWrite = can(user.role, "journey:write");
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <section aria-label={t("title")}>
          {journeys.length === 0 ? (
            <EmptyState title={canWrite ? t("empty") : t("emptyReadOnly")} />
          ) : (
            <ul className="grid gap-3 sm:grid-cols-2" data-testid="journey-list">
              {journeys.map((journey) => (
                <li key={journey.id} className="rounded-lg border border-neutral-200 bg-white p-4">
                  <h2 className="font-medium">{localized(journey, "name", locale)}</h2>
                  {journey.description && <p className="mt-1 text-sm text-neutral-600">{journey.description}</p>}
                  <p className="mt-2 text-xs text-neutral-500">
                    {t("counts", { stages: journey.stageCount, touchpoints: journey.touchpointCount, mots: journey.motCount })}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
        {canWrite && (
          <aside className="rounded-lg border border-neutral-200 bg-white p-4">
            <h2 className="mb-3 font-medium">{t("new")}</h2>
            <CreateJourneyForm createJourney={createJourneyAction} />
          </aside>
        )}
      </div>
    </>
  );
}

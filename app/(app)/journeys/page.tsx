import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { localized } from "@/lib/i18n/localized";
import { listJourneys } from "@/lib/journeys/queries";
import type { TJourneyListItem } from "@/lib/journeys/schemas";
import { createJourneyAction, importJourneyAction } from "./actions";
import { CreateJourneyForm } from "./_components/create-journey-form";
import { ImportJourneyForm } from "./_components/import-journey-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("journeys"))("title") };
}

export default async function JourneysPage() {
  const user = await requireUser("journey:read");
  const [journeys, t, locale] = await Promise.all([
    listJourneys(user),
    getTranslations("journeys"),
    getLocale(),
  ]);
  const canWrite = can(user.role, "journey:write");
  const active = journeys.filter((j) => !j.isArchived);
  const archived = journeys.filter((j) => j.isArchived);
  const card = (journey: TJourneyListItem) => (
    <li key={journey.id}>
      <Link
        href={`/journeys/${journey.id}`}
        className="block h-full rounded-lg border border-neutral-200 bg-white p-4 hover:border-accent"
      >
        <h2 className="font-medium">{localized(journey, "name", locale)}</h2>
        {journey.description && (
          <p className="mt-1 line-clamp-2 text-sm text-neutral-600">{journey.description}</p>
        )}
        <p className="mt-2 text-xs text-neutral-500">
          {t("counts", {
            stages: journey.stageCount,
            touchpoints: journey.touchpointCount,
            mots: journey.motCount,
          })}
        </p>
      </Link>
    </li>
  );
  return (
    <>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link
              href="/journeys/templates"
              className="inline-flex min-h-10 items-center rounded-md bg-accent px-4 text-sm font-medium text-white hover:bg-accent-strong"
            >
              {t("templates")}
            </Link>
            <Link
              href="/journeys/segments"
              className="inline-flex min-h-10 items-center rounded-md border border-neutral-300 bg-white px-4 text-sm font-medium hover:bg-neutral-100"
            >
              {t("segments")}
            </Link>
          </div>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <section aria-label={t("title")}>
          {active.length === 0 ? (
            <EmptyState title={canWrite ? t("empty") : t("emptyReadOnly")}>
              {canWrite && t("emptyHint")}
            </EmptyState>
          ) : (
            <ul className="grid gap-3 sm:grid-cols-2" data-testid="journey-list">
              {active.map(card)}
            </ul>
          )}
          {archived.length > 0 && (
            <details className="mt-6">
              <summary className="cursor-pointer text-sm font-medium text-neutral-700">
                {t("archived", { count: archived.length })}
              </summary>
              <ul
                className="mt-3 grid gap-3 opacity-80 sm:grid-cols-2"
                data-testid="archived-journey-list"
              >
                {archived.map(card)}
              </ul>
            </details>
          )}
        </section>
        {canWrite && (
          <aside className="flex flex-col gap-4">
            <section className="rounded-lg border border-neutral-200 bg-white p-4">
              <h2 className="mb-3 font-medium">{t("new")}</h2>
              <CreateJourneyForm createJourney={createJourneyAction} />
            </section>
            <section className="rounded-lg border border-neutral-200 bg-white p-4">
              <h2 className="mb-1 font-medium">{t("import")}</h2>
              <p className="mb-3 text-xs text-neutral-600">{t("importHint")}</p>
              <ImportJourneyForm importJourney={importJourneyAction} />
            </section>
          </aside>
        )}
      </div>
    </>
  );
}

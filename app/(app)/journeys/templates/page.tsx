import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { localized } from "@/lib/i18n/localized";
import { describeTemplates } from "@/lib/templates/catalog";
import { createJourneyFromTemplateAction } from "../actions";
import { UseTemplateButton } from "./_components/use-template-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("templates"))("title") };
}

export default async function TemplatesPage() {
  const user = await requireUser("journey:read");
  const [t, locale] = await Promise.all([getTranslations("templates"), getLocale()]);
  const canWrite = can(user.role, "journey:write");
  return (
    <>
      <nav className="mb-2 text-sm">
        <Link href="/journeys" className="text-accent hover:underline">
          {t("back")}
        </Link>
      </nav>
      <PageHeader title={t("title")} lead={t("lead")} />
      <ul className="grid gap-4 md:grid-cols-2" data-testid="template-gallery">
        {describeTemplates().map((template) => (
          <li
            key={template.key}
            className="flex flex-col rounded-lg border border-neutral-200 bg-white p-5"
            data-testid={`template-${template.key}`}
          >
            <p className="text-xs font-medium uppercase tracking-wide text-neutral-500">
              {localized(template, "industry", locale)} · {localized(template, "company", locale)}
            </p>
            <h2 className="mt-1 text-lg font-semibold">{localized(template, "name", locale)}</h2>
            <p className="mt-1 text-sm text-neutral-600">
              {t("counts", {
                stages: template.stageCount,
                touchpoints: template.touchpointCount,
                mots: template.motCount,
              })}
            </p>
            <p className="mt-3 text-sm text-neutral-800">{localized(template, "case", locale)}</p>
            {template.outcomes.length > 0 && (
              <dl className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-3">
                {template.outcomes.map((outcome) => (
                  <div key={outcome.labelEn} className="rounded-md bg-neutral-50 p-2">
                    <dt className="text-xs text-neutral-600">
                      {localized(outcome, "label", locale)}
                    </dt>
                    <dd className="text-lg font-semibold tabular-nums">{outcome.value}</dd>
                  </div>
                ))}
              </dl>
            )}
            <p className="mt-3 text-xs text-neutral-500">
              {t("source", { source: template.source })}
            </p>
            {canWrite && (
              <div className="mt-auto pt-4">
                <UseTemplateButton
                  templateKey={template.key}
                  name={localized(template, "name", locale)}
                  createFromTemplate={createJourneyFromTemplateAction}
                />
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

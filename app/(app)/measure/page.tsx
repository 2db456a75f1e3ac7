import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PhaseIntro, phaseMetadata } from "@/components/phase-intro";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

export const generateMetadata = phaseMetadata("measure");

export default async function MeasurePage() {
  const user = await requireUser("measure:read");
  const t = await getTranslations("imports");
  return (
    <>
      <PhaseIntro phase="measure" />
      {can(user.role, "observation:import") && (
        <section className="mt-6 rounded-lg border border-neutral-200 bg-white p-4">
          <Link href="/measure/import" className="font-medium text-accent hover:underline" data-testid="survey-import-link">
            {t("link")}
          </Link>
          <p className="mt-1 text-sm text-neutral-600">{t("linkLead")}</p>
        </section>
      )}
    </>
  );
}

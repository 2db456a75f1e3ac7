import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listImportMappings } from "@/lib/imports/mappings";
import { listImportChoices, listSurveyImports } from "@/lib/imports/queries";
import { deleteImportMappingAction, saveImportMappingAction } from "./actions";
import { ImportHistory } from "./_components/import-history";
import { ImportWizard } from "./_components/import-wizard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("title") };
}

export default async function SurveyImportPage() {
  const user = await requireUser("observation:import");
  const [mappings, choices, imports, t] = await Promise.all([
    listImportMappings(user),
    listImportChoices(user),
    listSurveyImports(user),
    getTranslations("imports"),
  ]);
  return (
    <>
      <nav className="mb-2 text-sm">
        <Link href="/measure" className="text-accent hover:underline">
          {t("back")}
        </Link>
      </nav>
      <PageHeader title={t("title")} lead={t("lead")} />
      <ImportWizard
        mappings={mappings}
        choices={choices}
        saveMapping={saveImportMappingAction}
        deleteMapping={deleteImportMappingAction}
      />
      <ImportHistory imports={imports} />
    </>
  );
}

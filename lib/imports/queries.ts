import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import type { TImportChoices, TSurveyImportSummary } from "./schemas";

const RECENT_IMPORTS = 20;

/** The organization's latest survey imports, newest first. */
export async function listSurveyImports(actor: TActor): Promise<TSurveyImportSummary[]> {
  assertCan(actor, "observation:import");
  const rows = await db.surveyImport.findMany({
    where: { organizationId: actor.organizationId },
    orderBy: { createdAt: "desc" },
    take: RECENT_IMPORTS,
    select: {
      id: true,
      fileName: true,
      status: true,
      validRowsOnly: true,
      totalRows: true,
      importedRows: true,
      duplicateRows: true,
      errorRows: true,
      createdAt: true,
      createdBy: { select: { name: true } },
    },
  });
  return rows.map(({ createdBy, createdAt, ...row }) => ({
    ...row,
    createdBy: createdBy?.name ?? "",
    createdAt: createdAt.toISOString(),
  }));
}

/** What the mapping form offers: the journeys that take observations (with their touchpoints) and the sites. */
export async function listImportChoices(actor: TActor): Promise<TImportChoices> {
  assertCan(actor, "observation:import");
  const organizationId = actor.organizationId;
  const [journeys, sites] = await Promise.all([
    db.journey.findMany({
      where: { organizationId, archivedAt: null },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        nameKo: true,
        nameEn: true,
        touchpoints: {
          select: { id: true, nameKo: true, nameEn: true },
          orderBy: [{ stage: { position: "asc" } }, { position: "asc" }],
        },
      },
    }),
    db.site.findMany({
      where: { organizationId },
      orderBy: { code: "asc" },
      select: { id: true, code: true, name: true },
    }),
  ]);
  return { journeys, sites };
}

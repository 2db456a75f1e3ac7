import "server-only";
import { db } from "@/lib/db/client";
import { writeAuditLog } from "@/lib/audit/log";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import {
  ZDeleteImportMappingInput,
  ZImportMapping,
  ZSaveImportMappingInput,
  type TDeleteImportMappingInput,
  type TSaveImportMappingInput,
  type TSavedMapping,
} from "./schemas";

// Column mappings, saved by name per organization and reused for every file of the same shape.

export async function listImportMappings(actor: TActor): Promise<TSavedMapping[]> {
  assertCan(actor, "observation:import");
  const rows = await db.importMapping.findMany({
    where: { organizationId: actor.organizationId },
    select: { id: true, name: true, mapping: true, updatedAt: true },
    orderBy: { name: "asc" },
  });
  // A stored mapping that no longer parses (written by an older version) is left out, not fatal.
  return rows.flatMap((row) => {
    const mapping = ZImportMapping.safeParse(row.mapping);
    return mapping.success
      ? [
          {
            id: row.id,
            name: row.name,
            mapping: mapping.data,
            updatedAt: row.updatedAt.toISOString(),
          },
        ]
      : [];
  });
}

/** Saves a mapping under a name: a new name creates it, an existing one (or its id) replaces it. */
export async function saveImportMapping(
  actor: TActor,
  input: TSaveImportMappingInput,
): Promise<{ id: string }> {
  assertCan(actor, "observation:import");
  const { mappingId, name, mapping } = parseInput(ZSaveImportMappingInput, input);
  const organizationId = actor.organizationId;
  return db.$transaction(async (tx) => {
    const byName = await tx.importMapping.findUnique({
      where: { organizationId_name: { organizationId, name } },
      select: { id: true },
    });
    let id: string;
    if (mappingId) {
      // Before the update: renaming onto a taken name would otherwise hit the unique index.
      if (byName && byName.id !== mappingId)
        throw new AppError("CONFLICT", "imports.errors.mappingNameTaken", {
          name: ["imports.errors.mappingNameTaken"],
        });
      const { count } = await tx.importMapping.updateMany({
        where: { id: mappingId, organizationId },
        data: { name, mapping },
      });
      if (count === 0) throw notFound("mappingId");
      id = mappingId;
    } else if (byName) {
      await tx.importMapping.update({ where: { id: byName.id }, data: { mapping } });
      id = byName.id;
    } else {
      ({ id } = await tx.importMapping.create({
        data: { organizationId, name, mapping, createdById: actor.id },
        select: { id: true },
      }));
    }
    await writeAuditLog(
      {
        organizationId,
        actorId: actor.id,
        action: "import_mapping.save",
        entityType: "ImportMapping",
        entityId: id,
        details: { name },
      },
      tx,
    );
    return { id };
  });
}

export async function deleteImportMapping(
  actor: TActor,
  input: TDeleteImportMappingInput,
): Promise<void> {
  assertCan(actor, "observation:import");
  const { mappingId } = parseInput(ZDeleteImportMappingInput, input);
  await db.$transaction(async (tx) => {
    const mapping = await tx.importMapping.findFirst({
      where: { id: mappingId, organizationId: actor.organizationId },
      select: { name: true },
    });
    if (!mapping) throw notFound("mappingId");
    await tx.importMapping.delete({ where: { id: mappingId } });
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "import_mapping.delete",
        entityType: "ImportMapping",
        entityId: mappingId,
        details: { name: mapping.name },
      },
      tx,
    );
  });
}

import { db } from "@/lib/db/client";
import type { TRole } from "@/lib/auth/permissions";
import type { TSessionUser } from "@/lib/auth/session-user";
import { issueLink } from "@/lib/accounts/links";
import { createApiKey } from "@/lib/api-keys/mutations";
import { saveImportMapping } from "@/lib/imports/mappings";
import type { TImportMappingInput } from "@/lib/imports/schemas";
import { saveExpectation } from "@/lib/journeys/expectations";
import { createJourney, setJourneyArchived } from "@/lib/journeys/mutations";
import { saveStage } from "@/lib/journeys/stages";
import { saveTouchpoint } from "@/lib/journeys/touchpoints";
import { recordObservations } from "@/lib/observations/mutations";
import { openAnalysis, saveCause, saveOption } from "@/lib/projects/analysis";
import { saveSegment } from "@/lib/segments/mutations";
import { createOrganization, createUser, TEST_PASSWORD } from "../helpers/factories";
import {
  buildJourney,
  touchpointInput,
  versionOf,
  type TFixture,
} from "../helpers/journey-fixture";

// Two organizations built once for the whole matrix, through the domain functions. Objects that
// an allowed call would use up (a stage to delete, a follow-up to close) are made fresh by the
// `fresh…` helpers, in whichever organization the call aims at.

export type TOrg = {
  key: "a" | "b";
  id: string;
  users: Record<TRole, TSessionUser>;
  journey: TFixture;
  siteId: string;
  apiKey: { id: string; secret: string };
  projectId: string;
};
export type TWorld = { a: TOrg; b: TOrg };

let sequence = 0;
const next = (label: string) => `${label} ${++sequence}`;

async function buildOrg(key: "a" | "b"): Promise<TOrg> {
  const organization = await createOrganization(key.toUpperCase());
  const users = {
    ADMIN: await createUser(organization.id, "ADMIN"),
    MANAGER: await createUser(organization.id, "MANAGER"),
    FRONTLINE: await createUser(organization.id, "FRONTLINE"),
    EXECUTIVE: await createUser(organization.id, "EXECUTIVE"),
  };
  const journey = await buildJourney(users.MANAGER, `Journey ${key}`);
  const site = await db.site.create({
    data: { organizationId: organization.id, code: `S-${key}`, name: `Store ${key}` },
    select: { id: true },
  });
  const apiKey = await createApiKey(users.ADMIN, {
    name: `Kiosk ${key}`,
    scopes: ["observations:write"],
  });
  const { projectId } = await openAnalysis(users.MANAGER, { touchpointId: journey.mot });
  return {
    key,
    id: organization.id,
    users,
    journey,
    siteId: site.id,
    apiKey: { id: apiKey.id, secret: apiKey.secret },
    projectId,
  };
}

export async function buildWorld(): Promise<TWorld> {
  return { a: await buildOrg("a"), b: await buildOrg("b") };
}

export { TEST_PASSWORD };

// ---------------------------------------------------------------------------------------------
// Fresh objects, made by the organization's own manager or admin.
// ---------------------------------------------------------------------------------------------

export const journeyVersion = (org: TOrg) => versionOf(org.journey.journeyId);

export async function freshStage(org: TOrg) {
  const stage = await saveStage(org.users.MANAGER, {
    journeyId: org.journey.journeyId,
    version: await journeyVersion(org),
    nameEn: next("Stage"),
  });
  return { stageId: stage.id };
}

export async function freshTouchpoint(org: TOrg) {
  const touchpoint = await saveTouchpoint(org.users.MANAGER, {
    journeyId: org.journey.journeyId,
    version: await journeyVersion(org),
    stageId: org.journey.returning,
    ...touchpointInput(next("Touchpoint")),
  });
  return { touchpointId: touchpoint.id };
}

export async function freshSegment(org: TOrg) {
  const segment = await saveSegment(org.users.MANAGER, { nameEn: next("Segment") });
  return { segmentId: segment.id };
}

export async function freshExpectation(org: TOrg) {
  const { segmentId } = await freshSegment(org);
  await saveExpectation(org.users.MANAGER, {
    touchpointId: org.journey.mot,
    segmentId,
    needs: "Short queue",
    expectedLevel: 6,
  });
  return { touchpointId: org.journey.mot, segmentId };
}

/** An archived journey (a journey must be archived before it can be deleted). */
export async function freshArchivedJourney(org: TOrg) {
  const { id } = await createJourney(org.users.MANAGER, { nameEn: next("Old journey") });
  await setJourneyArchived(org.users.MANAGER, { journeyId: id, version: 1, isArchived: true });
  return { journeyId: id, version: await versionOf(id) };
}

export async function freshJourney(org: TOrg) {
  const { id } = await createJourney(org.users.MANAGER, { nameEn: next("Journey") });
  return { journeyId: id };
}

export async function freshUser(org: TOrg, role: TRole = "FRONTLINE") {
  const user = await createUser(org.id, role);
  return { userId: user.id, user };
}

export async function freshInvitation(org: TOrg) {
  const link = await db.$transaction((tx) =>
    issueLink(tx, "INVITATION", {
      organizationId: org.id,
      email: `${next("invitee")}@test.moments`.replace(/ /g, "."),
      role: "FRONTLINE",
    }),
  );
  return { invitationId: link.id };
}

export async function freshApiKey(org: TOrg) {
  const key = await createApiKey(org.users.ADMIN, {
    name: next("Key"),
    scopes: ["observations:write"],
  });
  return { apiKeyId: key.id };
}

/** A detractor's observation, which opens a follow-up. */
export async function freshFollowUp(org: TOrg) {
  const { ids } = await recordObservations(org.users.MANAGER, {
    observations: [
      {
        touchpointId: org.journey.mot,
        siteId: org.siteId,
        source: "FRONTLINE",
        observedAt: new Date(),
        nps: 2,
      },
    ],
  });
  const followUp = await db.followUp.findFirstOrThrow({
    where: { observationId: ids[0] },
    select: { id: true },
  });
  return { followUpId: followUp.id };
}

export async function freshCause(org: TOrg) {
  const { id } = await saveCause(org.users.MANAGER, {
    projectId: org.projectId,
    dimension: "PRODUCT_SERVICE",
    description: next("Cause"),
    frequency: 3,
  });
  return { projectId: org.projectId, causeId: id };
}

export async function freshOption(org: TOrg) {
  const { id } = await saveOption(org.users.MANAGER, {
    projectId: org.projectId,
    description: next("Option"),
  });
  return { projectId: org.projectId, optionId: id };
}

export const importMappingOf = (org: TOrg): TImportMappingInput => ({
  touchpoint: { by: "fixed", touchpointId: org.journey.mot },
  observedAt: { by: "fixed", date: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10) },
  columns: { nps: "NPS", comment: "comment" },
});

export async function freshImportMapping(org: TOrg) {
  const { id } = await saveImportMapping(org.users.MANAGER, {
    name: next("Mapping"),
    mapping: importMappingOf(org),
  });
  return { mappingId: id };
}

/** The journey's whole order, as stored, with its stages reversed: a valid layout edit. */
export async function reversedLayout(org: TOrg) {
  const stages = await db.stage.findMany({
    where: { journeyId: org.journey.journeyId },
    orderBy: { position: "asc" },
    select: { id: true, touchpoints: { orderBy: { position: "asc" }, select: { id: true } } },
  });
  return {
    journeyId: org.journey.journeyId,
    version: await journeyVersion(org),
    stages: stages
      .reverse()
      .map((stage) => ({ stageId: stage.id, touchpointIds: stage.touchpoints.map((t) => t.id) })),
  };
}

import "server-only";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import type { TActor } from "@/lib/auth/permissions";
import { createJourneyFromTemplate } from "@/lib/templates/instantiate";
import { DEMO_PASSWORD, DEMO_SEGMENTS } from "@/prisma/seed/demo-users";
import { largeIdPrefix, type TLargeRefs } from "./copy-text";
import { LARGE_JOURNEYS, LARGE_SITES, largeUsers } from "./large-organization";
import type { TLargeModel } from "./model";

// Everything of the large organization except its observations: the organization, an admin and
// a manager, the sites, the demo's segments and one journey per template (made the way a user
// makes them, createJourneyFromTemplate). Idempotent: a second run finds them and creates nothing.

export type TLargeOrganization = {
  organizationId: string;
  /** The generated year ends when the organization was first created: the same rows on every later run. */
  createdAt: Date;
  journeys: { templateKey: string; journeyId: string }[];
  createdUsers: number;
  createdJourneys: number;
};

export async function prepareLargeOrganization(slug: string): Promise<TLargeOrganization> {
  const organization = await db.organization.upsert({
    where: { slug },
    create: { slug, name: `Moments 대용량 Large (${slug})`, defaultLocale: "ko" },
    update: {},
    select: { id: true, createdAt: true },
  });
  const organizationId = organization.id;

  for (const site of LARGE_SITES) {
    await db.site.upsert({
      where: { organizationId_code: { organizationId, code: site.code } },
      create: { organizationId, code: site.code, name: site.name },
      update: {},
      select: { id: true },
    });
  }
  const users = largeUsers(slug);
  const existing = new Set(
    (
      await db.user.findMany({
        where: { email: { in: users.map((u) => u.email) } },
        select: { email: true },
      })
    ).map((u) => u.email),
  );
  const missing = users.filter((u) => !existing.has(u.email));
  if (missing.length) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await db.user.createMany({
      data: missing.map((u) => ({
        organizationId,
        email: u.email,
        name: u.name,
        role: u.role,
        passwordHash,
      })),
      skipDuplicates: true,
    });
  }
  for (const segment of DEMO_SEGMENTS) {
    const exists = await db.segment.count({ where: { organizationId, nameEn: segment.nameEn } });
    if (!exists) await db.segment.create({ data: { ...segment, organizationId } });
  }

  const admin: TActor | null = await db.user.findFirst({
    where: { organizationId, role: "ADMIN", isActive: true },
    orderBy: { createdAt: "asc" },
    select: { id: true, organizationId: true, role: true },
  });
  if (!admin)
    throw new Error(`The organization "${slug}" has no active admin to create its journeys.`);
  const journeys: TLargeOrganization["journeys"] = [];
  let createdJourneys = 0;
  for (const { templateKey } of LARGE_JOURNEYS) {
    let journey = await firstOpenJourney(organizationId, templateKey);
    if (!journey) {
      journey = await createJourneyFromTemplate(admin, templateKey);
      createdJourneys += 1;
    }
    journeys.push({ templateKey, journeyId: journey.id });
  }
  return {
    organizationId,
    createdAt: organization.createdAt,
    journeys,
    createdUsers: missing.length,
    createdJourneys,
  };
}

const firstOpenJourney = (organizationId: string, templateKey: string) =>
  db.journey.findFirst({
    where: { organizationId, templateKey, archivedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });

/**
 * The database ids behind the model's indexes, found by name: touchpoints by journey and English
 * name, drivers by touchpoint and name, segments by name, sites by code. A journey edited since
 * it was made from its template no longer matches the rows: say which touchpoint is missing.
 */
export async function resolveLargeRefs(
  organization: TLargeOrganization,
  model: TLargeModel,
): Promise<TLargeRefs> {
  const { organizationId } = organization;
  const [touchpoints, segments, sites] = await Promise.all([
    db.touchpoint.findMany({
      where: { organizationId, journeyId: { in: organization.journeys.map((j) => j.journeyId) } },
      select: {
        id: true,
        journeyId: true,
        nameEn: true,
        loyaltyDrivers: { select: { id: true, nameEn: true } },
      },
    }),
    db.segment.findMany({
      where: { organizationId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, nameEn: true },
    }),
    db.site.findMany({ where: { organizationId }, select: { id: true, code: true } }),
  ]);
  const journeyOf = new Map(organization.journeys.map((j) => [j.templateKey, j.journeyId]));
  const found = new Map(touchpoints.map((t) => [`${t.journeyId}\u0000${t.nameEn}`, t]));
  const byName = <T extends { id: string }>(
    items: T[],
    key: (item: T) => string,
    name: string,
    what: string,
  ) => {
    const item = items.find((i) => key(i) === name);
    if (!item)
      throw new Error(
        `The large organization has no ${what} "${name}": was it renamed or deleted? Seed another --org.`,
      );
    return item.id;
  };
  const resolved = model.touchpoints.map((t) => {
    const touchpoint = found.get(`${journeyOf.get(t.templateKey)}\u0000${t.nameEn}`);
    if (!touchpoint)
      throw new Error(
        `The ${t.templateKey} journey has no touchpoint "${t.nameEn}": was it edited? Seed another --org.`,
      );
    return {
      id: touchpoint.id,
      driverIds: t.drivers.map((name) =>
        byName(touchpoint.loyaltyDrivers, (d) => d.nameEn, name, `driver of "${t.nameEn}" named`),
      ),
    };
  });
  return {
    organizationId,
    idPrefix: largeIdPrefix(organizationId),
    touchpointIds: resolved.map((t) => t.id),
    driverIds: resolved.map((t) => t.driverIds),
    segmentIds: model.segments.map((s) => byName(segments, (x) => x.nameEn, s.nameEn, "segment")),
    siteIds: model.sites.map((s) => byName(sites, (x) => x.code, s.code, "site")),
  };
}

import "server-only";
import { db } from "@/lib/db/client";
import { DEMO_ORGANIZATION_SLUG } from "@/lib/auth/demo-policy";
import { hashPassword } from "@/lib/auth/password";
import type { TActor } from "@/lib/auth/permissions";
import { createJourneyFromTemplate } from "@/lib/templates/instantiate";
import { seedDemoPromises } from "./demo-promises-seed";
import { seedSktDemoJourney } from "./demo-skt-journey";
import {
  DEMO_JOURNEY_TEMPLATE,
  DEMO_PASSWORD,
  DEMO_SEGMENTS,
  DEMO_SITES,
  DEMO_USERS,
} from "./demo-users";

// The demo organization `npm start` creates, so that a fresh clone can be tried at once: users,
// sites, segments, two journeys (one with observations telling a DMAIC story) and service promises.
// Idempotent: a second run adds nothing and changes no password.

export type TDemoSeedResult = {
  createdUsers: number;
  createdJourneys: number;
  createdObservations: number;
  createdPromises: number;
};

export async function seedDemoOrganization(): Promise<TDemoSeedResult> {
  const organization = await db.organization.upsert({
    where: { slug: DEMO_ORGANIZATION_SLUG },
    create: {
      slug: DEMO_ORGANIZATION_SLUG,
      name: "Moments Demo",
      defaultLocale: "ko",
      isDemo: true,
    },
    update: {},
    select: { id: true, isDemo: true },
  });
  // A real organization that took the slug (the setup refuses it, but a database may predate that)
  // never receives demo data.
  if (!organization.isDemo)
    return { createdUsers: 0, createdJourneys: 0, createdObservations: 0, createdPromises: 0 };

  const sites = new Map<string, string>();
  for (const site of DEMO_SITES) {
    const row = await db.site.upsert({
      where: { organizationId_code: { organizationId: organization.id, code: site.code } },
      create: { ...site, organizationId: organization.id },
      update: {},
      select: { id: true },
    });
    sites.set(site.code, row.id);
  }

  const existing = new Set(
    (
      await db.user.findMany({
        where: { email: { in: DEMO_USERS.map((u) => u.email) } },
        select: { email: true },
      })
    ).map((u) => u.email),
  );
  const missing = DEMO_USERS.filter((u) => !existing.has(u.email));
  if (missing.length > 0) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await db.user.createMany({
      data: missing.map((u) => ({
        organizationId: organization.id,
        email: u.email,
        name: u.name,
        role: u.role,
        passwordHash,
        homeSiteId: u.site ? sites.get(u.site) : undefined,
      })),
      skipDuplicates: true,
    });
  }

  for (const segment of DEMO_SEGMENTS) {
    const exists = await db.segment.count({
      where: { organizationId: organization.id, nameEn: segment.nameEn },
    });
    if (!exists) await db.segment.create({ data: { ...segment, organizationId: organization.id } });
  }
  const admin = await db.user.findFirst({
    where: { organizationId: organization.id, role: "ADMIN", isActive: true },
    orderBy: { createdAt: "asc" },
    select: { id: true, organizationId: true, role: true },
  });
  if (!admin)
    return {
      createdUsers: missing.length,
      createdJourneys: 0,
      createdObservations: 0,
      createdPromises: 0,
    };
  // Frontline staff log against the first journey (Hilton) until they pick another: it must be created before the SK Telecom one.
  const createdFrontlineJourney = await seedDemoJourney(admin);
  const skt = await seedSktDemoJourney(admin);
  // After the SK Telecom journey: the promises are made at its touchpoints.
  const createdPromises = await seedDemoPromises(organization.id);
  return {
    createdUsers: missing.length,
    createdJourneys: createdFrontlineJourney + skt.createdJourneys,
    createdObservations: skt.createdObservations,
    createdPromises,
  };
}

/**
 * A journey from a shipped template, so frontline staff have touchpoints to log against on a
 * fresh start. Only while the organization has no journey from that template (archived ones
 * count: a journey the demo admin archived is not brought back).
 */
async function seedDemoJourney(admin: TActor): Promise<number> {
  const exists = await db.journey.count({
    where: { organizationId: admin.organizationId, templateKey: DEMO_JOURNEY_TEMPLATE },
  });
  if (exists) return 0;
  await createJourneyFromTemplate(admin, DEMO_JOURNEY_TEMPLATE);
  return 1;
}

import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ZJourneyDocument } from "@/lib/journeys/document";
import { exportJourney } from "@/lib/journeys/export";
import { getJourneyMap } from "@/lib/journeys/queries";
import { saveStage } from "@/lib/journeys/stages";
import { deleteTouchpoint } from "@/lib/journeys/touchpoints";
import { describeTemplates, findTemplate, JOURNEY_TEMPLATES } from "@/lib/templates/catalog";
import { createJourneyFromTemplate } from "@/lib/templates/instantiate";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations } from "./helpers/factories";

let cast: Awaited<ReturnType<typeof createTwoOrganizations>>;
beforeEach(async () => {
  await resetDatabase();
  cast = await createTwoOrganizations();
});

// The counts the seed cases give (../shared/PRODUCT.md, "Templates the product ships").
const TEMPLATES = [
  { key: "avis-car-rental", stages: undefined, touchpoints: 100 },
  { key: "skt-mobile-lifecycle", stages: 29, touchpoints: 117 },
  { key: "hilton-hotel-stay", stages: undefined, touchpoints: 17 },
  // "About 50 steps": the template has exactly 50.
  { key: "virgin-atlantic-airline", stages: undefined, touchpoints: 50 },
] as const;

describe("journey templates", () => {
  it.each(TEMPLATES)(
    "$key instantiates with exact counts, all of it in the actor's organization",
    async ({ key, stages, touchpoints }) => {
      const template = findTemplate(key);
      expect(template).toBeDefined();
      const templateStages = template!.journey.stages.length;
      if (stages !== undefined) expect(templateStages).toBe(stages);
      if (key === "virgin-atlantic-airline") {
        expect(touchpoints).toBeGreaterThanOrEqual(45);
        expect(touchpoints).toBeLessThanOrEqual(55);
      }

      const result = await createJourneyFromTemplate(cast.a.manager, key);
      expect(result).toEqual({
        id: result.id,
        stageCount: templateStages,
        touchpointCount: touchpoints,
      });

      const orgA = cast.a.organization.id;
      expect(await db.journey.findUniqueOrThrow({ where: { id: result.id } })).toMatchObject({
        organizationId: orgA,
        templateKey: key,
        version: 1,
        archivedAt: null,
        createdById: cast.a.manager.id,
      });
      expect(await db.stage.count({ where: { journeyId: result.id, organizationId: orgA } })).toBe(
        templateStages,
      );
      expect(
        await db.touchpoint.count({ where: { journeyId: result.id, organizationId: orgA } }),
      ).toBe(touchpoints);
      expect(
        await db.loyaltyDriver.count({
          where: { touchpoint: { journeyId: result.id }, organizationId: { not: orgA } },
        }),
      ).toBe(0);
      expect(await db.journey.count({ where: { organizationId: cast.b.organization.id } })).toBe(0);

      const map = await getJourneyMap(cast.a.frontline, result.id);
      expect(map.templateKey).toBe(key);
      expect(map.stages).toHaveLength(templateStages);
      expect(map.stages.flatMap((s) => s.touchpoints)).toHaveLength(touchpoints);
      // Positions are 0..n-1 in the template's order.
      const stored = await db.stage.findMany({
        where: { journeyId: result.id },
        orderBy: { position: "asc" },
        select: {
          position: true,
          touchpoints: { select: { position: true }, orderBy: { position: "asc" } },
        },
      });
      expect(stored.map((s) => s.position)).toEqual([...Array(templateStages).keys()]);
      for (const stage of stored)
        expect(stage.touchpoints.map((t) => t.position)).toEqual([
          ...Array(stage.touchpoints.length).keys(),
        ]);

      // The gallery card announces the same sizes.
      expect(describeTemplates().find((t) => t.key === key)).toMatchObject({
        stageCount: templateStages,
        touchpointCount: touchpoints,
      });
    },
  );

  it.each(TEMPLATES)(
    "$key names every stage and touchpoint in both languages, distinct within the template",
    async ({ key }) => {
      const { id } = await createJourneyFromTemplate(cast.a.manager, key);
      const map = await getJourneyMap(cast.a.manager, id);
      expect(map.nameKo.trim()).not.toBe("");
      expect(map.nameEn.trim()).not.toBe("");
      const touchpoints = map.stages.flatMap((s) => s.touchpoints);
      for (const [kind, items] of [
        ["stage", map.stages],
        ["touchpoint", touchpoints],
      ] as const) {
        const missing = items
          .filter((i) => i.nameKo.trim() === "" || i.nameEn.trim() === "")
          .map((i) => `${i.nameKo}|${i.nameEn}`);
        expect(missing, `${kind}s without a name in one language`).toEqual([]);
        for (const language of ["nameKo", "nameEn"] as const) {
          const names = items.map((i) => i[language].trim().toLowerCase());
          const duplicates = names.filter((name, index) => names.indexOf(name) !== index);
          expect(duplicates, `duplicate ${kind} ${language}`).toEqual([]);
        }
      }
    },
  );

  it.each(TEMPLATES)(
    "$key has Moments of Truth, each with a RATIONAL and an EMOTIONAL driver",
    async ({ key }) => {
      const { id } = await createJourneyFromTemplate(cast.a.manager, key);
      const mots = (await getJourneyMap(cast.a.manager, id)).stages
        .flatMap((s) => s.touchpoints)
        .filter((t) => t.isMoT);
      expect(mots.length).toBeGreaterThan(0);
      const lacking = mots
        .filter(
          (t) =>
            !t.drivers.some((d) => d.kind === "RATIONAL") ||
            !t.drivers.some((d) => d.kind === "EMOTIONAL"),
        )
        .map((t) => t.nameEn);
      expect(lacking).toEqual([]);
      for (const driver of mots.flatMap((t) => t.drivers)) {
        expect(
          driver.nameKo.trim() !== "" && driver.nameEn.trim() !== "",
          `driver ${driver.nameKo}|${driver.nameEn}`,
        ).toBe(true);
      }
    },
  );

  it.each(TEMPLATES)(
    "$key instantiates losslessly: its export is the template document, in order",
    async ({ key }) => {
      const { id } = await createJourneyFromTemplate(cast.a.manager, key);
      expect(await exportJourney(cast.a.manager, id)).toEqual(
        ZJourneyDocument.parse(findTemplate(key)!.journey),
      );
    },
  );

  it("instantiating twice gives two independent journeys", async () => {
    const key = "hilton-hotel-stay";
    const first = await createJourneyFromTemplate(cast.a.manager, key);
    const second = await createJourneyFromTemplate(cast.a.admin, key);
    expect(second.id).not.toBe(first.id);

    const idsOf = async (journeyId: string) => {
      const map = await getJourneyMap(cast.a.manager, journeyId);
      const touchpoints = map.stages.flatMap((s) => s.touchpoints);
      return [
        ...map.stages.map((s) => s.id),
        ...touchpoints.map((t) => t.id),
        ...touchpoints.flatMap((t) => t.drivers.map((d) => d.id)),
      ];
    };
    const [idsA, idsB] = [await idsOf(first.id), await idsOf(second.id)];
    expect(idsA.filter((i) => idsB.includes(i))).toEqual([]);

    // Editing the first leaves the second exactly as it was.
    const secondBefore = await exportJourney(cast.a.manager, second.id);
    const map = await getJourneyMap(cast.a.manager, first.id);
    const renamed = await saveStage(cast.a.manager, {
      journeyId: first.id,
      version: map.version,
      stageId: map.stages[0]!.id,
      nameKo: "바뀐 단계",
      nameEn: "Changed stage",
    });
    await deleteTouchpoint(cast.a.manager, {
      journeyId: first.id,
      version: renamed.version,
      touchpointId: map.stages[0]!.touchpoints[0]!.id,
    });
    expect(await exportJourney(cast.a.manager, second.id)).toEqual(secondBefore);
    expect((await getJourneyMap(cast.a.manager, second.id)).version).toBe(1);
    expect((await exportJourney(cast.a.manager, first.id)).stages[0]!.nameEn).toBe("Changed stage");
  });

  it("writes the journey's description in the reader's language; names stay bilingual", async () => {
    const template = JOURNEY_TEMPLATES.find((t) => t.key === "hilton-hotel-stay")!;
    const inKorean = await createJourneyFromTemplate(cast.a.manager, template.key, "ko");
    const inEnglish = await createJourneyFromTemplate(cast.a.manager, template.key, "en");
    expect((await getJourneyMap(cast.a.manager, inKorean.id)).description).toBe(
      template.journey.description,
    );
    expect(await getJourneyMap(cast.a.manager, inEnglish.id)).toMatchObject({
      description: template.descriptionEn,
      nameKo: template.journey.nameKo,
      nameEn: template.journey.nameEn,
    });
  });

  it("an unknown key is NOT_FOUND and creates nothing", async () => {
    await expect(
      createJourneyFromTemplate(cast.a.manager, "no-such-template"),
    ).rejects.toMatchObject({ name: "AppError", code: "NOT_FOUND" });
    expect(await db.journey.count()).toBe(0);
    expect(await db.stage.count()).toBe(0);
  });

  it("is FORBIDDEN to frontline staff and executives", async () => {
    for (const actor of [cast.a.frontline, cast.a.executive]) {
      await expect(createJourneyFromTemplate(actor, "avis-car-rental")).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    expect(await db.journey.count()).toBe(0);
  });
});

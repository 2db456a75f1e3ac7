import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createJourney } from "@/lib/journeys/mutations";
import { listJourneys } from "@/lib/journeys/queries";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations } from "./helpers/factories";

let cast: Awaited<ReturnType<typeof createTwoOrganizations>>;
beforeEach(async () => {
  await resetDatabase();
  cast = await createTwoOrganizations();
});

describe("journeys", () => {
  it("a manager creates a journey that only their organization sees", async () => {
    const { id } = await createJourney(cast.a.manager, { nameKo: "렌터카", nameEn: "Car rental" });
    expect((await listJourneys(cast.a.frontline)).map((j) => j.id)).toEqual([id]);
    expect(await listJourneys(cast.b.manager)).toEqual([]);
  });

  it("frontline staff and executives may read but not create: refused, nothing stored", async () => {
    for (const actor of [cast.a.frontline, cast.a.executive]) {
      await expect(createJourney(actor, { nameKo: "권한 없음" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    expect(await db.journey.count()).toBe(0);
  });

  it("refuses a journey without a name in any language", async () => {
    await expect(createJourney(cast.a.manager, { nameKo: "  ", nameEn: "" })).rejects.toMatchObject(
      { name: "AppError", code: "VALIDATION" },
    );
    expect(await db.journey.count()).toBe(0);
  });
});

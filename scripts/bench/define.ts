// Benchmark of the Define phase on a real (embedded) PostgreSQL: `npm run bench:define`.
// Prints medians and ratios against a baseline measured in the same run; asserts nothing.
import { performance } from "node:perf_hooks";
import { median as mid, medianTime, withBenchDatabase } from "./bench-database";

const RUNS = 9;

const median = (run: () => Promise<unknown>) => medianTime(run, RUNS);

await withBenchDatabase("define", async (url) => {
  const { db } = await import("@/lib/db/client");
  const { createJourneyFromDocument } = await import("@/lib/journeys/from-document");
  const { createJourneyFromTemplate } = await import("@/lib/templates/instantiate");
  const { getJourneyMap } = await import("@/lib/journeys/queries");
  const { saveJourneyLayout } = await import("@/lib/journeys/layout");

  const organization = await db.organization.create({ data: { name: "Bench", slug: "bench" } });
  const user = await db.user.create({
    data: {
      organizationId: organization.id,
      email: "bench@bench",
      name: "Bench",
      role: "MANAGER",
      passwordHash: "-",
    },
  });
  const actor = { id: user.id, organizationId: organization.id, role: "MANAGER" as const };

  const tiny = {
    nameEn: "Tiny",
    stages: [
      {
        nameEn: "Only",
        touchpoints: [{ nameEn: "One", channel: "WEB", dimension: "PRODUCT_SERVICE" }],
      },
    ],
  };
  const baseline = await median(() =>
    createJourneyFromDocument(actor, tiny as never, { action: "journey.import" }),
  );
  const instantiate = await median(() => createJourneyFromTemplate(actor, "skt-mobile-lifecycle"));

  const { id } = await createJourneyFromTemplate(actor, "skt-mobile-lifecycle");
  const readMap = await median(() => getJourneyMap(actor, id));

  // Reordering: moving one stage vs reversing every stage and every touchpoint (117 rows move).
  const layoutOf = async () =>
    (await getJourneyMap(actor, id)).stages.map((s) => ({
      stageId: s.id,
      touchpointIds: s.touchpoints.map((t) => t.id),
    }));
  const save = async (
    change: (layout: Awaited<ReturnType<typeof layoutOf>>) => Awaited<ReturnType<typeof layoutOf>>,
  ) => {
    const map = await getJourneyMap(actor, id);
    const layout = await layoutOf();
    const start = performance.now();
    await saveJourneyLayout(actor, { journeyId: id, version: map.version, stages: change(layout) });
    return performance.now() - start;
  };
  const moveOne: number[] = [];
  const reverseAll: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    moveOne.push(await save(([first, second, ...rest]) => [second!, first!, ...rest]));
    reverseAll.push(
      await save((layout) =>
        layout.reverse().map((s) => ({ ...s, touchpointIds: [...s.touchpointIds].reverse() })),
      ),
    );
  }

  const rows = [
    ["create a 1-touchpoint journey (baseline)", baseline],
    ["instantiate SK Telecom (29 stages, 117 touchpoints, drivers)", instantiate],
    ["read the SK Telecom map", readMap],
    ["save a layout: swap two stages", mid(moveOne)],
    ["save a layout: reverse all 29 stages and 117 touchpoints", mid(reverseAll)],
  ] as const;
  console.log(
    `Define benchmark — median of ${RUNS} runs, embedded PostgreSQL ${url.replace(/:[^:@/]+@/, ":***@")}`,
  );
  for (const [label, ms] of rows)
    console.log(
      `${label.padEnd(64)} ${ms.toFixed(1).padStart(7)} ms  ×${(ms / baseline).toFixed(1)} baseline`,
    );
  await db.$disconnect();
});

import type { TGroupMoments } from "./schemas";

// Counts, sums and sums of squares add up: several groups' sufficient statistics (sites of a
// pilot, touchpoints of a project) are one group's by addition. The one place that adds them.

/** The additive part of a group's sums: everything but its keys and the correlation (which does not add up). */
export type TAdditiveMoments = Omit<TGroupMoments, "keys" | "experienceNpsCorrelation">;
export type TMomentField = keyof TAdditiveMoments;

export const ZERO_MOMENTS: TAdditiveMoments = {
  observations: 0,
  gap: { n: 0, sum: 0, sumSquares: 0 },
  expectation: { n: 0, sum: 0, pairedExperienceSum: 0 },
  experience: { n: 0, sum: 0, sumSquares: 0 },
  emotional: { n: 0, sum: 0, sumSquares: 0 },
  nps: { promoters: 0, passives: 0, detractors: 0 },
  csat: { n: 0, topTwoBox: 0 },
  ces: { n: 0, sum: 0, sumSquares: 0 },
};

type TAddend = number | Record<string, number>;

function add(total: TAddend, part: TAddend): TAddend {
  if (typeof total === "number") return total + (part as number);
  const other = part as Record<string, number>;
  return Object.fromEntries(
    Object.entries(total).map(([key, value]) => [key, value + other[key]!]),
  );
}

/** The named fields of several groups added up into one group (the zero group when there are none). */
export function sumMoments<K extends TMomentField>(
  groups: readonly Pick<TAdditiveMoments, K>[],
  fields: readonly K[],
): Pick<TAdditiveMoments, K> {
  const total = Object.fromEntries(
    fields.map((field) => [
      field,
      groups.reduce<TAddend>(
        (sum, group) => add(sum, group[field] as TAddend),
        ZERO_MOMENTS[field] as TAddend,
      ),
    ]),
  );
  return total as Pick<TAdditiveMoments, K>;
}

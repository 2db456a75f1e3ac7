// How much each ranked item matters, on ONE scale for stated and derived importance.
// Formula, reasons and sources in docs/METHODS.md, "Key-driver importance".
import { correlationInterval } from "./correlation";
import type { TInterval } from "./summary";

export type TImportanceSource = "STATED" | "DERIVED" | "DEFAULT";

/** Why an item has no derived importance of its own. */
type TDefaultReason =
  /** Fewer than 30 answers with both an experience score and NPS. */
  | "TOO_FEW_PAIRS"
  /** Experience or NPS does not vary, so there is no correlation. */
  | "NO_CORRELATION"
  /** The correlation's 95 % interval includes 0: not shown to go with NPS at all. */
  | "NOT_SHOWN";

/** Where an importance came from, for "why is this first?". */
export type TImportanceDetail = {
  /** The experience–NPS correlation behind it (r, pairs, Fisher z interval), when there is one. */
  correlation: { r: number; n: number; interval: TInterval | null } | null;
  defaultReason: TDefaultReason | null;
  /** The strongest derived correlation of the ranking: a derived importance is r ÷ this. */
  strongestR: number | null;
};

export type TImportance = {
  importance: number;
  importanceSource: TImportanceSource;
  importanceDetail: TImportanceDetail;
};

type TImportanceItem = {
  id: string;
  /** A manager's stated importance, 0–1, or null to derive it. */
  stated: number | null;
  /** Pearson's r of experience with NPS over the item's answers (null: none), and its pairs. */
  r: number | null;
  n: number;
};

/** Below this many paired answers a correlation is too unstable to weigh items by. */
export const MIN_PAIRS_FOR_DERIVED_IMPORTANCE = 30;
/**
 * Importance when neither a manager nor the data of any item says, and the most a DEFAULT
 * importance can be: the middle of 0..1.
 */
export const DEFAULT_IMPORTANCE = 0.5;

type TOwn =
  | { kind: "STATED"; importance: number; correlation: TImportanceDetail["correlation"] }
  | { kind: "DERIVED"; r: number; correlation: NonNullable<TImportanceDetail["correlation"]> }
  | { kind: "DEFAULT"; reason: TDefaultReason; correlation: TImportanceDetail["correlation"] };

function ownImportance(item: TImportanceItem): TOwn {
  if (!Number.isInteger(item.n) || item.n < 0)
    throw new RangeError(`n of ${item.id} must be a non-negative integer, got ${item.n}`);
  if (item.r !== null && !(item.r >= -1 && item.r <= 1))
    throw new RangeError(`r of ${item.id} must be in [−1, 1], got ${item.r}`);
  if (item.stated !== null && !(item.stated >= 0 && item.stated <= 1))
    throw new RangeError(`stated importance of ${item.id} must be in [0, 1]`);
  const correlation =
    item.r === null
      ? null
      : { r: item.r, n: item.n, interval: correlationInterval(item.r, item.n) };
  if (item.stated !== null) return { kind: "STATED", importance: item.stated, correlation };
  if (item.n < MIN_PAIRS_FOR_DERIVED_IMPORTANCE)
    return { kind: "DEFAULT", reason: "TOO_FEW_PAIRS", correlation };
  if (correlation === null) return { kind: "DEFAULT", reason: "NO_CORRELATION", correlation };
  const { interval } = correlation;
  if (interval === null || (interval.low <= 0 && interval.high >= 0))
    return { kind: "DEFAULT", reason: "NOT_SHOWN", correlation };
  return { kind: "DERIVED", r: correlation.r, correlation };
}

/**
 * Each item's importance on one 0–1 scale, where 1 is the item that matters most:
 * - STATED: as a manager stated it (0–100 %, "how important, next to the most important one").
 * - DERIVED: max(0, r) ÷ the largest max(0, r) of the ranking — a correlation of experience with NPS
 *   on at least 30 pairs whose 95 % Fisher z interval excludes 0. Raw r (typically 0.2–0.5) next to
 *   a stated 0–1 would let any stated item outweigh the derived ones about twice.
 * - DEFAULT: no derived importance of its own (too few pairs, no correlation, or one not shown to
 *   differ from 0): min(0.5, the mean of the ranking's DERIVED importances), or 0.5 when none is
 *   derived (or the strongest r is ≤ 0) — the middle of the scale at most, so a made-up importance
 *   never tops the scale. NOT_SHOWN also takes at most max(0, upper end of its interval) ÷ the
 *   strongest r: the most the data allow it to matter.
 */
export function importancesOnOneScale(items: readonly TImportanceItem[]): Map<string, TImportance> {
  const own = items.map((item) => ({ id: item.id, own: ownImportance(item) }));
  const derivedR = own.flatMap(({ own: o }) => (o.kind === "DERIVED" ? [Math.max(0, o.r)] : []));
  const maxR = derivedR.length ? Math.max(...derivedR) : 0;
  // Every derived r ≤ 0 leaves nothing to scale by: as if none were derived.
  const strongestR = maxR > 0 ? maxR : null;
  const relative = (r: number) => (strongestR === null ? 0 : Math.max(0, r) / strongestR);
  const fallback =
    strongestR === null
      ? DEFAULT_IMPORTANCE
      : Math.min(
          DEFAULT_IMPORTANCE,
          derivedR.reduce((sum, r) => sum + relative(r), 0) / derivedR.length,
        );
  const defaultImportance = (o: Extract<TOwn, { kind: "DEFAULT" }>) => {
    const high = o.correlation?.interval?.high;
    return o.reason === "NOT_SHOWN" && strongestR !== null && high !== undefined
      ? Math.min(fallback, relative(high))
      : fallback;
  };
  return new Map(
    own.map(({ id, own: o }): [string, TImportance] => {
      const detail = (defaultReason: TDefaultReason | null): TImportanceDetail => ({
        correlation: o.correlation,
        defaultReason,
        strongestR,
      });
      switch (o.kind) {
        case "STATED":
          return [
            id,
            {
              importance: o.importance,
              importanceSource: "STATED",
              importanceDetail: detail(null),
            },
          ];
        case "DERIVED":
          return [
            id,
            {
              importance: relative(o.r),
              importanceSource: "DERIVED",
              importanceDetail: detail(null),
            },
          ];
        case "DEFAULT":
          return [
            id,
            {
              importance: defaultImportance(o),
              importanceSource: "DEFAULT",
              importanceDetail: detail(o.reason),
            },
          ];
      }
    }),
  );
}

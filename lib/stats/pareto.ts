/** The 80 % of the Pareto principle (Juran): the few causes that account for most cases. */
const VITAL_FEW_SHARE = 0.8;

export type TParetoRow<T> = T & { share: number; cumulativeShare: number; isVitalFew: boolean };

/**
 * Sorted by count (then key, so equal counts always come out in the same order), with each
 * item's share, the running share, and whether it belongs to the vital few: the shortest head
 * of the list whose shares reach the threshold (an item is in it if the items before it had
 * not yet reached it).
 */
export function pareto<T extends { key: string; count: number }>(
  items: readonly T[],
  threshold: number = VITAL_FEW_SHARE,
): TParetoRow<T>[] {
  if (!(threshold > 0 && threshold <= 1))
    throw new RangeError(`threshold must be in (0, 1], got ${threshold}`);
  for (const item of items) {
    if (!(item.count >= 0) || !Number.isFinite(item.count))
      throw new RangeError(`count of ${item.key} must be ≥ 0`);
  }
  const sorted = [...items].sort(
    (a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const total = sorted.reduce((s, item) => s + item.count, 0);
  let countBefore = 0;
  return sorted.map((item) => {
    // Shares from counts, not a running sum of shares: 50 + 30 of 100 is exactly 0.8, not 0.8000000000000002.
    const isVitalFew = item.count > 0 && countBefore / total < threshold;
    countBefore += item.count;
    const share = total === 0 ? 0 : item.count / total;
    return { ...item, share, cumulativeShare: total === 0 ? 0 : countBefore / total, isVitalFew };
  });
}

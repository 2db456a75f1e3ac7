// Drawing one of many options in proportion to its weight, millions of times: the cumulative
// weights are computed once and each draw is a binary search (TRandom.choose sums every time).

/** Returns the index drawn by a uniform number u in [0, 1). Weights are non-negative, not all zero. */
export function createWeightedTable(weights: readonly number[]): (u: number) => number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (!(total > 0)) throw new Error("A weighted table needs a positive weight.");
  const bounds = new Float64Array(weights.length);
  let running = 0;
  weights.forEach((weight, i) => {
    running += weight / total;
    bounds[i] = running;
  });
  const last = weights.length - 1;
  return (u) => {
    let low = 0;
    let high = last;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (u < bounds[middle]!) high = middle;
      else low = middle + 1;
    }
    // Rounding can leave the last bound a hair below 1; zero-weight options are never drawn.
    while (weights[low] === 0 && low > 0) low -= 1;
    return low;
  };
}

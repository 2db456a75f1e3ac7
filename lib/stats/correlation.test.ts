import { describe, expect, it } from "vitest";
import { correlationFromSums, correlationInterval, type TPairSums } from "./correlation";

describe("correlationInterval (Fisher z)", () => {
  it("matches the hand computation", () => {
    // r = 0.5, n = 103: atanh 0.5 = 0.549306, SE = 1/√100 = 0.1, z = 1.959964
    // → tanh(0.353310) = 0.339308, tanh(0.745302) = 0.632338.
    const interval = correlationInterval(0.5, 103);
    expect(interval?.low).toBeCloseTo(0.339308, 5);
    expect(interval?.high).toBeCloseTo(0.632338, 5);
  });

  it("is null with three pairs or fewer", () => {
    expect(correlationInterval(0.5, 3)).toBeNull();
  });
});

describe("correlationFromSums", () => {
  const sumsOf = (pairs: [number, number][]): TPairSums =>
    pairs.reduce(
      (s, [x, y]) => ({
        n: s.n + 1,
        sumX: s.sumX + x,
        sumY: s.sumY + y,
        sumXX: s.sumXX + x * x,
        sumYY: s.sumYY + y * y,
        sumXY: s.sumXY + x * y,
      }),
      {
        n: 0,
        sumX: 0,
        sumY: 0,
        sumXX: 0,
        sumYY: 0,
        sumXY: 0,
      },
    );

  it("gives Pearson's r of a textbook set", () => {
    // x = 1..5, y = 2, 4, 5, 4, 5: r = 6 / sqrt(10 · 6) = 0.7745966…
    expect(
      correlationFromSums(
        sumsOf([
          [1, 2],
          [2, 4],
          [3, 5],
          [4, 4],
          [5, 5],
        ]),
      ),
    ).toBeCloseTo(0.7745966692, 9);
    expect(
      correlationFromSums(
        sumsOf([
          [1, 10],
          [2, 8],
          [3, 6],
        ]),
      ),
    ).toBeCloseTo(-1, 12);
  });

  it("is null without pairs, with one pair, or when a variable is constant (as corr() is)", () => {
    expect(correlationFromSums(sumsOf([]))).toBeNull();
    expect(correlationFromSums(sumsOf([[3, 7]]))).toBeNull();
    expect(
      correlationFromSums(
        sumsOf([
          [4.3, 1],
          [4.3, 5],
          [4.3, 9],
        ]),
      ),
    ).toBeNull();
    expect(
      correlationFromSums(
        sumsOf([
          [1, 6],
          [2, 6],
          [5, 6],
        ]),
      ),
    ).toBeNull();
  });
});

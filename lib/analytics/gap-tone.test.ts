import { describe, expect, it } from "vitest";
import { rankItems } from "@/lib/stats/ranking";
import {
  gapTone,
  heatColor,
  heatTextIsLight,
  rankedGapTone,
  shortfallPulledAway,
} from "./gap-tone";

describe("gapTone", () => {
  it("is warm below expectation, cool above", () => {
    expect(gapTone({ n: 50, mean: -0.4 })).toBe("below");
    expect(gapTone({ n: 50, mean: 0.4 })).toBe("above");
  });

  it("stays neutral while the interval still includes no gap", () => {
    expect(
      gapTone({ n: 800, mean: -0.02, interval: { low: -0.1, high: 0.06, confidence: 0.95 } }),
    ).toBe("neutral");
    expect(
      gapTone({ n: 800, mean: -0.2, interval: { low: -0.3, high: -0.1, confidence: 0.95 } }),
    ).toBe("below");
    expect(
      heatColor({ n: 800, mean: -0.02, interval: { low: -0.1, high: 0.06, confidence: 0.95 } }),
    ).toBe("rgb(245, 245, 245)");
  });

  it("stays neutral with too few observations, no gap or no data", () => {
    expect(gapTone({ n: 9, mean: -3 })).toBe("neutral");
    expect(gapTone({ n: 10, mean: -3 })).toBe("below");
    expect(gapTone({ n: 500, mean: 0 })).toBe("neutral");
    expect(gapTone(null)).toBe("neutral");
  });
});

describe("heatColor", () => {
  it("blends white towards warm or cool by the size of the gap", () => {
    expect(heatColor({ n: 50, mean: -2 })).toBe("rgb(221, 90, 39)");
    expect(heatColor({ n: 50, mean: 2 })).toBe("rgb(48, 127, 200)");
    expect(heatColor({ n: 50, mean: -5 })).toBe(heatColor({ n: 50, mean: -2 }));
    expect(heatColor({ n: 3, mean: -2 })).toBe("rgb(245, 245, 245)");
  });

  it("asks for light text only on strong cells", () => {
    expect(heatTextIsLight({ n: 50, mean: -2 })).toBe(true);
    expect(heatTextIsLight({ n: 50, mean: -0.3 })).toBe(false);
    expect(heatTextIsLight({ n: 2, mean: -2 })).toBe(false);
  });
});

describe("rankedGapTone and shortfallPulledAway: a ranked row's colour follows its verdict", () => {
  const moments = (values: number[]) => ({
    n: values.length,
    sum: values.reduce((a, b) => a + b, 0),
    sumSquares: values.reduce((a, b) => a + b * b, 0),
  });
  /** n answers cycling through mean − 2h, mean − h, mean, mean + h, mean + 2h. */
  const spread = (mean: number, n: number, h: number) =>
    Array.from({ length: n }, (_, i) => mean + ((i % 5) - 2) * h);

  it("does not colour warm a row whose own interval is below 0 but whose pulled bound is not", () => {
    // Worked case (docs/METHODS.md, "Fix-first score"): five touchpoints with 200 answers each
    // around +0.3, +0.2, +0.4, +0.1, +0.3 (steps of 1 point), and "x" with 12 answers around −0.8
    // (steps of 0.5). x's own two-sided 95 % interval is −1.52 to −0.33, wholly below 0, so the
    // interval-based tone was warm. But 12 answers are few next to the common gap (+0.16): x's mean
    // is pulled 65 % of the way to it, θ̃ = −0.22, and the pulled one-sided bound reaches 0, which is
    // the more cautious reading and is kept. Verdict: NOT_SHOWN_BELOW, score 0 — so the colour must
    // not say "below".
    const items = [
      { id: "x", gap: moments(spread(-0.8, 12, 0.5)), reach: 12 },
      ...[0.3, 0.2, 0.4, 0.1, 0.3].map((g, i) => ({
        id: `o${i}`,
        gap: moments(spread(g, 200, 1)),
        reach: 200,
      })),
    ].map((item) => ({ ...item, importance: 0.5, importanceSource: "DEFAULT" as const }));
    const x = rankItems(items).find((r) => r.id === "x")!.reason;
    expect(x.verdict).toBe("NOT_SHOWN_BELOW");
    expect(x.gapInterval!.low).toBeCloseTo(-1.52, 2);
    expect(x.gapInterval!.high).toBeCloseTo(-0.33, 2);
    expect(x.gapEstimate!).toBeCloseTo(-0.22, 2);
    // The old rule, from the two-sided interval, said "below"; the verdict says otherwise.
    expect(gapTone({ n: x.n, mean: x.meanGap!, interval: x.gapInterval })).toBe("below");
    expect(rankedGapTone(x)).toBe("neutral");
    expect(shortfallPulledAway(x)).toBe(true);
  });

  it("is warm when shown below, cool only when the interval lies wholly above 0, else neutral", () => {
    const interval = (low: number, high: number) => ({ low, high, confidence: 0.95 });
    expect(rankedGapTone({ verdict: "BELOW_EXPECTATION", gapInterval: interval(-1, -0.2) })).toBe(
      "below",
    );
    expect(rankedGapTone({ verdict: "NOT_SHOWN_BELOW", gapInterval: interval(0.1, 0.5) })).toBe(
      "above",
    );
    expect(rankedGapTone({ verdict: "NOT_SHOWN_BELOW", gapInterval: interval(-0.3, 0.2) })).toBe(
      "neutral",
    );
    // Three answers at −3: too few to rank, so not coloured, whatever its interval.
    expect(rankedGapTone({ verdict: "TOO_FEW_OBSERVATIONS", gapInterval: interval(-4, -2) })).toBe(
      "neutral",
    );
    expect(
      shortfallPulledAway({ verdict: "NOT_SHOWN_BELOW", gapInterval: interval(-0.3, 0.2) }),
    ).toBe(false);
    expect(
      shortfallPulledAway({ verdict: "BELOW_EXPECTATION", gapInterval: interval(-1, -0.2) }),
    ).toBe(false);
  });
});

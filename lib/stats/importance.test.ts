import { describe, expect, it } from "vitest";
import { importancesOnOneScale } from "./importance";

// The fallback (DEFAULT) importance of docs/METHODS.md, "Key-driver importance". Fisher z
// intervals worked by hand: tanh(atanh r ± 1.959964 / √(n − 3)) (Fisher 1915, in the Sources of
// docs/METHODS.md).
describe("importancesOnOneScale: the fallback importance", () => {
  it("caps a DEFAULT importance at 0.5, even when only one item is derived", () => {
    // One derived item (r = 0.4 on 400 pairs: interval [0.3143, 0.4793], excludes 0): relative 1.
    // The mean of the derived importances is then 1. Before, the item with too few pairs got that 1
    // and outranked a manager's stated 0.8; now it gets min(0.5, 1) = 0.5.
    const result = importancesOnOneScale([
      { id: "derived", stated: null, r: 0.4, n: 400 },
      { id: "thin", stated: null, r: 0.9, n: 10 },
      { id: "stated", stated: 0.8, r: null, n: 0 },
    ]);
    expect(result.get("derived")!.importance).toBe(1);
    expect(result.get("thin")).toMatchObject({
      importance: 0.5,
      importanceSource: "DEFAULT",
      importanceDetail: { defaultReason: "TOO_FEW_PAIRS", strongestR: 0.4 },
    });
    expect(result.get("thin")!.importance).toBeLessThan(result.get("stated")!.importance);
  });

  it("gives a correlation not shown on many pairs at most what its interval's upper end allows", () => {
    // r = 0.02 on 2,000 pairs: atanh 0.02 = 0.020003, SE = 1/√1997 = 0.022377,
    // tanh(0.020003 ± 0.043859) = [−0.023852, 0.063775]: includes 0, so NOT_SHOWN. It matters at
    // most 0.063775 ÷ 0.4 (the strongest r) = 0.159438 — far less than the fallback 0.5, and
    // far less than the 1 it got before (the mean of the one derived importance).
    const result = importancesOnOneScale([
      { id: "derived", stated: null, r: 0.4, n: 400 },
      { id: "flat", stated: null, r: 0.02, n: 2000 },
      { id: "stated", stated: 0.8, r: null, n: 0 },
    ]);
    const flat = result.get("flat")!;
    expect(flat).toMatchObject({
      importanceSource: "DEFAULT",
      importanceDetail: { defaultReason: "NOT_SHOWN" },
    });
    expect(flat.importanceDetail.correlation!.interval!.high).toBeCloseTo(0.063775, 5);
    expect(flat.importance).toBeCloseTo(0.063775 / 0.4, 5);
    expect(flat.importance).toBeLessThan(result.get("stated")!.importance);
  });

  it("keeps the fallback for NOT_SHOWN when the interval's upper end allows more", () => {
    // r = 0.2 on 40 pairs: interval [−0.118918, 0.481510] includes 0; 0.481510 ÷ 0.4 = 1.2 > 0.5,
    // so the fallback, min(0.5, 1) = 0.5, applies.
    const result = importancesOnOneScale([
      { id: "derived", stated: null, r: 0.4, n: 400 },
      { id: "unsure", stated: null, r: 0.2, n: 40 },
    ]);
    expect(result.get("unsure")!.importance).toBe(0.5);
  });

  it("counts every derived r ≤ 0 as none derived: the fallback is 0.5, not 0", () => {
    // r = −0.3 on 400 pairs: interval [−0.3867, −0.2081] excludes 0, so DERIVED, max(0, r) = 0.
    // Before, the strongest r was 0 and every DEFAULT became 0 ("r = 0.00 counts as 1").
    const result = importancesOnOneScale([
      { id: "negative", stated: null, r: -0.3, n: 400 },
      { id: "thin", stated: null, r: null, n: 5 },
    ]);
    expect(result.get("negative")).toMatchObject({ importance: 0, importanceSource: "DERIVED" });
    expect(result.get("thin")).toMatchObject({
      importance: 0.5,
      importanceDetail: { strongestR: null },
    });
  });

  it("keeps the mean of the derived importances when it is below 0.5", () => {
    // Derived r of 0.4, 0.1, 0.1, 0.1 on 2,000 pairs each (SE = 0.022377, so 0.1 − 0.044 > 0 and
    // every interval excludes 0): relative 1, 0.25, 0.25, 0.25; mean (1 + 0.75) / 4 = 0.4375,
    // below the cap, kept.
    const result = importancesOnOneScale([
      { id: "a", stated: null, r: 0.4, n: 2000 },
      { id: "b", stated: null, r: 0.1, n: 2000 },
      { id: "c", stated: null, r: 0.1, n: 2000 },
      { id: "d", stated: null, r: 0.1, n: 2000 },
      { id: "thin", stated: null, r: null, n: 0 },
    ]);
    expect(result.get("thin")!.importance).toBeCloseTo(0.4375, 12);
  });
});

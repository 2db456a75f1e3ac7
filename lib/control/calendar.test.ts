import { describe, expect, it } from "vitest";
import { daysBetween, mondayOf, monthOf, quarterStartOf } from "./calendar";

describe("calendar units on local days", () => {
  it("finds a day's Monday, month and quarter", () => {
    expect(mondayOf("2026-11-08")).toBe("2026-11-02"); // a Sunday belongs to the week begun the Monday before
    expect(mondayOf("2026-11-02")).toBe("2026-11-02");
    expect(mondayOf("2026-03-01")).toBe("2026-02-23");
    expect(monthOf("2026-11-08")).toBe("2026-11-01");
    expect(quarterStartOf("2026-11-08")).toBe("2026-10-01");
    expect(quarterStartOf("2026-12-31")).toBe("2026-10-01");
    expect(quarterStartOf("2026-02-08", 1)).toBe("2025-10-01");
    expect(quarterStartOf("2026-04-01", 1)).toBe("2026-01-01");
  });

  it("counts days across months and years", () => {
    expect(daysBetween("2026-02-27", "2026-03-01")).toBe(2);
    expect(daysBetween("2026-03-01", "2026-02-27")).toBe(-2);
    expect(daysBetween("2025-12-31", "2026-01-01")).toBe(1);
  });
});

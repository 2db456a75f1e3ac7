import { describe, expect, it } from "vitest";
import type { TFrontlineTouchpoint } from "@/lib/observations/schemas";
import { rememberRecent, sectionTouchpoints } from "./touchpoint-order";

const tp = (
  id: string,
  nameKo: string,
  nameEn: string,
  isMoT = false,
  stage: [string, string] = ["예약", "Booking"],
): TFrontlineTouchpoint => ({
  id,
  nameKo,
  nameEn,
  stageNameKo: stage[0],
  stageNameEn: stage[1],
  channel: "IN_PERSON",
  dimension: "FRONTLINE_STAFF",
  isMoT,
  drivers: [],
});

const journey = [
  tp("a", "전화 예약", "Phone booking"),
  tp("b", "체크인", "Check-in", true, ["도착", "Arrival"]),
  tp("c", "객실 첫인상", "First look at the room", true, ["도착", "Arrival"]),
  tp("d", "룸서비스", "Room service"),
  tp("e", "체크아웃", "Check-out", false, ["출발", "Departure"]),
];
const ids = (list: TFrontlineTouchpoint[]) => list.map((t) => t.id);

describe("sectionTouchpoints", () => {
  it("puts recent ones first (most recent first), then MOTs, then the rest in journey order, each once", () => {
    const sections = sectionTouchpoints(journey, ["d", "c", "d", "gone"]);
    expect([ids(sections.recent), ids(sections.mots), ids(sections.others)]).toEqual([
      ["d", "c"],
      ["b"],
      ["a", "e"],
    ]);
  });

  it("searches names and stages in both languages, ignoring case and word order", () => {
    expect(ids(sectionTouchpoints(journey, [], "CHECK").others)).toEqual(["e"]);
    expect(ids(sectionTouchpoints(journey, [], "check").mots)).toEqual(["b"]);
    expect(ids(sectionTouchpoints(journey, [], "arrival room").mots)).toEqual(["c"]);
    expect(ids(sectionTouchpoints(journey, ["a"], "예약").recent)).toEqual(["a"]);
    const none = sectionTouchpoints(journey, ["a"], "주차");
    expect([none.recent, none.mots, none.others]).toEqual([[], [], []]);
  });
});

describe("rememberRecent", () => {
  it("moves the touchpoint to the front and keeps at most five", () => {
    expect(rememberRecent(["a", "b", "c", "d", "e"], "c")).toEqual(["c", "a", "b", "d", "e"]);
    expect(rememberRecent(["a", "b", "c", "d", "e"], "f")).toEqual(["f", "a", "b", "c", "d"]);
  });
});

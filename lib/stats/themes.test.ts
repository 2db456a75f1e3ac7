import { describe, expect, it } from "vitest";
import { countThemes, themesOf } from "./themes";

describe("themesOf in English", () => {
  it.each([
    ["I waited 40 minutes in the queue", ["WAITING"]],
    ["The clerk was rude and ignored me", ["STAFF_ATTITUDE"]],
    ["I was overcharged on my bill", ["PRICE_BILLING"]],
    ["The toilets were dirty and smelled", ["CLEANLINESS"]],
    ["The plan terms were confusing and nobody explained the fine print", ["INFORMATION_CLARITY"]],
    ["The app crashed at login", ["DIGITAL_APP"]],
    ["My new handset arrived with a broken screen", ["PRODUCT_QUALITY"]],
    ["Dropped calls and no signal at home", ["NETWORK_QUALITY"]],
    ["They never resolved my complaint", ["RESOLUTION"]],
  ])("%s", (comment, themes) => {
    expect(themesOf(comment)).toEqual(themes);
  });

  it("finds several themes in one comment, in a fixed order", () => {
    expect(themesOf("Long wait, and then the staff were unfriendly about the fee")).toEqual([
      "WAITING",
      "STAFF_ATTITUDE",
      "PRICE_BILLING",
    ]);
  });

  it("tags the topic, not the verdict: 'not rude' is still about staff attitude", () => {
    expect(themesOf("The staff were not rude at all")).toEqual(["STAFF_ATTITUDE"]);
  });

  it("does not match inside other words", () => {
    expect(themesOf("I bought an apple and an appliance")).toEqual([]); // not "app"
    expect(themesOf("He accosted nobody; a billion thanks")).toEqual([]); // not "cost", "bill"
  });
});

describe("themesOf in Korean", () => {
  it.each([
    ["매장에서 30분이나 기다렸어요", ["WAITING"]],
    ["직원이 불친절하고 반말을 했습니다", ["STAFF_ATTITUDE"]],
    ["요금이 너무 비싸요", ["PRICE_BILLING"]],
    ["매장이 지저분하고 냄새가 났어요", ["CLEANLINESS"]],
    ["약관 설명이 헷갈렸어요", ["INFORMATION_CLARITY"]],
    ["앱이 계속 튕기고 로그인이 안 돼요", ["DIGITAL_APP"]],
    ["새 단말기 배터리가 불량이에요", ["PRODUCT_QUALITY"]],
    ["지하철에서 통화가 자꾸 끊겨요", ["NETWORK_QUALITY"]],
    ["민원을 넣었는데 아직 해결이 안 됐어요", ["RESOLUTION"]],
  ])("%s", (comment, themes) => {
    expect(themesOf(comment)).toEqual(themes);
  });

  it("matches with or without the space ('줄 서' / '줄서')", () => {
    expect(themesOf("한참 줄서서 기다림")).toEqual(["WAITING"]);
    expect(themesOf("줄 서서 있었어요")).toEqual(["WAITING"]);
  });

  it("tags the topic even when negated: '불친절하지 않았다' is about attitude", () => {
    expect(themesOf("직원이 불친절하지는 않았어요")).toEqual(["STAFF_ATTITUDE"]);
  });

  it("finds nothing in an empty or off-topic comment", () => {
    expect(themesOf("")).toEqual([]);
    expect(themesOf("   ")).toEqual([]);
    expect(themesOf("그냥 그랬어요")).toEqual([]);
  });
});

describe("countThemes", () => {
  it("counts each comment once per theme, every theme listed", () => {
    const counts = countThemes(["wait wait wait", "요금이 비싸요", "long queue and expensive"]);
    expect(counts.find((c) => c.key === "WAITING")?.count).toBe(2);
    expect(counts.find((c) => c.key === "PRICE_BILLING")?.count).toBe(2);
    expect(counts.find((c) => c.key === "CLEANLINESS")?.count).toBe(0);
    expect(counts).toHaveLength(9);
  });

  it("keeps up to the asked number of distinct examples per theme", () => {
    const counts = countThemes(["wait wait wait", "wait wait wait", "long queue", "delayed"], 2);
    expect(counts.find((c) => c.key === "WAITING")).toEqual({
      key: "WAITING",
      count: 4,
      examples: ["wait wait wait", "long queue"],
    });
    expect(counts.find((c) => c.key === "CLEANLINESS")?.examples).toEqual([]);
  });
});

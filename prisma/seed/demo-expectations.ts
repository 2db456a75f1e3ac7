// What the three demo segments need and expect at a few Moments of Truth of the SK Telecom
// journey (the Define view shows them; the generated observations' expectations centre on them).
// Touchpoints and segments are named as the template and DEMO_SEGMENTS name them.

export type TDemoExpectation = {
  touchpointNameEn: string;
  segmentNameEn: string;
  needs: string;
  expectedLevel: number;
};

const FIRST = "First-time customer";
const REPEAT = "Repeat customer";
const EARLY = "Early adopter";

export const DEMO_EXPECTATIONS: readonly TDemoExpectation[] = [
  {
    touchpointNameEn: "Plan recommendation based on my usage",
    segmentNameEn: FIRST,
    expectedLevel: 6,
    needs:
      "처음이라 용어를 몰라도 내 사용량에 맞는 요금제를 쉽게 설명받고 싶다 / Plain explanation of the plan that fits my usage, without jargon",
  },
  {
    touchpointNameEn: "Plan recommendation based on my usage",
    segmentNameEn: REPEAT,
    expectedLevel: 5,
    needs:
      "기다리지 않고 기존 혜택을 유지하는 요금제를 빠르게 안내받고 싶다 / Quick advice that keeps my existing benefits",
  },
  {
    touchpointNameEn: "Plan recommendation based on my usage",
    segmentNameEn: EARLY,
    expectedLevel: 6,
    needs:
      "최신 요금제와 5G 혜택을 정확히 비교해 주기를 바란다 / An exact comparison of the newest plans and 5G benefits",
  },
  {
    touchpointNameEn: "Being greeted by staff",
    segmentNameEn: FIRST,
    expectedLevel: 6,
    needs: "들어서자마자 누군가 알아봐 주기를 바란다 / Someone notices me as soon as I walk in",
  },
  {
    touchpointNameEn: "Being greeted by staff",
    segmentNameEn: REPEAT,
    expectedLevel: 5,
    needs:
      "예약한 용건을 바로 이어서 처리해 주기를 바란다 / My booked errand picked up straight away",
  },
  {
    touchpointNameEn: "Being greeted by staff",
    segmentNameEn: EARLY,
    expectedLevel: 5,
    needs: "신제품을 바로 써 볼 수 있게 안내받고 싶다 / Being shown the new handsets at once",
  },
  {
    touchpointNameEn: "Checking the bill against what I was told",
    segmentNameEn: FIRST,
    expectedLevel: 6,
    needs: "상담 때 들은 금액 그대로 청구되기를 기대한다 / The bill matches what I was quoted",
  },
  {
    touchpointNameEn: "Checking the bill against what I was told",
    segmentNameEn: REPEAT,
    expectedLevel: 6,
    needs: "변경 사항이 있으면 미리 알려 주기를 바란다 / Any change told to me before it is billed",
  },
  {
    touchpointNameEn: "Checking the bill against what I was told",
    segmentNameEn: EARLY,
    expectedLevel: 6,
    needs: "항목별로 앱에서 바로 확인할 수 있기를 바란다 / Every item visible in the app",
  },
  {
    touchpointNameEn: "Everyday call quality",
    segmentNameEn: FIRST,
    expectedLevel: 6,
    needs: "어디서든 끊기지 않기를 기대한다 / No dropped calls anywhere",
  },
  {
    touchpointNameEn: "Everyday call quality",
    segmentNameEn: REPEAT,
    expectedLevel: 6,
    needs: "지금까지처럼 안정적인 품질 / The same reliable quality as always",
  },
  {
    touchpointNameEn: "Everyday call quality",
    segmentNameEn: EARLY,
    expectedLevel: 7,
    needs: "최신 단말기에서 최고 음질 / Best voice quality on the newest handsets",
  },
  {
    touchpointNameEn: "Talking to an agent",
    segmentNameEn: FIRST,
    expectedLevel: 6,
    needs:
      "처음 겪는 문제를 친절하게 한 번에 해결해 주기를 바란다 / A patient agent who solves it in one call",
  },
  {
    touchpointNameEn: "Talking to an agent",
    segmentNameEn: REPEAT,
    expectedLevel: 5,
    needs: "이전 상담 이력을 알고 있기를 바란다 / An agent who knows my history",
  },
  {
    touchpointNameEn: "Talking to an agent",
    segmentNameEn: EARLY,
    expectedLevel: 5,
    needs: "채팅이나 앱으로도 같은 수준의 상담 / The same help by chat or in the app",
  },
];

// What customers of a mobile carrier say, by theme, for the demo observations: Korean mostly,
// some English (foreign residents, English-language surveys). Negative phrases are drawn when the
// experience fell short of the expectation, positive ones when it exceeded it.

export type TCommentTheme =
  "WAITING" | "STAFF" | "PRICE" | "CLARITY" | "DIGITAL" | "NETWORK" | "CLEANLINESS" | "RESOLUTION";
export type TTone = "NEGATIVE" | "NEUTRAL" | "POSITIVE";

type TPhrases = { ko: readonly string[]; en: readonly string[] };

export const COMMENT_PHRASES: Readonly<
  Record<TCommentTheme, { NEGATIVE: TPhrases; POSITIVE: TPhrases }>
> = {
  WAITING: {
    NEGATIVE: {
      ko: [
        "대기 시간이 너무 길었어요.",
        "30분 넘게 기다렸는데 안내가 없었어요.",
        "번호표를 뽑고 한참 기다렸습니다.",
        "상담원 연결까지 20분이 걸렸어요.",
        "기다리는 동안 아무도 신경 쓰지 않았어요.",
      ],
      en: ["I waited far too long.", "Nobody told me how long the wait would be."],
    },
    POSITIVE: {
      ko: [
        "기다리지 않고 바로 처리됐어요.",
        "대기 시간이 짧아서 좋았어요.",
        "예상보다 빨리 끝났습니다.",
      ],
      en: ["No waiting at all, very quick."],
    },
  },
  STAFF: {
    NEGATIVE: {
      ko: [
        "직원이 불친절했어요.",
        "질문해도 귀찮다는 듯이 대답했어요.",
        "실적 때문에 비싼 요금제만 권하는 느낌이었어요.",
        "직원끼리 잡담하느라 응대가 늦었어요.",
      ],
      en: ["The staff member was rude.", "Felt pushed into an expensive plan."],
    },
    POSITIVE: {
      ko: [
        "직원분이 정말 친절했어요.",
        "끝까지 웃으며 응대해 주셨어요.",
        "제 입장에서 꼼꼼히 챙겨 주셨어요.",
      ],
      en: ["Very friendly and helpful staff.", "The agent really listened to me."],
    },
  },
  PRICE: {
    NEGATIVE: {
      ko: [
        "안내받은 금액과 청구액이 달라요.",
        "요금이 생각보다 너무 많이 나왔어요.",
        "위약금이 있다는 걸 몰랐어요.",
        "할인 조건이 너무 복잡해요.",
        "신규 가입자만 혜택을 주는 것 같아 서운해요.",
      ],
      en: ["The bill was higher than I was quoted.", "Hidden fees I was never told about."],
    },
    POSITIVE: {
      ko: [
        "요금이 안내받은 그대로 나왔어요.",
        "할인 혜택이 생각보다 컸어요.",
        "청구서가 깔끔해서 이해하기 쉬웠어요.",
      ],
      en: ["The price was exactly as promised."],
    },
  },
  CLARITY: {
    NEGATIVE: {
      ko: [
        "설명이 너무 어려워서 이해를 못 했어요.",
        "약관을 제대로 설명해 주지 않았어요.",
        "안내 문자 내용이 헷갈려요.",
        "무슨 말인지 모르겠는데 서명부터 하라고 했어요.",
      ],
      en: ["The explanation was confusing.", "Terms were not explained clearly."],
    },
    POSITIVE: {
      ko: [
        "하나하나 알기 쉽게 설명해 주셨어요.",
        "안내가 명확해서 좋았어요.",
        "궁금한 점을 다 풀어 주셨어요.",
      ],
      en: ["Clear and simple explanation."],
    },
  },
  DIGITAL: {
    NEGATIVE: {
      ko: [
        "앱이 자꾸 멈춰요.",
        "홈페이지에서 원하는 메뉴를 찾기 어려워요.",
        "로그인이 계속 안 됩니다.",
        "본인 인증 단계가 너무 많아요.",
      ],
      en: ["The app keeps crashing.", "The website is hard to navigate."],
    },
    POSITIVE: {
      ko: [
        "앱으로 간단하게 확인할 수 있어서 편해요.",
        "홈페이지가 보기 쉽게 바뀌었네요.",
        "채팅 상담이 빠르고 편했어요.",
      ],
      en: ["The app makes this easy."],
    },
  },
  NETWORK: {
    NEGATIVE: {
      ko: [
        "지하철에서 자꾸 끊겨요.",
        "데이터 속도가 너무 느려요.",
        "실내에서 통화가 잘 안 돼요.",
        "해외에서 데이터가 연결되지 않았어요.",
      ],
      en: ["Calls keep dropping.", "Mobile data is painfully slow."],
    },
    POSITIVE: {
      ko: ["어디서든 잘 터져요.", "데이터가 빠르고 안정적이에요.", "통화 품질이 깨끗해요."],
      en: ["Great coverage everywhere I go."],
    },
  },
  CLEANLINESS: {
    NEGATIVE: {
      ko: [
        "매장이 좁고 어수선했어요.",
        "전시폰이 지저분하고 작동이 안 됐어요.",
        "앉아서 기다릴 곳이 없었어요.",
      ],
      en: ["The store was cluttered and cramped."],
    },
    POSITIVE: {
      ko: ["매장이 깔끔하고 쾌적했어요.", "매장 분위기가 편안했어요."],
      en: ["Clean, bright store."],
    },
  },
  RESOLUTION: {
    NEGATIVE: {
      ko: [
        "같은 문제로 세 번이나 연락했어요.",
        "처리 결과를 아직도 못 들었어요.",
        "담당자가 바뀔 때마다 처음부터 다시 설명했어요.",
        "해결해 준다고 하고 연락이 없어요.",
      ],
      en: ["Still not resolved after three calls.", "No one followed up as promised."],
    },
    POSITIVE: {
      ko: [
        "한 번에 깔끔하게 해결됐어요.",
        "약속한 날짜에 정확히 연락이 왔어요.",
        "문제를 끝까지 책임지고 처리해 주셨어요.",
      ],
      en: ["Solved on the first call."],
    },
  },
};

const NEUTRAL: TPhrases = {
  ko: ["보통이었어요.", "특별히 불편한 점은 없었어요.", "무난했습니다.", "평소와 비슷했어요."],
  en: ["It was fine.", "Nothing special."],
};

/** What customers said at the planted problem: mostly the wait for a consultation, then a plan explained unclearly. */
export const PLANTED_PROBLEM_PHRASES: { NEGATIVE: readonly string[]; OTHER: readonly string[] } = {
  NEGATIVE: [
    "상담 받으려고 40분 넘게 기다렸어요.",
    "기다리다 지쳐서 그냥 추천하는 대로 가입했어요.",
    "상담 직원이 한 명뿐이라 대기가 너무 길었어요.",
    "대기 번호가 한참 줄지 않았어요. 안내도 없었고요.",
    "한 시간 가까이 기다렸는데 상담은 5분 만에 끝났어요.",
    "설명이 너무 빨라서 하나도 이해를 못 했어요.",
    "처음 가입하는 건데 용어가 어려워서 설명을 못 알아들었어요.",
    "뭐가 다른지 물어봤는데 설명이 불분명했어요.",
    "제 사용량은 묻지도 않고 제일 비싼 걸 권했어요.",
    "We waited almost an hour for a plan consultation.",
    "The plan options were explained too fast to follow.",
  ],
  OTHER: [
    "기다리긴 했지만 설명은 괜찮았어요.",
    "추천받은 요금제가 제 사용량에 맞았어요.",
    "대기 시간이 조금 있었어요.",
  ],
};

/** What customers said at the decoy: a refund that came late and short. */
export const DECOY_PHRASES: readonly string[] = [
  "해지한 지 두 달이 지났는데 과납금 환급이 안 됐어요.",
  "보증금 환급 금액이 안내받은 것과 달라요.",
  "환급 문의를 세 번 했는데 답이 없어요.",
];

/** What staff wrote when they closed a seeded follow-up. */
export const FOLLOW_UP_RESOLUTIONS: readonly string[] = [
  "고객에게 전화해 사과드리고 요금제를 다시 설명해 드렸습니다.",
  "청구 내역을 확인해 차액을 다음 달 요금에서 차감해 드렸습니다.",
  "매장 대기 안내 방식을 개선하겠다고 말씀드리고 쿠폰을 드렸습니다.",
  "담당 직원과 면담해 응대 방식을 교육했고 고객께 결과를 알려 드렸습니다.",
  "기술팀에 통화 품질 점검을 요청하고 점검 결과를 문자로 안내했습니다.",
  "고객께 다시 연락해 불편 사항을 듣고 부가서비스를 해지해 드렸습니다.",
  "Called the customer back, apologised and corrected the bill.",
];

/** One comment in the customer's voice for a theme and tone; Korean about five times in six. */
export function pickComment(
  random: { float(): number; pick<T>(items: readonly T[]): T },
  theme: TCommentTheme,
  tone: TTone,
): string {
  const phrases = tone === "NEUTRAL" ? NEUTRAL : COMMENT_PHRASES[theme][tone];
  return random.pick(random.float() < 0.85 ? phrases.ko : phrases.en);
}

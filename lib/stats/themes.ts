// Comment themes by lexicon, in Korean and English. A theme is a TOPIC the comment mentions,
// not a verdict: "the staff were not rude" is about staff attitude all the same, so negation
// does not remove a theme. Whether it was good or bad comes from the scores the comment came
// with. Limits (docs/METHODS.md, "Comment themes"): no spelling correction, no sarcasm, a
// comment may carry several themes or none.

const THEME_KEYS = [
  "WAITING",
  "STAFF_ATTITUDE",
  "PRICE_BILLING",
  "CLEANLINESS",
  "INFORMATION_CLARITY",
  "DIGITAL_APP",
  "PRODUCT_QUALITY",
  "NETWORK_QUALITY",
  "RESOLUTION",
] as const;
export type TThemeKey = (typeof THEME_KEYS)[number];

type TLexicon = {
  /** English words; a trailing * makes a stem ("wait*" → waited, waiting), else the word or its plural. */
  en: readonly string[];
  /** Korean stems, matched anywhere: Korean glues endings onto stems (기다 → 기다렸다, 기다림). */
  ko: readonly string[];
};

const THEME_LEXICON: Record<TThemeKey, TLexicon> = {
  WAITING: {
    en: [
      "wait*",
      "queue*",
      "long line",
      "delay*",
      "took forever",
      "took too long",
      "took ages",
      "on hold",
      "slow service",
    ],
    ko: [
      "기다",
      "대기 시간",
      "대기 번호",
      "대기 중",
      "대기가",
      "대기를",
      "대기하",
      "대기해",
      "대기했",
      "줄을 서",
      "줄 서",
      "오래 걸",
      "지연",
      "한참",
      "늦",
    ],
  },
  STAFF_ATTITUDE: {
    en: [
      "rude*",
      "impolite",
      "unfriendly",
      "friendly",
      "polite*",
      "courteous*",
      "attitude",
      "arrogant",
      "dismissive",
      "ignored",
      "unkind",
      "kindly",
      "kindness",
      "smil*",
      "disrespect*",
      "helpful",
      "unhelpful",
    ],
    ko: ["친절", "태도", "무례", "반말", "짜증", "퉁명", "상냥", "무시", "미소", "웃으며", "건방"],
  },
  PRICE_BILLING: {
    en: [
      "price*",
      "expensive",
      "cheap*",
      "cost*",
      "fee",
      "charge",
      "charged",
      "overcharg*",
      "surcharg*",
      "bill",
      "billing",
      "billed",
      "invoice*",
      "discount*",
      "refund*",
      "payment*",
      "tariff*",
    ],
    ko: [
      "요금",
      "가격",
      "비싸",
      "비쌌",
      "비용",
      "청구",
      "수수료",
      "할인",
      "위약금",
      "결제",
      "환불",
      "납부",
    ],
  },
  CLEANLINESS: {
    en: [
      "clean*",
      "dirty",
      "filth*",
      "smell*",
      "stain*",
      "messy",
      "tidy",
      "untidy",
      "hygien*",
      "dust*",
    ],
    ko: ["청결", "깨끗", "더럽", "더러", "지저분", "냄새", "위생", "먼지", "청소"],
  },
  INFORMATION_CLARITY: {
    en: [
      "confus*",
      "unclear",
      "clarity",
      "clarif*",
      "explain*",
      "explanation",
      "information",
      "info",
      "understand*",
      "fine print",
      "small print",
      "hidden",
      "misleading",
      "instruction*",
    ],
    ko: ["설명", "안내", "이해", "헷갈", "복잡", "정보", "약관", "고지", "애매"],
  },
  DIGITAL_APP: {
    en: [
      "app",
      "website",
      "web site",
      "webpage",
      "online",
      "login",
      "log in",
      "password",
      "crash*",
      "bug*",
    ],
    ko: [
      "앱",
      "어플",
      "홈페이지",
      "웹",
      "로그인",
      "온라인",
      "비밀번호",
      "접속",
      "오류",
      "에러",
      "튕",
    ],
  },
  PRODUCT_QUALITY: {
    en: [
      "product*",
      "poor quality",
      "build quality",
      "broken",
      "defect*",
      "faulty",
      "malfunction*",
      "battery",
      "batteries",
      "device*",
      "handset*",
      "screen*",
    ],
    ko: ["품질", "불량", "고장", "기기", "단말", "배터리", "제품", "액정", "파손"],
  },
  NETWORK_QUALITY: {
    en: [
      "signal*",
      "coverage",
      "dropped call*",
      "drops call*",
      "call quality",
      "network*",
      "data speed*",
      "5g",
      "lte",
      "connection*",
      "no service",
      "internet",
    ],
    ko: [
      "통화 품질",
      "통화품질",
      "끊김",
      "끊기",
      "끊겨",
      "끊어",
      "신호",
      "데이터",
      "속도",
      "안 터",
      "네트워크",
    ],
  },
  RESOLUTION: {
    en: [
      "resolv*",
      "solv*",
      "fix*",
      "sorted out",
      "follow up",
      "follow-up",
      "followed up",
      "call back",
      "callback",
      "called back",
      "escalat*",
      "complaint*",
      "got back to me",
    ],
    ko: [
      "해결",
      "처리",
      "조치",
      "답변",
      "회신",
      "연락이 없",
      "연락 없",
      "연락을 안",
      "민원",
      "다시 연락",
    ],
  },
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function englishPattern(entry: string): string {
  if (entry.endsWith("*")) return escapeRegExp(entry.slice(0, -1));
  return `${escapeRegExp(entry)}(?:s|es)?(?![\\p{L}\\p{N}])`;
}

// English: whole words or stems at the start of a word ("app" is not in "apple", "cost*" is
// not in "accost"). Korean: a stem anywhere; spaces as written or left out ("줄 서" = "줄서").
const MATCHERS: readonly { key: TThemeKey; en: RegExp; ko: readonly string[] }[] = THEME_KEYS.map(
  (key) => ({
    key,
    en: new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${THEME_LEXICON[key].en.map(englishPattern).join("|")})`,
      "u",
    ),
    ko: THEME_LEXICON[key].ko.map((stem) => stem.replace(/ /g, "")),
  }),
);

function normalize(comment: string): string {
  return comment.normalize("NFC").toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, " ");
}

/** The themes a comment mentions, in THEME_KEYS order, each once. */
export function themesOf(comment: string): TThemeKey[] {
  const text = normalize(comment);
  if (text.trim() === "") return [];
  const compact = text.replace(/ /g, "");
  return MATCHERS.filter((m) => m.en.test(text) || m.ko.some((stem) => compact.includes(stem))).map(
    (m) => m.key,
  );
}

/**
 * How many comments mention each theme (a comment counts once per theme), every theme listed, with
 * up to `examplesPerTheme` distinct comments as examples: the bars of a Pareto of comment themes.
 */
export function countThemes(
  comments: Iterable<string>,
  examplesPerTheme = 0,
): { key: TThemeKey; count: number; examples: string[] }[] {
  const rows = new Map(THEME_KEYS.map((key) => [key, { key, count: 0, examples: [] as string[] }]));
  for (const comment of comments) {
    for (const key of themesOf(comment)) {
      const row = rows.get(key)!;
      row.count += 1;
      if (row.examples.length < examplesPerTheme && !row.examples.includes(comment))
        row.examples.push(comment);
    }
  }
  return [...rows.values()];
}

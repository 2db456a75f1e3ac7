import { PLANTED_MOT } from "@/prisma/seed/demo-observations";

// What the large organization (`npm run seed:large`) is made of, as data: the four case journeys
// and their share of the traffic, about twenty sites, and one planted problem per journey whose
// answer is known, so that the benchmarks can check that the fix-first ranking still finds them
// at ten million observations. Changing anything here changes the rows: the generator draws
// from these tables in this order.

export const LARGE_DEFAULT_SLUG = "bench";
export const LARGE_SEED = 2026;
/** Row i (from 0) has the client id `large:<i + 1>`: a second run recognises what it stored. */
export const LARGE_CLIENT_ID_PREFIX = "large:";
/** Rows are drawn in blocks with a random stream of their own, so any range can be drawn alone. */
export const LARGE_BLOCK_ROWS = 1000;

/**
 * The journeys, one per shipped template, in the generator's order, with their share of the
 * observations and how fast traffic falls from the first stage to the last (the last sees
 * e^−stageDecay of the first): everyone becomes aware of a carrier and few terminate, while
 * nearly every passenger who checks in also collects a bag.
 */
export const LARGE_JOURNEYS = [
  { templateKey: "skt-mobile-lifecycle", share: 0.4, stageDecay: 3 },
  { templateKey: "avis-car-rental", share: 0.25, stageDecay: 1.5 },
  { templateKey: "virgin-atlantic-airline", share: 0.2, stageDecay: 1 },
  { templateKey: "hilton-hotel-stay", share: 0.15, stageDecay: 1 },
] as const;

type TLargeSiteKind = "STORE" | "CALL_CENTRE";
export type TLargeSite = {
  code: string;
  name: string;
  kind: TLargeSiteKind;
  /** Relative traffic among the sites of its kind. */
  weight: number;
  /** Added to the mean gap of every observation made there: sites differ. */
  gapShift: number;
};

/** Branches across Korea and three contact centres. Seomyeon is short-staffed; Pangyo is the new flagship. */
export const LARGE_SITES: readonly TLargeSite[] = [
  { code: "GANGNAM", name: "강남점 Gangnam", kind: "STORE", weight: 10, gapShift: 0.05 },
  { code: "JAMSIL", name: "잠실점 Jamsil", kind: "STORE", weight: 8, gapShift: 0 },
  { code: "HONGDAE", name: "홍대점 Hongdae", kind: "STORE", weight: 7, gapShift: -0.05 },
  { code: "MYEONGDONG", name: "명동점 Myeongdong", kind: "STORE", weight: 7, gapShift: 0.1 },
  { code: "YEOUIDO", name: "여의도점 Yeouido", kind: "STORE", weight: 6, gapShift: 0.05 },
  { code: "JONGNO", name: "종로점 Jongno", kind: "STORE", weight: 5, gapShift: -0.1 },
  { code: "SINCHON", name: "신촌점 Sinchon", kind: "STORE", weight: 5, gapShift: 0 },
  { code: "PANGYO", name: "판교점 Pangyo", kind: "STORE", weight: 5, gapShift: 0.2 },
  { code: "SUWON", name: "수원점 Suwon", kind: "STORE", weight: 5, gapShift: 0 },
  { code: "INCHEON", name: "인천점 Incheon", kind: "STORE", weight: 5, gapShift: -0.05 },
  { code: "ILSAN", name: "일산점 Ilsan", kind: "STORE", weight: 4, gapShift: 0 },
  { code: "DAEJEON", name: "대전 둔산점 Daejeon Dunsan", kind: "STORE", weight: 4, gapShift: 0.05 },
  {
    code: "DAEGU",
    name: "대구 동성로점 Daegu Dongseongno",
    kind: "STORE",
    weight: 4,
    gapShift: -0.05,
  },
  { code: "GWANGJU", name: "광주 상무점 Gwangju Sangmu", kind: "STORE", weight: 3, gapShift: 0 },
  {
    code: "SEOMYEON",
    name: "부산 서면점 Busan Seomyeon",
    kind: "STORE",
    weight: 6,
    gapShift: -0.35,
  },
  { code: "ULSAN", name: "울산점 Ulsan", kind: "STORE", weight: 2, gapShift: 0 },
  { code: "JEJU", name: "제주점 Jeju", kind: "STORE", weight: 3, gapShift: 0.1 },
  { code: "CALLCENTER", name: "고객센터 Call centre", kind: "CALL_CENTRE", weight: 5, gapShift: 0 },
  {
    code: "CALLCENTER_BUSAN",
    name: "부산 고객센터 Busan call centre",
    kind: "CALL_CENTRE",
    weight: 3,
    gapShift: -0.1,
  },
  {
    code: "CALLCENTER_DAEJEON",
    name: "대전 고객센터 Daejeon call centre",
    kind: "CALL_CENTRE",
    weight: 2,
    gapShift: 0.05,
  },
];

export type TLargePlantedProblem = {
  templateKey: (typeof LARGE_JOURNEYS)[number]["templateKey"];
  nameKo: string;
  nameEn: string;
  /** The mean gap over all its rows; every other touchpoint of the journey has a mean gap of about −0.7 to +0.5. */
  meanGap: number;
  /** First-time customers suffer most, as at the demo's planted MOT. */
  worstSegmentNameEn: string;
  /** The driver that falls furthest below expectation there. */
  worstDriverNameEn: string;
};

/** One MOT per journey with a clear negative gap: what a fix-first ranking must put first. */
export const LARGE_PLANTED_PROBLEMS: readonly TLargePlantedProblem[] = [
  {
    templateKey: "skt-mobile-lifecycle",
    nameKo: PLANTED_MOT.nameKo,
    nameEn: PLANTED_MOT.nameEn,
    meanGap: PLANTED_MOT.meanGap,
    worstSegmentNameEn: PLANTED_MOT.worstSegmentNameEn,
    worstDriverNameEn: PLANTED_MOT.worstDriverNameEn,
  },
  {
    templateKey: "avis-car-rental",
    nameKo: "카운터 대기줄",
    nameEn: "Queuing at the rental counter",
    meanGap: -1.5,
    worstSegmentNameEn: "First-time customer",
    worstDriverNameEn: "Time waiting in line",
  },
  {
    templateKey: "virgin-atlantic-airline",
    nameKo: "수하물 찾기",
    nameEn: "Collecting bags at the carousel",
    meanGap: -1.4,
    worstSegmentNameEn: "First-time customer",
    worstDriverNameEn: "Wait at the carousel",
  },
  {
    templateKey: "hilton-hotel-stay",
    nameKo: "프런트 체크인",
    nameEn: "Check-in at the front desk",
    meanGap: -1.3,
    worstSegmentNameEn: "First-time customer",
    worstDriverNameEn: "Check-in wait and processing time",
  },
];

/** The sign-ins the command creates (password: the demo's, DEMO_PASSWORD). */
export const largeUsers = (slug: string) =>
  [
    { email: `admin@${slug}.moments`, name: "관리자 Admin", role: "ADMIN" },
    { email: `manager@${slug}.moments`, name: "김민지 CX Manager", role: "MANAGER" },
    { email: `executive@${slug}.moments`, name: "박서준 Executive", role: "EXECUTIVE" },
  ] as const;

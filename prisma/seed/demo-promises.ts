import { koreanDayNumber, KST_OFFSET_MS } from "./demo-pilot";
import { createRandom } from "./random";

// The demo organization's service promises and a year of their audits, after Hyundai Card's
// service-promise compliance checks (seed 001: each product's promised service is checked
// periodically). Pure and deterministic; demo-promises-seed.ts stores them. The audits are monthly
// per site, mostly passing, with one bad month (a summer of staff turnover) so that compliance
// over time has a story to tell.

type TChecklistEntry = {
  /** What the auditor checks, Korean / English (stored as the promise's checklist item). */
  item: string;
  /** What the auditor writes when the item is met, and when it is not. */
  met: string;
  missed: string;
};

export type TDemoPromise = {
  titleKo: string;
  titleEn: string;
  description: string;
  /** The SK Telecom journey's touchpoint the promise is made at (by English name). */
  touchpointNameEn: string;
  /** Sites audited, by code (demo-users.ts). */
  siteCodes: readonly string[];
  checklist: readonly TChecklistEntry[];
};

const STORES = ["GANGNAM", "JAMSIL"] as const;

export const DEMO_PROMISES: readonly TDemoPromise[] = [
  {
    titleKo: "상담 대기 3분 이내",
    titleEn: "Seen within 3 minutes",
    description:
      "매장에 오신 고객은 번호표를 뽑고 3분 안에 상담을 시작합니다. / In store, every customer's consultation starts within 3 minutes of taking a number.",
    touchpointNameEn: "Taking a queue number and waiting",
    siteCodes: STORES,
    checklist: [
      {
        item: "피크 시간 대기 시간 기록 확인 / Peak-hour waiting times logged",
        met: "기록표 평균 대기 2분 40초 / Log shows 2 min 40 s on average",
        missed:
          "점심 피크 평균 대기 7분, 기록 누락 2일 / Lunch peak averaged 7 min; log missing on 2 days",
      },
      {
        item: "대기 3분 초과 시 안내 멘트 / Customers told when the wait runs over 3 minutes",
        met: "미스터리 쇼퍼 2회 모두 안내받음 / Both mystery shoppers were told",
        missed:
          "미스터리 쇼퍼 1명 안내 없이 9분 대기 / One mystery shopper waited 9 min without a word",
      },
      {
        item: "상담석 운영 인원 근무표 대로 배치 / Consultation desks staffed as rostered",
        met: "근무표와 실제 배치 일치 / Roster and desks matched",
        missed: "상담석 4개 중 2개만 운영 / Only 2 of 4 desks open",
      },
    ],
  },
  {
    titleKo: "사용량 확인 후 요금제 추천",
    titleEn: "A plan recommended only after checking usage",
    description:
      "요금제를 권하기 전에 최근 3개월 사용량을 고객과 함께 확인합니다. / Before recommending a plan, staff review the last three months' usage with the customer.",
    touchpointNameEn: "Plan recommendation based on my usage",
    siteCodes: STORES,
    checklist: [
      {
        item: "최근 3개월 사용량 조회 화면 고객과 함께 확인 / Last three months' usage reviewed with the customer",
        met: "상담 5건 모두 사용량 조회 이력 있음 / Usage looked up in all 5 consultations sampled",
        missed: "상담 5건 중 2건 사용량 조회 없음 / No usage look-up in 2 of 5 consultations",
      },
      {
        item: "요금제 비교표로 두 가지 이상 제시 / At least two plans compared on the comparison sheet",
        met: "비교표 사용 확인 / Comparison sheet used",
        missed: "비교표 없이 한 가지 요금제만 안내 / One plan offered, no comparison",
      },
      {
        item: "추천 사유를 고객 언어로 설명 / Reason for the recommendation explained in plain words",
        met: "고객 인터뷰에서 이해했다고 답함 / Customers interviewed said they understood",
        missed:
          "고객이 추천 이유를 설명하지 못함 / Customers could not say why the plan was chosen",
      },
    ],
  },
  {
    titleKo: "약속한 회신 시간 준수",
    titleEn: "Call back when we said we would",
    description:
      "고객센터가 회신을 약속하면 약속한 시간 안에 다시 연락드립니다. / When the call centre promises a call back, it calls back within the promised time.",
    touchpointNameEn: "Talking to an agent",
    siteCodes: ["CALLCENTER"],
    checklist: [
      {
        item: "회신 약속 건 표본 20건 회신 시각 확인 / Call-back times checked on a sample of 20 promises",
        met: "20건 모두 약속 시간 내 회신 / All 20 called back on time",
        missed: "20건 중 4건 약속 시간 초과 / 4 of 20 called back late",
      },
      {
        item: "회신 약속이 상담 이력에 기록됨 / Each promise recorded in the case history",
        met: "상담 이력에 회신 예정 시각 기록 / Promised time recorded in every case",
        missed: "회신 예정 시각 누락 3건 / Promised time missing in 3 cases",
      },
      {
        item: "회신 불가 시 사전 연락 / Customer told in advance when a call back slips",
        met: "지연 1건 사전 문자 발송 / The one delay was announced by text",
        missed: "지연 건 사전 연락 없음 / Delays were not announced",
      },
    ],
  },
  {
    titleKo: "계약 조건 서면 안내",
    titleEn: "Contract terms explained and handed over in writing",
    description:
      "약정·위약금·할인 조건을 설명하고 계약서 사본을 드립니다. / Term, early-termination fee and discounts are explained, and a copy of the contract is handed over.",
    touchpointNameEn: "Receiving a copy of the contract",
    siteCodes: STORES,
    checklist: [
      {
        item: "위약금 조건 구두 설명 / Early-termination fee explained",
        met: "녹취 표본 3건 모두 설명 / Explained in all 3 recorded samples",
        missed: "녹취 3건 중 1건 위약금 설명 누락 / Fee not explained in 1 of 3 recordings",
      },
      {
        item: "계약서 사본 교부(종이 또는 앱) / Copy of the contract given (paper or app)",
        met: "교부 확인서 서명 완료 / Receipts signed",
        missed: "사본 미교부 2건 / Copy not given twice",
      },
      {
        item: "할인 조건 안내문 비치 / Discount conditions leaflet on the desk",
        met: "상담석마다 비치 / On every desk",
        missed: "안내문 소진 후 미보충 / Leaflets ran out and were not restocked",
      },
    ],
  },
];

/** Every promise is audited monthly at each of its sites. */
export const DEMO_AUDIT_EVERY_DAYS = 30;
export const DEMO_AUDIT_MONTHS = 12;
/** The bad month, counted back from the current one: staff turnover over the summer. */
export const DEMO_PROMISE_DIP_MONTHS_AGO = 5;
const DEMO_PROMISE_SEED = 1988;
/** Chance that an auditor finds one checklist item met: in a normal month, and in the bad one. */
const ITEM_MET_RATE = 0.98;
const ITEM_MET_RATE_IN_DIP = 0.84;

export type TDemoAudit = {
  /** Index into DEMO_PROMISES. */
  promiseIndex: number;
  siteCode: string;
  auditedAt: Date;
  monthsAgo: number;
  /** As lib/promises stores it: one entry per checklist item, in order. */
  checklist: { item: string; passed: boolean; evidence: string }[];
  /** The audit passes when every item passes. */
  passed: boolean;
  evidence: string;
};

/**
 * One audit a month for the last DEMO_AUDIT_MONTHS months per promise and site, on a working
 * day in the first three weeks (Korea time, office hours), never after `now`: an audit of this
 * month whose day has not come yet is simply not there.
 */
export function generateDemoAudits(now: Date, seed = DEMO_PROMISE_SEED): TDemoAudit[] {
  const random = createRandom(seed);
  const today = new Date(koreanDayNumber(now) * 86_400_000);
  const audits: TDemoAudit[] = [];
  for (let monthsAgo = DEMO_AUDIT_MONTHS - 1; monthsAgo >= 0; monthsAgo -= 1) {
    DEMO_PROMISES.forEach((promise, promiseIndex) => {
      promise.siteCodes.forEach((siteCode, siteIndex) => {
        const day = workingDay(
          Date.UTC(
            today.getUTCFullYear(),
            today.getUTCMonth() - monthsAgo,
            5 + 4 * promiseIndex + 2 * siteIndex + random.int(0, 2),
          ),
        );
        const auditedAt = new Date(
          day + (10 + random.int(0, 6)) * 3_600_000 + random.int(0, 59) * 60_000 - KST_OFFSET_MS,
        );
        const rate =
          monthsAgo === DEMO_PROMISE_DIP_MONTHS_AGO ? ITEM_MET_RATE_IN_DIP : ITEM_MET_RATE;
        const checklist = promise.checklist.map((entry) => {
          const passed = random.chance(rate);
          return { item: entry.item, passed, evidence: passed ? entry.met : entry.missed };
        });
        if (auditedAt > now) return;
        const met = checklist.filter((c) => c.passed).length;
        audits.push({
          promiseIndex,
          siteCode,
          auditedAt,
          monthsAgo,
          checklist,
          passed: met === checklist.length,
          evidence: `정기 점검: ${checklist.length}개 항목 중 ${met}개 충족 / Monthly audit: ${met} of ${checklist.length} items met`,
        });
      });
    });
  }
  return audits;
}

/** The same day, or the Monday after when it falls on a weekend (UTC midnight of a Korean date). */
function workingDay(utcMidnight: number): number {
  const weekday = new Date(utcMidnight).getUTCDay();
  return utcMidnight + (weekday === 6 ? 2 : weekday === 0 ? 1 : 0) * 86_400_000;
}

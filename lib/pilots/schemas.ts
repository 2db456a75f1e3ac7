import { z } from "zod";
import type { TInterval, TMoments } from "@/lib/stats/summary";
import type { TNpsCounts } from "@/lib/stats/proportions";
import type { TPilotVerdict, TPilotVerdictReason } from "@/lib/stats/pilot-verdict";
import { daysInclusive, ZLocalDay } from "@/lib/dates/local-days";
import { ZOptionalDay } from "@/lib/projects/schemas";

// A pilot: a change tried on pilot sites against control sites over the same days, or on the
// pilot sites against their own earlier period (before/after). Days are local days
// ("YYYY-MM-DD", Korea time), inclusive, stored as the instant each begins (lib/dates/local-days).

export const PILOT_METRICS = ["MEAN_EXPERIENCE", "CSAT", "NPS"] as const;
export type TPilotMetric = (typeof PILOT_METRICS)[number];
export const PILOT_DESIGNS = ["CONTROL_SITES", "BEFORE_AFTER"] as const;
export type TPilotDesign = (typeof PILOT_DESIGNS)[number];
export const PILOT_DECISIONS = ["ROLLOUT", "NO_ROLLOUT", "EXTEND"] as const;
export type TPilotDecision = (typeof PILOT_DECISIONS)[number];
/** PLANNED before its first day, RUNNING through its last, ENDED until decided, COMPLETED once decided. */
export type TPilotStage = "PLANNED" | "RUNNING" | "ENDED" | "COMPLETED";

/** A pilot runs at most a year; so does a before/after baseline. */
export const MAX_PILOT_DAYS = 366;

/**
 * The smallest effect worth detecting, in the metric's own unit as the manager reads it: points
 * on the 1–7 scale for mean experience, percentage points of top-2-box share for CSAT, NPS points.
 */
export const EFFECT_LIMITS: Record<TPilotMetric, { max: number; step: number; suggested: number }> =
  {
    MEAN_EXPERIENCE: { max: 6, step: 0.1, suggested: 0.5 },
    CSAT: { max: 100, step: 1, suggested: 10 },
    NPS: { max: 200, step: 1, suggested: 10 },
  };

const ZId = z.string().trim().min(1).max(64);
const ZSiteIds = z
  .array(ZId)
  .max(200)
  .transform((ids) => [...new Set(ids)]);

export const ZPilotCreateInput = z
  .object({
    projectId: ZId,
    touchpointId: ZId,
    name: z
      .string()
      .trim()
      .min(1, { error: "validation.required" })
      .max(200, { error: "validation.tooLong" }),
    metric: z.enum(PILOT_METRICS),
    targetEffect: z.coerce
      .number({ error: "validation.invalidType" })
      .gt(0, { error: "improve.errors.effectPositive" }),
    design: z.enum(PILOT_DESIGNS),
    startDay: ZLocalDay,
    endDay: ZLocalDay,
    pilotSiteIds: ZSiteIds.refine((ids) => ids.length > 0, {
      error: "improve.errors.pilotSitesRequired",
    }),
    controlSiteIds: ZSiteIds.default([]),
    baselineStartDay: ZOptionalDay.default(null),
    baselineEndDay: ZOptionalDay.default(null),
    /**
     * The manager's mark that a comparison of one site against one site is a first look: it then
     * gets a verdict, worded as exploratory; unmarked, it gets none (lib/stats/pilot-verdict.ts).
     */
    isExploratory: z.boolean({ error: "validation.invalidType" }).default(false),
  })
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    if (p.targetEffect > EFFECT_LIMITS[p.metric].max)
      issue("targetEffect", "improve.errors.effectTooLarge");
    if (p.endDay < p.startDay) issue("endDay", "improve.errors.endBeforeStart");
    else if (daysInclusive(p.startDay, p.endDay) > MAX_PILOT_DAYS)
      issue("endDay", "improve.errors.windowTooLong");
    if (p.design === "CONTROL_SITES") {
      if (p.controlSiteIds.length === 0)
        issue("controlSiteIds", "improve.errors.controlSitesRequired");
      if (p.controlSiteIds.some((id) => p.pilotSiteIds.includes(id)))
        issue("controlSiteIds", "improve.errors.siteInBothGroups");
    } else {
      if (!p.baselineStartDay) issue("baselineStartDay", "validation.required");
      if (!p.baselineEndDay) issue("baselineEndDay", "validation.required");
      if (p.baselineStartDay && p.baselineEndDay) {
        if (p.baselineEndDay < p.baselineStartDay)
          issue("baselineEndDay", "improve.errors.endBeforeStart");
        else if (p.baselineEndDay >= p.startDay)
          issue("baselineEndDay", "improve.errors.baselineOverlaps");
        else if (daysInclusive(p.baselineStartDay, p.baselineEndDay) > MAX_PILOT_DAYS)
          issue("baselineEndDay", "improve.errors.windowTooLong");
      }
    }
  });
export type TPilotCreateInput = z.input<typeof ZPilotCreateInput>;

/**
 * The manager's decision after a pilot. ROLLOUT takes effect on rolloutDay (default: the day
 * after the pilot's last day); EXTEND moves the last day to extendToDay and keeps the pilot open.
 */
export const ZPilotDecisionInput = z
  .object({
    pilotId: ZId,
    decision: z.enum(PILOT_DECISIONS),
    note: z.string().trim().max(2000, { error: "validation.tooLong" }).default(""),
    rolloutDay: ZOptionalDay.default(null),
    extendToDay: ZOptionalDay.default(null),
  })
  .superRefine((d, ctx) => {
    if (d.decision === "EXTEND" && !d.extendToDay)
      ctx.addIssue({ code: "custom", path: ["extendToDay"], message: "validation.required" });
  });
export type TPilotDecisionInput = z.input<typeof ZPilotDecisionInput>;

/** What recording a decision answers. */
export type TPilotDecisionResult = {
  decision: TPilotDecision;
  controlChartId: string | null;
  /**
   * For a rollout that left the project where it was: why it may not enter Control yet (the
   * phase gate's message key, e.g. no action planned, or the project on hold); null otherwise.
   */
  heldInImprove: string | null;
};

export const ZPilotDeleteInput = z.object({ pilotId: ZId });
export type TPilotDeleteInput = z.input<typeof ZPilotDeleteInput>;

/** The power analysis as the form shows it: the baseline of a pilot on one of the project's touchpoints, starting on startDay. */
export const ZPilotBaselineInput = z.object({
  projectId: ZId,
  touchpointId: ZId,
  startDay: ZLocalDay,
});
export type TPilotBaselineInput = z.input<typeof ZPilotBaselineInput>;

// ---------------------------------------------------------------------------------------------
// What the pages receive.
// ---------------------------------------------------------------------------------------------

/** Sufficient statistics of one group of observations, for every metric a pilot can judge. */
export type TGroupSums = {
  observations: number;
  experience: TMoments;
  csat: { n: number; topTwoBox: number };
  nps: TNpsCounts;
};

/** A touchpoint's observations of the days before a pilot (from–to), from which the power analysis takes its sd, share or mix. */
export type TPilotBaseline = {
  touchpointId: string;
  from: string;
  to: string;
  totals: TGroupSums;
  /** Per site: how fast each site collects answers (how long a pilot there will take). */
  bySite: { siteId: string; sums: TGroupSums }[];
};

/** One group's figure in the metric's unit (mean points, CSAT %, NPS points) with its interval. */
export type TGroupFigure = { n: number; value: number | null; interval: TInterval | null };

/**
 * The tests behind each metric: Welch's t for means, two-proportion z for CSAT, z on the per-answer
 * NPS score; with two or more sites per group, every metric's per-answer score is compared by the
 * site-adjusted t (lib/stats/difference-tests.ts, clusteredDifferenceTest).
 */
export type TPilotTestName =
  "WELCH_T" | "TWO_PROPORTION_Z" | "NPS_Z" | "CLUSTERED_T" | "WEEK_CLUSTERED_T";

/** One group of sites: how many, their answers, the design effect and the effective sample size n / DEFF. */
type TGroupClustering = {
  sites: number;
  n: number;
  designEffect: number;
  effectiveN: number;
};

/** Where the ICC came from: within each group during the pilot, or (when the pilot's days cannot say) the pilot's sites before it started. */
export type TIccSource = "BASELINE" | "PILOT_WINDOW";

/** How the comparison allowed for answers of one site being alike (control-site pilots with two or more sites per group). */
export type TPilotClustering = {
  icc: number;
  iccSource: TIccSource | null;
  pilot: TGroupClustering;
  control: TGroupClustering;
};

/**
 * A before/after pilot against the sites that did not run it, one change (after − before) per site
 * with answers in both periods: mean pilot-site change − mean other-site change. The interval,
 * df and p-value are Welch's t on the site changes, null with fewer than 2 sites a side.
 */
export type TDifferenceInDifferences = {
  value: number;
  interval: TInterval | null;
  df: number | null;
  pValue: number | null;
  /** Pilot sites with answers in both periods. */
  pilotSites: number;
  /** Other sites with answers in both periods, and their answers in each. */
  others: { sites: number; before: number; after: number };
};

/** A plan that found no number of answers enough at the pilot's sites, and the fewest sites per group that would do (null: more than searched). */
export type TInfeasiblePlan = { minSitesPerGroup: number | null };

/** A pilot's result: the two groups, their difference with its interval and p-value, and the verdict. */
export type TPilotOutcome = {
  metric: TPilotMetric;
  test: TPilotTestName;
  pilot: TGroupFigure;
  control: TGroupFigure;
  /** pilot − control in the metric's display unit (CSAT in percentage points); null when it cannot be tested. */
  difference: {
    value: number;
    interval: TInterval;
    statistic: number;
    df: number | null;
    pValue: number;
  } | null;
  plannedPerGroup: number | null;
  /** Set when plannedPerGroup is null because the plan found no number of answers enough (not because there was no baseline). */
  infeasiblePlan: TInfeasiblePlan | null;
  alpha: number;
  verdict: TPilotVerdict;
  reason: TPilotVerdictReason;
  /** Marked exploratory by the manager (a one-site comparison then gets a verdict, worded as such). */
  isExploratory: boolean;
  /** Control-site pilots: the sites of each group with answers for the metric (the ones that count). */
  sitesWithAnswers: { pilot: number; control: number } | null;
  /** A control-site pilot with a single answering site in a group: its test takes the answers as independent. */
  treatsAnswersAsIndependent: boolean;
  /** The exploratory mark is what let this pilot be judged (a group has a single answering site): a first look, not proof. */
  isJudgedAsExploratory: boolean;
  /** Null unless control sites with two or more answering sites per group were compared. */
  clustering: TPilotClustering | null;
  /** Before/after pilots only, when pilot and other sites have answers in both periods. */
  differenceInDifferences: TDifferenceInDifferences | null;
};

export type TPilotSite = { id: string; name: string; code: string; group: "PILOT" | "CONTROL" };

export type TPilotDecisionRecord = {
  decision: TPilotDecision;
  note: string;
  decidedBy: { id: string; name: string } | null;
  decidedAt: string;
  rolloutDay: string | null;
};

export type TPilotSummary = {
  id: string;
  projectId: string;
  name: string;
  touchpoint: { id: string; nameKo: string; nameEn: string };
  metric: TPilotMetric;
  design: TPilotDesign;
  targetEffect: number;
  startDay: string;
  endDay: string;
  baselineStartDay: string | null;
  baselineEndDay: string | null;
  /** The local day the pilot was planned; a pilot planned after its first day is retrospective. */
  plannedOn: string;
  isRetrospective: boolean;
  stage: TPilotStage;
  sites: TPilotSite[];
  decision: TPilotDecisionRecord | null;
  outcome: TPilotOutcome;
};

export type TPilotDetail = TPilotSummary & {
  project: { id: string; title: string; phase: string; status: string };
  journeyId: string;
  /** Per site in the pilot window: n and the figure (control-site design), to see whether one site carries the result. */
  bySite: { site: TPilotSite; figure: TGroupFigure }[];
  /** For the decision form: the day a rollout takes effect unless the manager says otherwise. */
  defaultRolloutDay: string;
};

import { z } from "zod";
import { addDays, firstMondayFrom, isLocalDay, ZLocalDay } from "@/lib/dates/local-days";
import type { TChartMethod } from "@/lib/stats/chart-choice";

export const CONTROL_METRICS = ["MEAN_EXPERIENCE", "CSAT"] as const;
export type TControlMetric = (typeof CONTROL_METRICS)[number];
export const CONTROL_SUBGROUPS = ["DAY", "WEEK"] as const;
export type TControlSubgroup = (typeof CONTROL_SUBGROUPS)[number];

/** The run rules (Western Electric / Nelson), most severe first: an alert names the first that fired. */
export const SIGNAL_RULES = [
  "BEYOND_3_SIGMA",
  "TWO_OF_THREE_BEYOND_2_SIGMA",
  "FOUR_OF_FIVE_BEYOND_1_SIGMA",
  "RUN_ON_ONE_SIDE",
  "TREND",
  "AVOIDING_CENTER",
  "ALTERNATING",
  "HUGGING_CENTER",
] as const;
export type TSignalRule = (typeof SIGNAL_RULES)[number];
type TSignalDirection = "UP" | "DOWN" | null;

/**
 * A signal worth acting on: on a point after the baseline, recent enough (ALERT_WINDOW in
 * series.ts), in the direction "worse than the baseline" (DOWN: higher is better for both metrics).
 * One alert per chart: its latest such point, named by the most severe rule that fired there.
 * value and center are in the metric's unit: mean experience on 1–7, CSAT in % (top-2-box share).
 */
export type TControlAlert = {
  chartId: string;
  projectId: string | null;
  touchpoint: { id: string; nameKo: string; nameEn: string };
  metric: TControlMetric;
  rule: TSignalRule;
  /** The subgroup's first local day (Korea time), "YYYY-MM-DD". */
  pointDate: string;
  direction: "DOWN";
  value: number;
  center: number;
  /** Every downward rule that fired on the chart within the alert window (rule above included). */
  rules: TSignalRule[];
};

/** One subgroup on a chart, with its own limits (they widen where n is small) and the rules it broke. */
export type TChartPoint = {
  /** First local day of the subgroup, "YYYY-MM-DD". */
  date: string;
  isBaseline: boolean;
  value: number;
  n: number;
  center: number;
  upper: number;
  lower: number;
  sigma: number;
  z: number;
  signals: { rule: TSignalRule; direction: TSignalDirection }[];
};

/**
 * OK, or why a chart has no limits: no answers in the baseline period, a single baseline
 * subgroup where the individuals chart needs two, or no variation in them to set limits from.
 */
export type TChartStatus = "OK" | "NO_BASELINE_DATA" | "TOO_FEW_SUBGROUPS" | "NO_VARIATION";

/**
 * A chart as the Control page shows it. Its method (TChartMethod, lib/stats/chart-choice.ts) says
 * which chart the baseline supports and why: X-bar or Laney's X-bar′ of the daily/weekly means,
 * an individuals chart of the means when the days hold too few answers, p or Laney's p′ of CSAT.
 */
export type TControlChartView = TChartMethod & {
  id: string;
  touchpoint: {
    id: string;
    nameKo: string;
    nameEn: string;
    journeyId: string;
    journey: { nameKo: string; nameEn: string };
  };
  project: { id: string; title: string; phase: string; status: string } | null;
  metric: TControlMetric;
  subgroup: TControlSubgroup;
  baselineFrom: string;
  baselineTo: string;
  status: TChartStatus;
  baselineSubgroups: number;
  /** Fewer than 20 baseline subgroups: the limits are provisional. */
  isProvisional: boolean;
  /** Observations behind the points (answers to the chart's question). */
  n: number;
  points: TChartPoint[];
  alert: TControlAlert | null;
};

export type TControlView = {
  today: string;
  alerts: TControlAlert[];
  charts: TControlChartView[];
  /** For the form: touchpoints of active journeys, and open or finished projects to tie a chart to (a chart guards a project of its touchpoint). */
  touchpoints: {
    id: string;
    nameKo: string;
    nameEn: string;
    isMoT: boolean;
    journey: { nameKo: string; nameEn: string };
  }[];
  projects: { id: string; title: string; touchpointIds: string[] }[];
};

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

const ZId = z.string().trim().min(1).max(64);

const chartFields = {
  subgroup: z.enum(CONTROL_SUBGROUPS),
  baselineFrom: ZLocalDay,
  baselineTo: ZLocalDay,
  /** The project whose rollout the chart guards; "" or null for none. */
  projectId: z
    .union([ZId, z.literal(""), z.null()])
    .optional()
    .transform((v) => v || null),
};
type TBaseline = { subgroup: TControlSubgroup; baselineFrom: string; baselineTo: string };
const baselineInOrder = (input: TBaseline) => input.baselineFrom <= input.baselineTo;
const baselineOrderIssue = { error: "control.errors.baselineOrder", path: ["baselineTo"] };
/** A weekly chart's baseline is its whole weeks (Monday to Sunday, series.ts): it needs one at least. */
const holdsWholeWeek = (input: TBaseline) =>
  // Days that are not days, or out of order, have their own message already.
  input.subgroup !== "WEEK" ||
  !isLocalDay(input.baselineFrom) ||
  !isLocalDay(input.baselineTo) ||
  !baselineInOrder(input) ||
  addDays(firstMondayFrom(input.baselineFrom), 6) <= input.baselineTo;
const wholeWeekIssue = { error: "control.errors.baselineNoWholeWeek", path: ["baselineTo"] };

export const ZControlChartCreateInput = z
  .object({ touchpointId: ZId, metric: z.enum(CONTROL_METRICS), ...chartFields })
  .refine(baselineInOrder, baselineOrderIssue)
  .refine(holdsWholeWeek, wholeWeekIssue);
export type TControlChartCreateInput = z.input<typeof ZControlChartCreateInput>;

/** The touchpoint and metric are what a chart is; to chart something else, add a chart. */
export const ZControlChartUpdateInput = z
  .object({ chartId: ZId, ...chartFields })
  .refine(baselineInOrder, baselineOrderIssue)
  .refine(holdsWholeWeek, wholeWeekIssue);
export type TControlChartUpdateInput = z.input<typeof ZControlChartUpdateInput>;

export const ZControlChartDeleteInput = z.object({ chartId: ZId });
export type TControlChartDeleteInput = z.input<typeof ZControlChartDeleteInput>;

/** Back to Improve: the chart of the project's touchpoint shows it drifting back. */
export const ZReopenProjectInput = z.object({ projectId: ZId, chartId: ZId });
export type TReopenProjectInput = z.input<typeof ZReopenProjectInput>;

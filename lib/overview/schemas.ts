import type { TBilingualName, TInterval, TRankedTouchpoint } from "@/lib/analytics/schemas";
import type { TControlAlert } from "@/lib/control/schemas";
import type { TPilotMetric, TPilotSummary } from "@/lib/pilots/schemas";
import type { TProjectListItem } from "@/lib/projects/schemas";
import type { TEvaluation } from "@/lib/projects/windows";
import type { TComplianceSummary } from "@/lib/promises/schemas";
import type { TPilotVerdict } from "@/lib/stats/pilot-verdict";
import type { TOverviewPeriods, TPeriod } from "./periods";

// What the executive overview page receives: plain data, every figure with its n and interval,
// and enough ids and periods for each one to link to the view it came from.

export const HEADLINE_METRICS = ["csat", "nps", "gap"] as const;
export type THeadlineKey = (typeof HEADLINE_METRICS)[number];

/** A figure in its display unit (CSAT %, NPS points, gap points) with its 95 % interval. */
export type TFigure = { value: number; n: number; interval: TInterval | null };

/**
 * current − previous in the figure's unit (CSAT in percentage points), with its interval and
 * p-value; "beyond noise" when the interval leaves out 0.
 */
export type TChange = {
  value: number;
  interval: TInterval;
  pValue: number;
  isBeyondNoise: boolean;
};

export type THeadline = {
  key: THeadlineKey;
  current: TFigure | null;
  previous: TFigure | null;
  change: TChange | null;
  /** One point per month of the trend period, oldest first (key = the month's first day); null = no answers that month. */
  trend: { month: string; figure: TFigure | null }[];
};

/** A row of the fix-first ranking across journeys: Measure's ranked touchpoint, and its journey for the link. */
export type TOverviewTouchpoint = TRankedTouchpoint & { journey: TBilingualName & { id: string } };

/**
 * Before and after a rolled-out change at its touchpoint. "after" is the part of the fixed
 * evaluation window observed so far; the verdict (and the p-value) come once it is complete.
 */
export type TCaseOutcome = {
  pilotId: string;
  projectId: string;
  projectTitle: string;
  pilotName: string;
  touchpoint: TBilingualName & { id: string };
  metric: TPilotMetric;
  rolloutDay: string;
  before: TPeriod & { figure: TFigure | null };
  after: TPeriod & { figure: TFigure | null };
  /** The evaluation window's last day, whether it is over, and the day its verdict is given. */
  evaluation: TEvaluation;
  /** after − before (CSAT in percentage points); null when it cannot be tested. pValue: null until the window is complete. */
  difference: { value: number; interval: TInterval; pValue: number | null } | null;
  /** null while the evaluation window runs. */
  verdict: TPilotVerdict | null;
};

export type TOverviewPilot = TPilotSummary & { project: { id: string; title: string } };

export type TOverview = {
  periods: TOverviewPeriods;
  /** Observations behind the headline's current period (every journey). */
  observations: { current: number; previous: number };
  headline: THeadline[];
  top: TOverviewTouchpoint[];
  projects: TProjectListItem[];
  pilots: TOverviewPilot[];
  alerts: TControlAlert[];
  outcomes: TCaseOutcome[];
  promises: TComplianceSummary[];
};

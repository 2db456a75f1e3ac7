import { z } from "zod";
import { ZLocalDay } from "@/lib/dates/local-days";
import { DIMENSIONS, type TDimension } from "@/lib/journeys/document";
import type { TAnalysisWindow } from "./windows";

const ZId = z.string().trim().min(1).max(64);
const ZText = (max: number) => z.string().trim().max(max, { error: "validation.tooLong" });

/** Analyze a priority: opens (or finds) the improvement project of a touchpoint. */
export const ZOpenAnalysisInput = z.object({ touchpointId: ZId });
export type TOpenAnalysisInput = z.input<typeof ZOpenAnalysisInput>;

/** A cause of the negative experience, in one of the three dimensions, with the unmet need behind it. */
export const ZCauseSaveInput = z.object({
  projectId: ZId,
  causeId: ZId.optional(),
  dimension: z.enum(DIMENSIONS),
  description: ZText(500).min(1, { error: "validation.required" }),
  unmetNeed: ZText(500).default(""),
  /** How often the cause was seen (interviews, observations, complaints): what the Pareto chart ranks. */
  frequency: z.coerce.number().int().min(1).max(1_000_000),
});
export type TCauseSaveInput = z.input<typeof ZCauseSaveInput>;

export const ZCauseDeleteInput = z.object({ projectId: ZId, causeId: ZId });
export type TCauseDeleteInput = z.input<typeof ZCauseDeleteInput>;

/** An option considered against the causes. */
export const ZOptionSaveInput = z.object({
  projectId: ZId,
  optionId: ZId.optional(),
  description: ZText(500).min(1, { error: "validation.required" }),
  dimension: z
    .enum(DIMENSIONS)
    .nullish()
    .transform((v) => v ?? null),
});
export type TOptionSaveInput = z.input<typeof ZOptionSaveInput>;

export const ZOptionChooseInput = z.object({ projectId: ZId, optionId: ZId });
export type TOptionChooseInput = z.input<typeof ZOptionChooseInput>;
export const ZOptionDeleteInput = z.object({ projectId: ZId, optionId: ZId });
export type TOptionDeleteInput = z.input<typeof ZOptionDeleteInput>;

export type TCause = {
  id: string;
  dimension: TDimension;
  description: string;
  unmetNeed: string;
  frequency: number;
};
export type TOption = {
  id: string;
  description: string;
  dimension: TDimension | null;
  isChosen: boolean;
};
export type TParetoBar = {
  key: string;
  label: string;
  count: number;
  share: number;
  cumulativeShare: number;
  isVitalFew: boolean;
};

/** One priority under analysis: its touchpoints, causes (with their Pareto), options and the window of its comment themes. */
export type TAnalysis = {
  id: string;
  title: string;
  phase: string;
  touchpoints: { id: string; nameKo: string; nameEn: string; journeyId: string; isMoT: boolean }[];
  causes: TCause[];
  causePareto: TParetoBar[];
  options: TOption[];
  commentWindow: TAnalysisWindow;
};

/** The comment themes of a priority under analysis, in its comment window. */
export type TCommentThemes = {
  /** Themes of the complaints at these touchpoints in the window (the most recent COMMENT_SAMPLE), as a Pareto. */
  commentThemes: (TParetoBar & { examples: string[] })[];
  /** Complaints read: comments of answers below expectation, from detractors or dissatisfied (CSAT). */
  commentsRead: number;
  /** Every comment at these touchpoints in the window, praise included. */
  commentsInWindow: number;
};

/** The Analyze page's own window (?from=…&to=…): both days, in order. */
export const ZAnalysisWindowInput = z
  .object({ from: ZLocalDay, to: ZLocalDay })
  .refine((w) => w.from <= w.to, { error: "validation.invalidFormat", path: ["to"] });

// ---------------------------------------------------------------------------------------------
// Improvement projects (DMAIC): the project itself, its phase and status, its action plan.
// ---------------------------------------------------------------------------------------------

export const PHASES = ["DEFINE", "MEASURE", "ANALYZE", "IMPROVE", "CONTROL"] as const;
export type TPhase = (typeof PHASES)[number];
export const PROJECT_STATUSES = ["ACTIVE", "ON_HOLD", "DONE", "CANCELLED"] as const;
export type TProjectStatus = (typeof PROJECT_STATUSES)[number];
export const ACTION_STATUSES = ["TODO", "IN_PROGRESS", "DONE"] as const;
type TActionStatus = (typeof ACTION_STATUSES)[number];

/** Most touchpoints one project takes on: a project is a few priorities, not a journey. */
const MAX_PROJECT_TOUCHPOINTS = 10;
/** The largest gap a project can close: the distance across the 1–7 scale. */
export const MAX_TARGET_GAP = 6;

/** Forms send "" for a field left empty: that is "not set", not zero. */
const blankToNull = (value: unknown) =>
  value === "" || value === undefined || value === null
    ? null
    : typeof value === "string"
      ? Number(value)
      : value;
const ZOptionalRange = (min: number, max: number, error: string) =>
  z.preprocess(blankToNull, z.number().gt(min, { error }).max(max, { error }).nullable());
const ZOptionalUser = z.preprocess((v) => (v === "" || v === undefined ? null : v), ZId.nullable());
/** A local day (Korea time) "YYYY-MM-DD", or empty for none. */
export const ZOptionalDay = z.preprocess(
  (v) => (v === "" || v === undefined ? null : v),
  ZLocalDay.nullable(),
);
const ZVersion = z.coerce.number().int().min(1);

const projectFields = {
  title: ZText(200).min(1, { error: "validation.required" }),
  /** The problem in the customer's words: what goes wrong at these touchpoints, for whom, how often. */
  problem: ZText(2000).default(""),
  ownerId: ZOptionalUser.default(null),
  /** Points of mean gap to close (experienced − expected, 1–7 scale). */
  targetGapClosed: ZOptionalRange(0, MAX_TARGET_GAP, "improve.errors.targetGapRange").default(null),
  /** Percentage points of CSAT (top-2-box share) to gain. */
  targetCsatChange: ZOptionalRange(0, 100, "improve.errors.targetCsatRange").default(null),
  dueDay: ZOptionalDay.default(null),
};

/** A project on one or more touchpoints of one journey; it starts in Define. */
export const ZProjectCreateInput = z.object({
  ...projectFields,
  touchpointIds: z
    .array(ZId)
    .min(1, { error: "improve.errors.touchpointsRequired" })
    .max(MAX_PROJECT_TOUCHPOINTS, { error: "improve.errors.tooManyTouchpoints" })
    .transform((ids) => [...new Set(ids)]),
});
export type TProjectCreateInput = z.input<typeof ZProjectCreateInput>;

/** Edits name the version they started from: the second of two editors is told to reload. */
export const ZProjectUpdateInput = z.object({
  projectId: ZId,
  version: ZVersion,
  ...projectFields,
});
export type TProjectUpdateInput = z.input<typeof ZProjectUpdateInput>;

export const ZProjectPhaseInput = z.object({
  projectId: ZId,
  version: ZVersion,
  phase: z.enum(PHASES),
});
export type TProjectPhaseInput = z.input<typeof ZProjectPhaseInput>;

export const ZProjectStatusInput = z.object({
  projectId: ZId,
  version: ZVersion,
  status: z.enum(PROJECT_STATUSES),
});
export type TProjectStatusInput = z.input<typeof ZProjectStatusInput>;

/** One action of the plan, in one of the three dimensions, with an owner, a due date and a status. */
export const ZActionItemSaveInput = z.object({
  projectId: ZId,
  actionItemId: ZId.optional(),
  dimension: z.enum(DIMENSIONS),
  description: ZText(500).min(1, { error: "validation.required" }),
  ownerId: ZOptionalUser.default(null),
  dueDay: ZOptionalDay.default(null),
  status: z.enum(ACTION_STATUSES).default("TODO"),
});
export type TActionItemSaveInput = z.input<typeof ZActionItemSaveInput>;

export const ZActionItemStatusInput = z.object({
  projectId: ZId,
  actionItemId: ZId,
  status: z.enum(ACTION_STATUSES),
});
export type TActionItemStatusInput = z.input<typeof ZActionItemStatusInput>;

export const ZActionItemDeleteInput = z.object({ projectId: ZId, actionItemId: ZId });
export type TActionItemDeleteInput = z.input<typeof ZActionItemDeleteInput>;

type TPersonRef = { id: string; name: string };

export type TActionItem = {
  id: string;
  dimension: TDimension;
  description: string;
  owner: TPersonRef | null;
  dueDay: string | null;
  status: TActionStatus;
  isOverdue: boolean;
};

type TProjectTouchpoint = {
  id: string;
  nameKo: string;
  nameEn: string;
  isMoT: boolean;
  dimension: TDimension;
  journey: { id: string; nameKo: string; nameEn: string };
  stage: { nameKo: string; nameEn: string };
};

/** One row of the projects list: phase, owner, targets and how far the plan has come. */
export type TProjectListItem = {
  id: string;
  title: string;
  phase: TPhase;
  status: TProjectStatus;
  owner: TPersonRef | null;
  targetGapClosed: number | null;
  targetCsatChange: number | null;
  dueDay: string | null;
  isOverdue: boolean;
  touchpoints: { id: string; nameKo: string; nameEn: string; isMoT: boolean }[];
  actions: { total: number; done: number };
  pilots: { total: number; decided: number };
};

/** What the phase gates look at (rules.ts). */
export type TPhaseFacts = {
  hasProblem: boolean;
  hasTarget: boolean;
  hasOwner: boolean;
  observationCount: number;
  causeCount: number;
  hasChosenOption: boolean;
  actionCount: number;
  /** A pilot decided for rollout since the project last left Control (a reopen, a move back): an old rollout does not count twice. */
  hasRollout: boolean;
};

/** The project page: the project, what earlier phases produced, its plan. */
export type TProjectDetail = {
  id: string;
  title: string;
  problem: string;
  phase: TPhase;
  status: TProjectStatus;
  version: number;
  owner: TPersonRef | null;
  targetGapClosed: number | null;
  targetCsatChange: number | null;
  startedDay: string;
  dueDay: string | null;
  closedDay: string | null;
  touchpoints: TProjectTouchpoint[];
  causes: TCause[];
  chosenOption: TOption | null;
  optionCount: number;
  actionItems: TActionItem[];
  /** Control charts guarding this project's touchpoints (set up by a rollout or on the Control page). */
  controlChartCount: number;
  facts: TPhaseFacts;
};

/** A project's history is its audit entries of this entity type, entityId = the project's id. */
export const PROJECT_ENTITY = "ImprovementProject";

/** One entry of a project's history: who changed what, when. */
export type THistoryEntry = {
  id: string;
  action: string;
  actor: TPersonRef | null;
  at: string;
  details: Record<string, unknown>;
};

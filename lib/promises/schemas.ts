import { z } from "zod";
import { ZLocalDay } from "@/lib/dates/local-days";
import type { TInterval } from "@/lib/stats/summary";

const ZId = z.string().trim().min(1).max(64);
const ZText = (max: number) => z.string().trim().max(max, { error: "validation.tooLong" });
const ZOptionalId = z
  .union([ZId, z.literal(""), z.null()])
  .optional()
  .transform((v) => v || null);

const MAX_CHECKLIST_ITEMS = 30;
/** Audits at most once a year apart, at least once a day. */
export const MAX_AUDIT_EVERY_DAYS = 366;

/** What a product or service promises the customer, and what an audit checks to see it kept. */
export const ZPromiseSaveInput = z
  .object({
    promiseId: ZId.optional(),
    titleKo: ZText(200).default(""),
    titleEn: ZText(200).default(""),
    description: ZText(2000).default(""),
    touchpointId: ZOptionalId,
    checklistItems: z
      .array(ZText(300).min(1, { error: "validation.required" }))
      .min(1, { error: "promises.errors.checklistRequired" })
      .max(MAX_CHECKLIST_ITEMS, { error: "promises.errors.checklistTooLong" })
      .refine((items) => new Set(items).size === items.length, {
        error: "promises.errors.checklistDuplicate",
      }),
    auditEveryDays: z.coerce.number().int().min(1).max(MAX_AUDIT_EVERY_DAYS),
    isActive: z.union([z.boolean(), z.stringbool()]).default(true),
  })
  .refine((p) => p.titleKo !== "" || p.titleEn !== "", {
    error: "promises.errors.titleRequired",
    path: ["titleKo"],
  });
export type TPromiseSaveInput = z.input<typeof ZPromiseSaveInput>;

/** One checked item of an audit, as stored in PromiseAudit.checklist (the demo seed writes the same shape). */
const ZChecklistEntry = z
  .object({
    item: ZText(300).min(1, { error: "validation.required" }),
    passed: z.union([z.boolean(), z.stringbool()]),
    evidence: ZText(1000).default(""),
  })
  // A failed check without a word of what was seen cannot be acted on.
  .refine((entry) => entry.passed || entry.evidence !== "", {
    error: "promises.errors.evidenceRequired",
    path: ["evidence"],
  });
type TChecklistEntry = z.output<typeof ZChecklistEntry>;

/** An audit: where and when, and each checklist item of the promise passed or failed, with evidence. */
export const ZAuditRecordInput = z.object({
  promiseId: ZId,
  siteId: ZOptionalId,
  auditedAt: ZLocalDay,
  checklist: z.array(ZChecklistEntry).min(1).max(MAX_CHECKLIST_ITEMS),
  evidence: ZText(2000).default(""),
});
export type TAuditRecordInput = z.input<typeof ZAuditRecordInput>;

// ---------------------------------------------------------------------------------------------
// What the pages receive
// ---------------------------------------------------------------------------------------------

export type TPromise = {
  id: string;
  titleKo: string;
  titleEn: string;
  description: string;
  touchpoint: { id: string; nameKo: string; nameEn: string } | null;
  checklistItems: string[];
  auditEveryDays: number;
  isActive: boolean;
  /** Local day the promise was defined: the first audits fall due auditEveryDays later. */
  createdOn: string;
  auditCount: number;
};

export type TPromiseAudit = {
  id: string;
  site: { id: string; name: string } | null;
  auditor: string | null;
  auditedOn: string;
  passed: boolean;
  checklist: TChecklistEntry[];
  evidence: string;
};

/** Audits of one promise at one site (or without a site) in one month, as SQL counts them. */
export type TAuditCount = {
  promiseId: string;
  siteId: string | null;
  month: string;
  audits: number;
  passed: number;
};
/** The latest audit of one promise at one site. */
export type TLastAudit = {
  promiseId: string;
  siteId: string | null;
  auditedOn: string;
  passed: boolean;
};

export type TRate = { audits: number; passed: number; rate: number; interval: TInterval | null };
export type TComplianceMonth = TRate & { month: string };
export type TComplianceSeries = {
  key: string | null;
  months: TComplianceMonth[];
  total: TRate | null;
};

type TScheduleStatus = "OVERDUE" | "DUE_SOON" | "SCHEDULED";
export type TScheduleRow = {
  promiseId: string;
  siteId: string | null;
  lastAuditedOn: string | null;
  lastPassed: boolean | null;
  dueOn: string;
  status: TScheduleStatus;
  /** Days past due (> 0 when overdue), or days left (≤ 0). */
  daysOverdue: number;
};

export type TSiteRef = { id: string; name: string };

/** The overview's line per promise: this quarter against the last, and audits overdue now. */
export type TComplianceSummary = {
  promiseId: string;
  titleKo: string;
  titleEn: string;
  currentQuarter: TRate | null;
  previousQuarter: TRate | null;
  overdueAudits: number;
};

export type TPromisesView = {
  today: string;
  promises: TPromise[];
  sites: TSiteRef[];
  touchpoints: {
    id: string;
    nameKo: string;
    nameEn: string;
    journey: { nameKo: string; nameEn: string };
  }[];
  schedule: TScheduleRow[];
  /** Per promise, month by month over COMPLIANCE_MONTHS. */
  compliance: TComplianceSeries[];
  months: string[];
};

export type TPromiseDetail = {
  today: string;
  promise: TPromise;
  sites: TSiteRef[];
  schedule: TScheduleRow[];
  /** Per site (null = audits without a site), month by month. */
  compliance: TComplianceSeries[];
  months: string[];
  total: TRate | null;
  /** How often each checklist item failed (all audits of the promise), most failed first. */
  failedItems: { item: string; audits: number; failed: number }[];
  audits: TPromiseAudit[];
};

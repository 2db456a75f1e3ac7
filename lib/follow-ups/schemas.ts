import { z } from "zod";
import type { TObservationSource } from "@/lib/observations/limits";
import { FOLLOW_UP_MAX_AGE_DAYS_RANGE, type TFollowUpReason } from "./rules";

const ZId = z.string().trim().min(1).max(64);

const FOLLOW_UP_STATUSES = ["OPEN", "CLOSED"] as const;
type TFollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** The list's filters, as the page reads them from the URL: a bad value falls back to the default. */
export const ZFollowUpFilter = z.object({
  status: z.enum(FOLLOW_UP_STATUSES).catch("OPEN"),
  siteId: ZId.optional().catch(undefined),
});
export type TFollowUpFilter = z.input<typeof ZFollowUpFilter>;

/** Closing the loop: what was done for the customer. */
export const ZFollowUpCloseInput = z.object({
  followUpId: ZId,
  resolution: z
    .string()
    .trim()
    .min(1, { error: "validation.required" })
    .max(2000, { error: "validation.tooLong" }),
});
export type TFollowUpCloseInput = z.input<typeof ZFollowUpCloseInput>;

/** The organization's follow-up settings: how old an answer may be and still open a follow-up. */
export const ZFollowUpSettingsInput = z.object({
  maxAgeDays: z.coerce
    .number({ error: "validation.invalidType" })
    .int({ error: "validation.invalidType" })
    .min(FOLLOW_UP_MAX_AGE_DAYS_RANGE.min, { error: "validation.tooSmall" })
    .max(FOLLOW_UP_MAX_AGE_DAYS_RANGE.max, { error: "validation.tooBig" }),
});
export type TFollowUpSettingsInput = z.input<typeof ZFollowUpSettingsInput>;

export type TFollowUp = {
  id: string;
  status: TFollowUpStatus;
  reasons: TFollowUpReason[];
  openedAt: Date;
  closedAt: Date | null;
  resolution: string;
  closedByName: string | null;
  site: { id: string; name: string } | null;
  observation: {
    source: TObservationSource;
    observedAt: Date;
    expectationScore: number | null;
    experiencedScore: number | null;
    nps: number | null;
    comment: string;
    touchpoint: { nameKo: string; nameEn: string; isMoT: boolean };
    journey: { nameKo: string; nameEn: string };
    segment: { nameKo: string; nameEn: string } | null;
    loggedByName: string | null;
  };
};

/** Open follow-ups of one site (or of none), with the age of the oldest. */
export type TFollowUpSiteSummary = {
  site: { id: string; name: string } | null;
  open: number;
  oldestOpenedAt: Date;
};

export type TFollowUpList = {
  /** Answers observed more than this many days ago open no follow-up. */
  maxAgeDays: number;
  items: TFollowUp[];
  /** The sites this user may filter by (frontline staff: only their own). */
  sites: { id: string; name: string }[];
  /** Open follow-ups per site, the oldest first; the same scope as the list. */
  openBySite: TFollowUpSiteSummary[];
  /** How many items the list left out (it shows at most LIST_LIMIT). */
  hiddenCount: number;
};

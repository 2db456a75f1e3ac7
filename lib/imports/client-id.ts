import { createHash } from "node:crypto";
import type { TObservation } from "@/lib/observations/schemas";

// The clientId of an imported row — what makes a re-import add nothing (the store skips a
// clientId the organization already has). Why this scheme:
// - A hash of the row's values as they will be stored (resolved ids, the instant, the scores,
//   the comment), not of the raw text or of the line number: the same response read from the
//   same file, from that file re-saved as XLSX, or from a corrected file whose bad rows were fixed
//   or deleted (lines shift) gets the same id, so after a "valid rows only" run the corrected file
//   adds only the rows that were fixed.
// - Plus the survey tool's response id when the mapping names one, so two respondents who gave
//   the same answers at the same instant stay two observations. Without a response id, plus the
//   file's SHA-256 instead: two exports of one survey (morning and afternoon, dated by day) hold
//   different customers whose answers may look alike, and a look-alike must not be taken for a
//   re-import and dropped. The price: without a response id, only the very same file is
//   recognised, so a corrected copy is recognised row by row only when a response id is mapped.
// - Plus the occurrence of that hash within the file (1, 2, …): two genuinely identical rows in
//   one file are two responses and both are kept, yet re-importing the file still adds neither.
// 128 bits of SHA-256 keep accidental collisions out of reach at any realistic volume.

/** The fingerprint of a converted row: equal for rows that would store the same observation. */
export function fingerprintRow(
  observation: Omit<TObservation, "clientId">,
  responseId: string | null,
  fileHash: string,
): string {
  const o = observation;
  const values = [
    o.touchpointId,
    o.driverId,
    o.segmentId,
    o.siteId,
    o.source,
    o.observedAt.toISOString(),
    o.expectationScore,
    o.experiencedScore,
    o.emotionalScore,
    o.nps,
    o.csat,
    o.ces,
    o.comment,
    responseId === null ? `file:${fileHash}` : `response:${responseId}`,
  ];
  return createHash("sha256").update(JSON.stringify(values)).digest("hex").slice(0, 32);
}

/** Hands out clientIds for one file in reading order: "import:<fingerprint>:<occurrence>". */
export function createClientIdSequence() {
  const occurrences = new Map<string, number>();
  return (fingerprint: string): string => {
    const occurrence = (occurrences.get(fingerprint) ?? 0) + 1;
    occurrences.set(fingerprint, occurrence);
    return `import:${fingerprint}:${occurrence}`;
  };
}

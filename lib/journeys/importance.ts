import { z } from "zod";

// A loyalty driver's stated importance is stored as a share from 0 to 1 (null: derive it from
// the data — lib/analytics ranks with either). Managers think in percentages, so the editor
// shows and takes 0–100 %; files (JSON, CSV) carry the stored 0–1 value as it is.

/** 0–1 or null; `error` is the message key every failure gets (a range error, a wrong type). */
export const zStatedImportance = (error: string) =>
  z.number({ error }).min(0, { error }).max(1, { error }).nullable();

const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/;

/**
 * What a manager typed into the editor's importance box, as the stored value: "" is null
 * (derive from the data), "80" or "80 %" is 0.8. Anything else is NaN, which the schema refuses
 * with its message; a number above 100 % comes back above 1 and is refused the same way.
 */
export function percentToImportance(text: string): number | null {
  if (text.trim() === "") return null;
  const number = text.trim().replace(/\s*%$/, "");
  return DECIMAL.test(number) ? Number(number) / 100 : Number.NaN;
}

/** The stored value as the editor shows it: 0.8 -> "80", without float noise (0.07 -> "7"). */
export function importanceToPercent(value: number | null): string {
  return value === null ? "" : String(Math.round(value * 100 * 1e6) / 1e6);
}

export const isImportanceValid = (value: number | null) =>
  value === null || (Number.isFinite(value) && value >= 0 && value <= 1);

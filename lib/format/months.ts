// Month keys in the reader's language (Intl).

/** A period key "2026-11-01" (first day of a month, already in the reporting time zone; formatted as is) -> "Nov 2026" / "2026년 11월". */
export function formatMonth(isoDay: string, locale: string): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDay;
  return new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "short",
    timeZone: "UTC",
  }).format(date);
}

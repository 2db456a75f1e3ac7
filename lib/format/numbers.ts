// Numbers in the reader's language (Intl): every figure the pages and charts show.

/** A number with a fixed count of decimals ("−" for a missing value is the caller's choice). */
export function formatNumber(value: number, locale: string, digits = 2): string {
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** A signed number, "+0.42" / "−1.30": a gap reads better with its sign. */
export function formatSigned(value: number, locale: string, digits = 2): string {
  const rounded = Number(value.toFixed(digits));
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: rounded === 0 ? "never" : "always",
  }).format(rounded);
}

/** 0.137 -> "14 %" in English, "14%" in Korean (Intl decides). */
export function formatPercent(share: number, locale: string, digits = 0): string {
  return new Intl.NumberFormat(locale, {
    style: "percent",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(share);
}

export function formatInteger(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

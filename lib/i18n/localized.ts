import type { TLocale } from "./config";

type TBilingual<K extends string> = Record<`${K}Ko` | `${K}En`, string>;

/** A bilingual field (nameKo/nameEn) in the reader's language, falling back to the other one. */
export function localized<K extends string>(row: TBilingual<K>, field: K, locale: string): string {
  const ko = row[`${field}Ko`];
  const en = row[`${field}En`];
  return (locale as TLocale) === "en" ? en || ko : ko || en;
}

export const LOCALES = ["ko", "en"] as const;
export type TLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: TLocale = "ko";
export const LOCALE_COOKIE = "NEXT_LOCALE";

export const isLocale = (value: unknown): value is TLocale => LOCALES.includes(value as TLocale);

/** The first supported language in an Accept-Language header, else the default. */
export function localeFromAcceptLanguage(header: string | null): TLocale {
  const tags = (header ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", q] = part.trim().split(";q=");
      return { language: tag.split("-")[0]?.toLowerCase() ?? "", quality: q ? Number(q) : 1 };
    })
    .filter((t) => t.language && Number.isFinite(t.quality))
    .sort((a, b) => b.quality - a.quality);
  return tags.map((t) => t.language).find(isLocale) ?? DEFAULT_LOCALE;
}

/**
 * The time zone in which days, weeks and months are counted (reports, filters) and times shown:
 * the source market's. Observations are stored in UTC.
 */
export const REPORTING_TIME_ZONE = "Asia/Seoul";

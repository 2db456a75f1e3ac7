import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatInteger, formatPercent } from "@/lib/format/numbers";
import { localized } from "@/lib/i18n/localized";
import type { TComplianceSummary, TRate } from "@/lib/promises/schemas";
import { EMPTY_CLASS, LIST_CLASS, ROW_LINK_CLASS } from "./overview-section";

/** Each active service promise: audits passed this quarter against the last, and audits overdue; each opens Service promises. */
export async function PromiseCompliance({ promises }: { promises: TComplianceSummary[] }) {
  const [t, locale] = await Promise.all([getTranslations("overview.promises"), getLocale()]);
  if (promises.length === 0) return <p className={EMPTY_CLASS}>{t("none")}</p>;
  const rate = (r: TRate | null) =>
    r && r.audits > 0
      ? `${formatPercent(r.rate, locale)} ${t("audits", { passed: formatInteger(r.passed, locale), audits: formatInteger(r.audits, locale) })}`
      : t("noAudits");
  return (
    <ul className={LIST_CLASS}>
      {promises.map((p) => (
        <li key={p.promiseId} data-testid="overview-promise">
          <Link
            href="/promises"
            className={`${ROW_LINK_CLASS} flex items-start justify-between gap-3`}
            aria-label={t("open")}
          >
            <span className="min-w-0">
              <span className="block font-medium text-neutral-900">
                {localized(p, "title", locale)}
              </span>
              <span className="block text-xs tabular-nums text-neutral-600">
                {t("current", { rate: rate(p.currentQuarter) })} ·{" "}
                {t("previous", { rate: rate(p.previousQuarter) })}
              </span>
            </span>
            <span
              className={`shrink-0 text-xs font-medium ${p.overdueAudits > 0 ? "text-gap-below" : "text-neutral-500"}`}
            >
              {t("overdue", { count: p.overdueAudits })}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

import { getFormatter, getTranslations } from "next-intl/server";
import { isOverdue } from "@/lib/follow-ups/rules";
import type { TFollowUpSiteSummary } from "@/lib/follow-ups/schemas";

/** Open follow-ups per site and how long the oldest has waited: where the loop is not being closed. */
export async function OpenBySite({
  summaries,
  now,
}: {
  summaries: TFollowUpSiteSummary[];
  now: Date;
}) {
  const [t, format] = await Promise.all([getTranslations("followUps"), getFormatter()]);
  const total = summaries.reduce((sum, s) => sum + s.open, 0);
  return (
    <aside
      aria-labelledby="open-by-site"
      className="h-fit rounded-lg border border-neutral-200 bg-white p-4"
    >
      <h2 id="open-by-site" className="font-medium">
        {t("bySite.title")}
      </h2>
      <p className="mt-1 text-sm text-neutral-600" data-testid="open-total">
        {t("bySite.total", { count: total })}
      </p>
      {summaries.length > 0 && (
        <table className="mt-3 w-full text-sm">
          <thead>
            <tr className="text-left text-xs text-neutral-500">
              <th className="py-1 font-medium">{t("bySite.site")}</th>
              <th className="py-1 text-right font-medium">{t("bySite.open")}</th>
              <th className="py-1 text-right font-medium">{t("bySite.oldest")}</th>
            </tr>
          </thead>
          <tbody>
            {summaries.map((summary) => (
              <tr key={summary.site?.id ?? "none"} className="border-t border-neutral-100">
                <td className="py-1.5">{summary.site?.name ?? t("noSite")}</td>
                <td className="py-1.5 text-right tabular-nums">{summary.open}</td>
                <td
                  className={`py-1.5 text-right ${isOverdue(summary.oldestOpenedAt, now) ? "font-medium text-orange-700" : "text-neutral-700"}`}
                >
                  {format.relativeTime(summary.oldestOpenedAt, now)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </aside>
  );
}

import { getFormatter, getTranslations } from "next-intl/server";
import { Table, type TTableColumn } from "@/components/ui/table";
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
  const columns: TTableColumn<TFollowUpSiteSummary>[] = [
    {
      key: "site",
      header: t("bySite.site"),
      cell: (summary) => summary.site?.name ?? t("noSite"),
    },
    { key: "open", header: t("bySite.open"), isNumeric: true, cell: (summary) => summary.open },
    {
      key: "oldest",
      header: t("bySite.oldest"),
      isNumeric: true,
      cell: (summary) => format.relativeTime(summary.oldestOpenedAt, now),
      cellProps: (summary) => ({
        className: isOverdue(summary.oldestOpenedAt, now)
          ? "font-medium text-orange-700"
          : "text-neutral-700",
      }),
    },
  ];
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
        <Table
          columns={columns}
          rows={summaries}
          rowKey={(summary) => summary.site?.id ?? "none"}
          frame="none"
          density="compact"
          className="mt-3"
        />
      )}
    </aside>
  );
}

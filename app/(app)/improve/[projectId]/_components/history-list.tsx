"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { THistoryEntry } from "@/lib/projects/schemas";

/** How many entries show before "show all". */
const FIRST_ENTRIES = 12;

const text = (value: unknown) =>
  value === null || value === undefined || value === "" ? "–" : String(value);

/** Who changed what, when: the project's entries in the append-only audit log, newest first. */
export function HistoryList({ entries }: { entries: THistoryEntry[] }) {
  const t = useTranslations("improve.history");
  const tImprove = useTranslations("improve");
  const tControl = useTranslations("control");
  const format = useFormatter();

  const describe = (entry: THistoryEntry): string => {
    const d = entry.details;
    const key = `actions.${entry.action}`;
    if (!t.has(key)) return entry.action;
    const phase = (value: unknown) =>
      typeof value === "string" && tImprove.has(`phases.${value}`)
        ? tImprove(`phases.${value}`)
        : text(value);
    switch (entry.action) {
      case "project.phase":
        return t(key, { from: phase(d.from), to: phase(d.to) });
      case "project.status":
        return t(key, {
          from: tImprove.has(`statuses.${text(d.from)}`)
            ? tImprove(`statuses.${text(d.from)}`)
            : text(d.from),
          to: tImprove.has(`statuses.${text(d.to)}`)
            ? tImprove(`statuses.${text(d.to)}`)
            : text(d.to),
        });
      case "project.update": {
        const changed = Object.keys((d.changes as Record<string, unknown> | undefined) ?? {});
        return changed.length
          ? t(key, {
              fields: changed.map((f) => (t.has(`fields.${f}`) ? t(`fields.${f}`) : f)).join(", "),
            })
          : t("actions.project.unchanged");
      }
      case "project.reopen":
        return t(key, {
          rule: tControl.has(`rules.${text(d.rule)}.name`)
            ? tControl(`rules.${text(d.rule)}.name`)
            : text(d.rule),
          day: text(d.pointDate),
        });
      case "action.status":
        return t(key, {
          description: text(d.description),
          to: tImprove.has(`actionStatuses.${text(d.to)}`)
            ? tImprove(`actionStatuses.${text(d.to)}`)
            : text(d.to),
        });
      case "pilot.decide":
        return t(key, {
          name: text(d.name),
          decision: tImprove.has(`decisions.${text(d.decision)}`)
            ? tImprove(`decisions.${text(d.decision)}`)
            : text(d.decision),
          verdict: tImprove.has(`verdicts.${text(d.verdict)}`)
            ? tImprove(`verdicts.${text(d.verdict)}`)
            : text(d.verdict),
        });
      default:
        return t(key, {
          title: text(d.title),
          description: text(d.description),
          name: text(d.name),
          from: text(d.baselineFrom),
          to: text(d.baselineTo),
        });
    }
  };

  const row = (entry: THistoryEntry) => (
    <li
      key={entry.id}
      className="grid gap-x-3 border-b border-neutral-100 py-2 text-sm last:border-0 sm:grid-cols-[10rem_1fr]"
      data-testid="history-entry"
      data-action={entry.action}
    >
      <span className="text-xs text-neutral-500">
        <time dateTime={entry.at}>
          {format.dateTime(new Date(entry.at), { dateStyle: "medium", timeStyle: "short" })}
        </time>
      </span>
      <span>
        <span className="font-medium">{entry.actor?.name ?? t("system")}</span>{" "}
        <span className="text-neutral-700">{describe(entry)}</span>
        {entry.action === "pilot.decide" &&
          typeof entry.details.note === "string" &&
          entry.details.note && (
            <span className="block text-xs text-neutral-600">
              {t("note", { note: entry.details.note })}
            </span>
          )}
      </span>
    </li>
  );

  return (
    <section
      aria-labelledby="history-heading"
      className="rounded-lg border border-neutral-200 bg-white p-4"
      data-testid="project-history"
    >
      <h2 id="history-heading" className="font-medium">
        {t("heading")}
      </h2>
      <p className="mt-1 text-sm text-neutral-600">{t("lead")}</p>
      {entries.length === 0 ? (
        <p className="mt-3 text-sm text-neutral-500">{t("empty")}</p>
      ) : (
        <>
          <ol className="mt-2">{entries.slice(0, FIRST_ENTRIES).map(row)}</ol>
          {entries.length > FIRST_ENTRIES && (
            <details className="mt-1">
              <summary className="cursor-pointer text-sm text-accent">
                {t("showAll", { count: entries.length })}
              </summary>
              <ol>{entries.slice(FIRST_ENTRIES).map(row)}</ol>
            </details>
          )}
        </>
      )}
    </section>
  );
}

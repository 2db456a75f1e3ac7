import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getControlView } from "@/lib/control/queries";
import type { TControlChartView } from "@/lib/control/schemas";
import { localized } from "@/lib/i18n/localized";
import { addDays } from "@/lib/dates/local-days";
import {
  createControlChartAction,
  deleteControlChartAction,
  reopenProjectAction,
  updateControlChartAction,
} from "./actions";
import { AlertList } from "./_components/alert-list";
import { ControlChartCard } from "./_components/chart-card";
import { AddChartForm } from "./_components/chart-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("control"))("title") };
}

export default async function ControlPage() {
  const user = await requireUser("control:read");
  const [view, t, locale] = await Promise.all([
    getControlView(user),
    getTranslations("control"),
    getLocale(),
  ]);
  const canWrite = can(user.role, "control:write");
  const projects = Object.fromEntries(
    view.charts.flatMap((c) => (c.project ? [[c.project.id, c.project] as const] : [])),
  );
  // The charts of one touchpoint side by side (mean experience and CSAT).
  const byTouchpoint = new Map<string, TControlChartView[]>();
  for (const chart of view.charts)
    byTouchpoint.set(chart.touchpoint.id, [
      ...(byTouchpoint.get(chart.touchpoint.id) ?? []),
      chart,
    ]);

  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <div className="flex flex-col gap-6">
        <AlertList
          alerts={view.alerts}
          projects={projects}
          canReopen={can(user.role, "project:write")}
          reopenProject={reopenProjectAction}
        />
        <section aria-labelledby="control-charts" className="flex flex-col gap-4">
          <div>
            <h2 id="control-charts" className="font-medium">
              {t("charts.title")}
            </h2>
            <p className="mt-1 text-sm text-neutral-600">{t("charts.lead")}</p>
          </div>
          {view.charts.length === 0 ? (
            <EmptyState title={t("charts.none")}>{t("charts.noneLead")}</EmptyState>
          ) : (
            [...byTouchpoint].map(([touchpointId, charts]) => (
              <section
                key={touchpointId}
                aria-labelledby={`tp-${touchpointId}`}
                className="flex flex-col gap-3"
                data-testid={`control-chart-${touchpointId}`}
              >
                <h3 id={`tp-${touchpointId}`} className="text-sm font-semibold text-neutral-800">
                  {t("charts.touchpointGroup", {
                    touchpoint: localized(charts[0]!.touchpoint, "name", locale),
                    journey: localized(charts[0]!.touchpoint.journey, "name", locale),
                  })}
                </h3>
                <div className="grid gap-4 xl:grid-cols-2">
                  {charts.map((chart) => (
                    <ControlChartCard
                      key={chart.id}
                      chart={chart}
                      projects={view.projects}
                      canWrite={canWrite}
                      updateChart={updateControlChartAction}
                      deleteChart={deleteControlChartAction}
                    />
                  ))}
                </div>
              </section>
            ))
          )}
        </section>
        {canWrite && (
          <AddChartForm
            touchpoints={view.touchpoints}
            projects={view.projects}
            defaults={{
              baselineFrom: addDays(view.today, -90),
              baselineTo: addDays(view.today, -31),
            }}
            createChart={createControlChartAction}
          />
        )}
      </div>
    </>
  );
}

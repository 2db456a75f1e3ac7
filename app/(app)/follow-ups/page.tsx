import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listFollowUps } from "@/lib/follow-ups/queries";
import { closeFollowUpAction, saveFollowUpSettingsAction } from "./actions";
import { FollowUpFilters } from "./_components/follow-up-filters";
import { FollowUpList } from "./_components/follow-up-list";
import { FollowUpSettings } from "./_components/follow-up-settings";
import { OpenBySite } from "./_components/open-by-site";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("followUps"))("title") };
}

type TProps = { searchParams: Promise<{ status?: string; site?: string }> };

export default async function FollowUpsPage({ searchParams }: TProps) {
  const user = await requireUser("followup:read");
  const { status, site } = await searchParams;
  const filter = { status: status?.toUpperCase() as "OPEN" | "CLOSED", siteId: site };
  const [list, t] = await Promise.all([listFollowUps(user, filter), getTranslations("followUps")]);
  const shownStatus = status?.toUpperCase() === "CLOSED" ? "CLOSED" : "OPEN";
  return (
    <>
      <PageHeader
        title={t("title")}
        lead={t(user.role === "FRONTLINE" ? "leadFrontline" : "lead")}
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <FollowUpFilters status={shownStatus} siteId={site ?? ""} sites={list.sites} />
          <FollowUpList
            status={shownStatus}
            items={list.items}
            hiddenCount={list.hiddenCount}
            now={new Date()}
            canClose={can(user.role, "followup:close")}
            closeFollowUp={closeFollowUpAction}
          />
        </div>
        <div className="flex flex-col gap-4">
          <OpenBySite summaries={list.openBySite} now={new Date()} />
          <FollowUpSettings
            maxAgeDays={list.maxAgeDays}
            canConfigure={can(user.role, "followup:configure")}
            saveSettings={saveFollowUpSettingsAction}
          />
        </div>
      </div>
    </>
  );
}

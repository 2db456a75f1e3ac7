import type { ReactNode } from "react";
import { MapPin } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import type { TActionResult } from "@/lib/action-result";
import type { TFrontlineSetup } from "@/lib/observations/schemas";
import { JourneySwitcher } from "./journey-switcher";

type TProps = {
  title: string;
  lead?: string;
  setup: TFrontlineSetup;
  chooseJourney: (input: { journeyId: string }) => Promise<TActionResult<void>>;
  /** The link to the other capture form. */
  children: ReactNode;
};

/** The top of both capture pages: title, the user's site, the journey switch, and why there is nothing to log yet. */
export async function FrontlineHeader({ title, lead, setup, chooseJourney, children }: TProps) {
  const t = await getTranslations("frontline");
  return (
    <>
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {lead && <p className="text-sm text-neutral-600">{lead}</p>}
        <p className="flex items-center gap-1 text-sm text-neutral-700" data-testid="home-site">
          <MapPin aria-hidden className="size-4 shrink-0" />
          {setup.homeSite ? t("atSite", { site: setup.homeSite.name }) : t("noHomeSite")}
        </p>
        {children}
      </header>
      {setup.journeyId && (
        <JourneySwitcher
          journeys={setup.journeys}
          journeyId={setup.journeyId}
          choose={chooseJourney}
        />
      )}
      {!setup.journeyId && <EmptyState title={t("noJourney")} />}
      {setup.journeyId && setup.touchpoints.length === 0 && (
        <EmptyState title={t("noTouchpoints")} />
      )}
    </>
  );
}

import Link from "next/link";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { FrontlineHeader } from "@/components/frontline/frontline-header";
import { frontlineIcons } from "@/components/frontline/frontline-icons";
import { ObservationForm } from "@/components/frontline/observation-form";
import { OfflineShell } from "@/components/frontline/offline-shell";
import { requireUser } from "@/lib/auth/session";
import { getFrontlineSetup } from "@/lib/observations/frontline";
import { chooseJourneyAction, recordObservationsAction } from "./actions";
import { FRONTLINE_JOURNEY_COOKIE } from "./journey-cookie";

export async function generateMetadata() {
  return { title: (await getTranslations("frontline"))("title") };
}

export default async function FrontlinePage() {
  const user = await requireUser("frontline:use");
  const setup = await getFrontlineSetup(user, {
    journeyId: (await cookies()).get(FRONTLINE_JOURNEY_COOKIE)?.value,
  });
  const t = await getTranslations("frontline");
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4">
      <FrontlineHeader title={t("title")} setup={setup} chooseJourney={chooseJourneyAction}>
        <Link
          href="/frontline/call"
          className="inline-flex min-h-11 items-center text-sm font-medium text-accent underline underline-offset-4"
        >
          {t("logCall")}
        </Link>
      </FrontlineHeader>
      {setup.journeyId && setup.touchpoints.length > 0 && (
        <ObservationForm
          key={setup.journeyId}
          kind="frontline"
          setup={setup}
          userId={user.id}
          send={recordObservationsAction}
          icons={await frontlineIcons()}
        />
      )}
      <OfflineShell userId={user.id} />
    </div>
  );
}

import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export type TPhase = "measure" | "analyze" | "improve" | "control" | "overview" | "frontline";

/** The heading of a DMAIC area and its designed empty state, until the area has data. */
export async function PhaseIntro({ phase }: { phase: TPhase }) {
  const t = await getTranslations(`phases.${phase}`);
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <EmptyState title={t("empty")} />
    </>
  );
}

export function phaseMetadata(phase: TPhase) {
  return async () => ({ title: (await getTranslations(`phases.${phase}`))("title") });
}

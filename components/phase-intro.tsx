import { getTranslations } from "next-intl/server";

export type TPhase = "measure" | "analyze" | "improve" | "control" | "overview" | "frontline";

export function phaseMetadata(phase: TPhase) {
  return async () => ({ title: (await getTranslations(`phases.${phase}`))("title") });
}

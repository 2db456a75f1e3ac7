import { PhaseIntro, phaseMetadata } from "@/components/phase-intro";
import { requireUser } from "@/lib/auth/session";

export const generateMetadata = phaseMetadata("analyze");

export default async function AnalyzePage() {
  await requireUser("analysis:read");
  return <PhaseIntro phase="analyze" />;
}

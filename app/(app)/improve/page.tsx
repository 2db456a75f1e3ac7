import { PhaseIntro, phaseMetadata } from "@/components/phase-intro";
import { requireUser } from "@/lib/auth/session";

export const generateMetadata = phaseMetadata("improve");

export default async function ImprovePage() {
  await requireUser("project:read");
  return <PhaseIntro phase="improve" />;
}

import { PhaseIntro, phaseMetadata } from "@/components/phase-intro";
import { requireUser } from "@/lib/auth/session";

export const generateMetadata = phaseMetadata("frontline");

export default async function FrontlinePage() {
  await requireUser("frontline:use");
  return <PhaseIntro phase="frontline" />;
}

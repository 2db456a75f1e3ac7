import { PhaseIntro, phaseMetadata } from "@/components/phase-intro";
import { requireUser } from "@/lib/auth/session";

export const generateMetadata = phaseMetadata("overview");

export default async function OverviewPage() {
  await requireUser("overview:read");
  return <PhaseIntro phase="overview" />;
}

import { PhaseIntro, phaseMetadata } from "@/components/phase-intro";
import { requireUser } from "@/lib/auth/session";

export const generateMetadata = phaseMetadata("measure");

export default async function MeasurePage() {
  await requireUser("measure:read");
  return <PhaseIntro phase="measure" />;
}

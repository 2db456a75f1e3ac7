import { PhaseIntro, phaseMetadata } from "@/components/phase-intro";
import { requireUser } from "@/lib/auth/session";

export const generateMetadata = phaseMetadata("control");

export default async function ControlPage() {
  await requireUser("control:read");
  return <PhaseIntro phase="control" />;
}

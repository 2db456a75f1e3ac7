import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listSegments } from "@/lib/segments/queries";
import { deleteSegmentAction, saveSegmentAction } from "./actions";
import { SegmentList } from "./_components/segment-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("segments"))("title") };
}

export default async function SegmentsPage() {
  const user = await requireUser("journey:read");
  const [segments, t] = await Promise.all([listSegments(user), getTranslations("segments")]);
  return (
    <>
      <nav className="mb-2 text-sm">
        <Link href="/journeys" className="text-accent hover:underline">
          {t("back")}
        </Link>
      </nav>
      <PageHeader title={t("title")} lead={t("lead")} />
      <SegmentList
        segments={segments}
        canEdit={can(user.role, "journey:write")}
        saveSegment={saveSegmentAction}
        deleteSegment={deleteSegmentAction}
      />
    </>
  );
}

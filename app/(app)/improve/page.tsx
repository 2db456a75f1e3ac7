import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listProjectFormChoices, listProjects } from "@/lib/projects/queries";
import { createProjectAction } from "./actions";
import { CreateProjectForm } from "./_components/create-project-form";
import { ProjectList } from "./_components/project-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("improve"))("title") };
}

export default async function ImprovePage() {
  const user = await requireUser("project:read");
  const [t, projects, choices] = await Promise.all([
    getTranslations("improve"),
    listProjects(user),
    listProjectFormChoices(user),
  ]);
  const canWrite = can(user.role, "project:write");
  const hasTouchpoints = choices.journeys.some((j) => j.touchpoints.length > 0);

  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <div className={`grid gap-6 ${canWrite ? "xl:grid-cols-[1fr_24rem]" : ""}`}>
        <section aria-labelledby="projects-heading" className="min-w-0">
          <h2 id="projects-heading" className="sr-only">
            {t("list.heading")}
          </h2>
          <ProjectList projects={projects} canWrite={canWrite} />
        </section>
        {canWrite && (
          <aside
            aria-labelledby="new-project"
            className="rounded-lg border border-neutral-200 bg-white p-4"
          >
            <h2 id="new-project" className="font-medium">
              {t("create.heading")}
            </h2>
            <p className="mb-3 mt-1 text-sm text-neutral-600">{t("create.lead")}</p>
            {hasTouchpoints ? (
              <CreateProjectForm
                journeys={choices.journeys.filter((j) => j.touchpoints.length > 0)}
                people={choices.people}
                currentUserId={user.id}
                createProject={createProjectAction}
              />
            ) : (
              <p className="text-sm text-neutral-600">{t("create.noTouchpoints")}</p>
            )}
          </aside>
        )}
      </div>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Deferred } from "@/components/ui/deferred";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { localized } from "@/lib/i18n/localized";
import { getAnalysis, getCommentThemes } from "@/lib/projects/queries";
import {
  chooseOptionAction,
  deleteCauseAction,
  deleteOptionAction,
  saveCauseAction,
  saveOptionAction,
} from "../actions";
import { CausesBoard } from "./_components/causes-board";
import { CommentWindowForm } from "./_components/comment-window-form";
import { CausePareto, ThemePareto } from "./_components/paretos";
import { OptionsList } from "./_components/options-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analyze"))("title") };
}

export default async function AnalysisPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("analysis:read");
  const [{ projectId }, { from, to }] = await Promise.all([params, searchParams]);
  const [analysis, t, tCommon, locale] = await Promise.all([
    getAnalysis(user, projectId, { from, to }),
    getTranslations("analyze"),
    getTranslations("common"),
    getLocale(),
  ]);
  const canWrite = can(user.role, "project:write");
  const names =
    analysis.touchpoints.map((tp) => localized(tp, "name", locale)).join(", ") || analysis.title;
  const first = analysis.touchpoints[0];
  return (
    <>
      <nav className="mb-2 flex gap-4 text-sm">
        <Link href="/analyze" className="text-accent hover:underline">
          {t("back")}
        </Link>
        {first && (
          <Link
            href={`/measure/touchpoints/${first.id}?journey=${first.journeyId}`}
            className="text-accent hover:underline"
          >
            {t("seeGap")}
          </Link>
        )}
        <Link
          href={`/improve/${analysis.id}`}
          className="text-accent hover:underline"
          data-testid="open-project"
        >
          {t("openProject")}
        </Link>
      </nav>
      <PageHeader title={t("analysisTitle", { name: names })} lead={t("analysisLead")} />
      <div className="flex flex-col gap-6">
        <CausesBoard
          projectId={analysis.id}
          causes={analysis.causes}
          canWrite={canWrite}
          saveCause={saveCauseAction}
          deleteCause={deleteCauseAction}
        />
        <div className="grid gap-6 xl:grid-cols-2">
          <CausePareto bars={analysis.causePareto} />
          <div className="flex flex-col gap-3">
            <CommentWindowForm projectId={analysis.id} window={analysis.commentWindow} />
            {/* The themes read the window's raw comments: they stream in after the rest. */}
            <Deferred
              read={getCommentThemes(user, projectId, { from, to })}
              label={tCommon("loadingSection", { section: t("themePareto") })}
              placeholderClassName="h-[36rem] xl:h-[31rem]"
            >
              {(themes) => (
                <ThemePareto
                  bars={themes.commentThemes}
                  commentsRead={themes.commentsRead}
                  commentsInWindow={themes.commentsInWindow}
                  window={analysis.commentWindow}
                />
              )}
            </Deferred>
          </div>
        </div>
        <OptionsList
          projectId={analysis.id}
          options={analysis.options}
          canWrite={canWrite}
          saveOption={saveOptionAction}
          chooseOption={chooseOptionAction}
          deleteOption={deleteOptionAction}
        />
      </div>
    </>
  );
}

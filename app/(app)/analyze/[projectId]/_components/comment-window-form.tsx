import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { BEFORE_DAYS, type TAnalysisWindow } from "@/lib/projects/windows";

/** A plain GET form: the days whose complaints the theme Pareto reads live in the URL. */
export async function CommentWindowForm({
  projectId,
  window,
}: {
  projectId: string;
  window: TAnalysisWindow;
}) {
  const t = await getTranslations("analyze.commentWindow");
  return (
    <form
      method="get"
      action={`/analyze/${projectId}`}
      className="flex flex-wrap items-end gap-3 rounded-lg border border-neutral-200 bg-white p-4"
      data-testid="comment-window"
    >
      <p className="w-full text-sm text-neutral-600">
        {t(`basis.${window.basis}`, {
          from: window.from,
          to: window.to,
          days: BEFORE_DAYS,
        })}
      </p>
      <Field label={t("from")}>
        {({ id }) => (
          <TextInput id={id} name="from" type="date" defaultValue={window.from} required />
        )}
      </Field>
      <Field label={t("to")}>
        {({ id }) => <TextInput id={id} name="to" type="date" defaultValue={window.to} required />}
      </Field>
      <Button type="submit">{t("apply")}</Button>
      {window.basis === "CHOSEN" && (
        <Link href={`/analyze/${projectId}`} className="text-sm text-accent hover:underline">
          {t("reset")}
        </Link>
      )}
    </form>
  );
}

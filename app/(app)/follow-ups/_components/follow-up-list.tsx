"use client";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Star } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, TextArea } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/action-result";
import { isOverdue } from "@/lib/follow-ups/rules";
import type { TFollowUp } from "@/lib/follow-ups/schemas";
import { localized } from "@/lib/i18n/localized";

type TCloseAction = (input: unknown) => Promise<TActionResult<void>>;
type TProps = {
  status: "OPEN" | "CLOSED";
  items: TFollowUp[];
  hiddenCount: number;
  now: Date;
  canClose: boolean;
  closeFollowUp: TCloseAction;
};

export function FollowUpList({ status, items, hiddenCount, now, canClose, closeFollowUp }: TProps) {
  const t = useTranslations("followUps");
  if (items.length === 0)
    return <EmptyState title={t(status === "OPEN" ? "emptyOpen" : "emptyClosed")} />;
  return (
    <>
      <ul className="flex flex-col gap-3" data-testid="follow-up-list">
        {items.map((item) => (
          <FollowUpCard
            key={item.id}
            item={item}
            now={now}
            canClose={canClose}
            closeFollowUp={closeFollowUp}
          />
        ))}
      </ul>
      {hiddenCount > 0 && (
        <p className="text-sm text-neutral-600">{t("hidden", { count: hiddenCount })}</p>
      )}
    </>
  );
}

function FollowUpCard({
  item,
  now,
  canClose,
  closeFollowUp,
}: {
  item: TFollowUp;
  now: Date;
  canClose: boolean;
  closeFollowUp: TCloseAction;
}) {
  const t = useTranslations("followUps");
  const tSources = useTranslations("observationSources");
  const format = useFormatter();
  const locale = useLocale();
  const { observation: o } = item;
  const overdue = item.status === "OPEN" && isOverdue(item.openedAt, now);
  return (
    <li className="rounded-lg border border-neutral-200 bg-white p-4" data-testid="follow-up">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="flex items-center gap-1.5 font-medium">
            {o.touchpoint.isMoT && (
              <Star aria-label={t("mot")} className="size-4 fill-amber-400 text-amber-500" />
            )}
            {localized(o.touchpoint, "name", locale)}
          </p>
          <p className="text-xs text-neutral-500">{localized(o.journey, "name", locale)}</p>
        </div>
        <p className={`text-sm ${overdue ? "font-medium text-orange-700" : "text-neutral-600"}`}>
          {item.status === "OPEN"
            ? t("openedAgo", { age: format.relativeTime(item.openedAt, now) })
            : t("closedAgo", { age: format.relativeTime(item.closedAt ?? item.openedAt, now) })}
          {overdue && <span className="ml-1">{t("overdue")}</span>}
        </p>
      </div>

      <ul className="mt-2 flex flex-wrap gap-1.5" aria-label={t("reasonsLabel")}>
        {item.reasons.map((reason) => (
          <li
            key={reason}
            className="rounded-full bg-orange-50 px-2 py-0.5 text-xs font-medium text-orange-800"
          >
            {t(`reasons.${reason}`)}
          </li>
        ))}
      </ul>

      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
        {o.expectationScore !== null && (
          <Fact label={t("expected")} value={format.number(o.expectationScore)} />
        )}
        {o.experiencedScore !== null && (
          <Fact label={t("experienced")} value={format.number(o.experiencedScore)} />
        )}
        {o.nps !== null && <Fact label={t("nps")} value={format.number(o.nps)} />}
        <Fact label={t("site")} value={item.site?.name ?? t("noSite")} />
        {o.segment && <Fact label={t("segment")} value={localized(o.segment, "name", locale)} />}
        <Fact label={t("source")} value={tSources(o.source)} />
        <Fact
          label={t("observedAt")}
          value={format.dateTime(o.observedAt, { dateStyle: "medium", timeStyle: "short" })}
        />
        {o.loggedByName && <Fact label={t("loggedBy")} value={o.loggedByName} />}
      </dl>
      {o.comment && (
        <blockquote className="mt-3 border-l-2 border-neutral-300 pl-3 text-sm text-neutral-800">
          {o.comment}
        </blockquote>
      )}

      {item.status === "CLOSED" ? (
        <div className="mt-3 rounded-md bg-neutral-50 p-3 text-sm">
          <p className="text-xs text-neutral-500">
            {t("resolvedBy", { name: item.closedByName ?? "—" })}
          </p>
          <p className="mt-1 whitespace-pre-line">{item.resolution}</p>
        </div>
      ) : (
        canClose && <CloseForm followUpId={item.id} closeFollowUp={closeFollowUp} />
      )}
    </li>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-neutral-500">{label}</dt>
      <dd className="truncate">{value}</dd>
    </div>
  );
}

function CloseForm({
  followUpId,
  closeFollowUp,
}: {
  followUpId: string;
  closeFollowUp: TCloseAction;
}) {
  const t = useTranslations("followUps");
  const form = useActionForm(closeFollowUp, {
    toInput: (data) => ({ followUpId, resolution: data.get("resolution") }),
  });
  return (
    <form onSubmit={form.onSubmit} className="mt-3 flex flex-col gap-2">
      {form.error && <Notice tone="error">{form.error}</Notice>}
      <Field
        label={t("resolution")}
        hint={t("resolutionHint")}
        errors={form.errorsOf("resolution")}
      >
        {({ id, describedBy, invalid }) => (
          <TextArea
            id={id}
            name="resolution"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            required
            maxLength={2000}
          />
        )}
      </Field>
      <Button type="submit" className="self-start" disabled={form.isPending}>
        {form.isPending ? t("closing") : t("close")}
      </Button>
    </form>
  );
}

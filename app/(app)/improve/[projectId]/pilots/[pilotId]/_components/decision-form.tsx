"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, TextArea, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { useMessage } from "@/components/ui/use-message";
import type { TActionResult } from "@/lib/action-result";
import {
  PILOT_DECISIONS,
  type TPilotDecision,
  type TPilotDecisionRecord,
  type TPilotDecisionResult,
} from "@/lib/pilots/schemas";
import type { TPilotVerdict } from "@/lib/stats/pilot-verdict";

type TProps = {
  pilotId: string;
  projectId: string;
  verdict: TPilotVerdict;
  decision: TPilotDecisionRecord | null;
  defaultRolloutDay: string;
  endDay: string;
  canDecide: boolean;
  decidePilot: (input: unknown) => Promise<TActionResult<TPilotDecisionResult>>;
  deletePilot: (input: unknown) => Promise<TActionResult<{ projectId: string }>>;
};

/** The decision on record (who, when, why), and for a manager the form that records it: once. */
export function DecisionForm({
  pilotId,
  projectId,
  verdict,
  decision,
  defaultRolloutDay,
  endDay,
  canDecide,
  decidePilot,
  deletePilot,
}: TProps) {
  const t = useTranslations("improve.decision");
  const tImprove = useTranslations("improve");
  const format = useFormatter();
  const message = useMessage();
  const router = useRouter();
  const [choice, setChoice] = useState<TPilotDecision>(
    verdict === "IMPROVED" ? "ROLLOUT" : verdict === "NOT_ENOUGH_DATA" ? "EXTEND" : "NO_ROLLOUT",
  );
  const form = useActionForm(decidePilot, {
    toInput: (data) => ({
      pilotId,
      decision: choice,
      note: data.get("note") ?? "",
      rolloutDay: data.get("rolloutDay") ?? "",
      extendToDay: data.get("extendToDay") ?? "",
    }),
    // A rollout that moved the project to Control continues there; one held in Improve says why, here.
    onSuccess: ({ decision: made, heldInImprove }) =>
      made === "ROLLOUT" && !heldInImprove
        ? router.push(`/improve/${projectId}`)
        : router.refresh(),
  });
  const remove = useActionForm(deletePilot, {
    onSuccess: () => router.push(`/improve/${projectId}?phase=IMPROVE`),
  });
  const isFinal = decision !== null && decision.decision !== "EXTEND";
  const againstEvidence = choice === "ROLLOUT" && verdict !== "IMPROVED";

  return (
    <section
      aria-labelledby="decision-heading"
      className="rounded-lg border border-neutral-200 bg-white p-4"
      data-testid="pilot-decision-section"
    >
      <h2 id="decision-heading" className="font-medium">
        {t("heading")}
      </h2>
      {decision && (
        <div
          className="mt-2 rounded-md bg-neutral-50 p-3 text-sm"
          data-testid="decision-record"
          data-decision={decision.decision}
        >
          <p className="font-medium">{tImprove(`decisions.${decision.decision}`)}</p>
          <p className="text-xs text-neutral-600">
            {t("recordedBy", {
              name: decision.decidedBy?.name ?? "–",
              at: format.dateTime(new Date(decision.decidedAt), {
                dateStyle: "medium",
                timeStyle: "short",
              }),
            })}
          </p>
          {decision.rolloutDay && (
            <p className="text-xs text-neutral-600">
              {t("rolloutOn", { day: decision.rolloutDay })}
            </p>
          )}
          {decision.note && <p className="mt-1 whitespace-pre-line">{decision.note}</p>}
        </div>
      )}
      {form.data?.heldInImprove && (
        <p
          role="status"
          className="mt-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800"
          data-testid="rollout-held"
        >
          {t("heldInImprove", { reason: message(form.data.heldInImprove) })}
        </p>
      )}
      {!isFinal && canDecide && (
        <form
          onSubmit={form.onSubmit}
          noValidate
          className="mt-3 flex flex-col gap-3"
          data-testid="decision-form"
        >
          {form.error && (
            <Notice tone="error">{form.errorsOf("decision")?.join(" ") ?? form.error}</Notice>
          )}
          <fieldset className="flex flex-col gap-1">
            <legend className="text-sm font-medium text-neutral-800">{t("choose")}</legend>
            <div className="flex flex-col gap-1">
              {PILOT_DECISIONS.map((d) => (
                <label
                  key={d}
                  className="flex items-start gap-2 rounded-md border border-neutral-200 px-3 py-2 text-sm has-[:checked]:border-accent has-[:checked]:bg-accent/5"
                >
                  <input
                    type="radio"
                    name="decision"
                    value={d}
                    checked={choice === d}
                    onChange={() => setChoice(d)}
                    className="mt-0.5"
                    data-testid={`decision-${d}`}
                  />
                  <span>
                    <span className="font-medium">{tImprove(`decisions.${d}`)}</span>
                    <span className="block text-xs text-neutral-600">{t(`hints.${d}`)}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          {choice === "ROLLOUT" && (
            <Field
              label={t("rolloutDay")}
              hint={t("rolloutDayHint")}
              errors={form.errorsOf("rolloutDay")}
            >
              {({ id, describedBy, invalid }) => (
                <TextInput
                  id={id}
                  name="rolloutDay"
                  type="date"
                  defaultValue={defaultRolloutDay}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                />
              )}
            </Field>
          )}
          {choice === "EXTEND" && (
            <Field
              label={t("extendToDay")}
              hint={t("extendHint", { day: endDay })}
              errors={form.errorsOf("extendToDay")}
            >
              {({ id, describedBy, invalid }) => (
                <TextInput
                  id={id}
                  name="extendToDay"
                  type="date"
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                />
              )}
            </Field>
          )}
          {againstEvidence && (
            <p
              className="rounded-md bg-amber-50 px-2 py-1 text-sm text-amber-800"
              data-testid="against-evidence"
            >
              {t("againstEvidence")}
            </p>
          )}
          <Field label={t("note")} hint={t("noteHint")} errors={form.errorsOf("note")}>
            {({ id, describedBy, invalid }) => (
              <TextArea
                id={id}
                name="note"
                maxLength={2000}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
            )}
          </Field>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={form.isPending} data-testid="record-decision">
              {t("submit")}
            </Button>
            {decision === null && (
              <Button
                type="button"
                variant="danger"
                disabled={remove.isPending}
                onClick={() => window.confirm(t("confirmDelete")) && remove.submit({ pilotId })}
              >
                {t("delete")}
              </Button>
            )}
          </div>
          {remove.error && <Notice tone="error">{remove.error}</Notice>}
        </form>
      )}
      {!decision && !canDecide && <p className="mt-2 text-sm text-neutral-600">{t("undecided")}</p>}
    </section>
  );
}

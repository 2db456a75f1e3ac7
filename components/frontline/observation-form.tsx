"use client";
import { useRef, useState, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { useMessage } from "@/components/ui/use-message";
import { localized } from "@/lib/i18n/localized";
import { checkObservation } from "@/lib/observations/check-observation";
import { COMMENT_MAX_LENGTH } from "@/lib/observations/limits";
import type { TFrontlineSetup, TFrontlineTouchpoint } from "@/lib/observations/schemas";
import { NPS_SCALE, SCORE_SCALE } from "@/lib/observations/scale";
import type { TQueuedObservation } from "@/lib/observations/offline-queue";
import { ChoiceGroup, type TChoice } from "./choice-group";
import type { TFrontlineIcons } from "./frontline-icons";
import { QueueStatus } from "./queue-status";
import { TouchpointPicker } from "./touchpoint-picker";
import { rememberRecent } from "./touchpoint-order";
import { useIsOnline, useOfflineQueue, type TSendObservations } from "./use-offline-queue";

type TKind = "frontline" | "call";
type TScores = {
  expectation: string | null;
  experienced: string | null;
  emotional: string | null;
  nps: string | null;
};
type TField = "touchpoint" | "segment" | "expectation" | "experienced" | "comment" | "form";

const NO_SCORES: TScores = { expectation: null, experienced: null, emotional: null, nps: null };
const range = (scale: { min: number; max: number }): TChoice[] =>
  Array.from({ length: scale.max - scale.min + 1 }, (_, i) => String(scale.min + i)).map(
    (value) => ({ value, label: value }),
  );
const SCORES = range(SCORE_SCALE);
const NPS = range(NPS_SCALE);
const toNumber = (value: string | null) => (value === null ? null : Number(value));

/** Where a refused field of the observation shows its message. */
const FIELD_OF: Record<string, TField> = {
  touchpointId: "touchpoint",
  segmentId: "segment",
  expectationScore: "expectation",
  experiencedScore: "experienced",
  comment: "comment",
};

type TProps = {
  /** The frontline form (expectation and experience required) or the call-centre form (the customer's words required). */
  kind: TKind;
  setup: TFrontlineSetup;
  userId: string;
  send: TSendObservations;
  /** From frontlineIcons(), drawn on the server. */
  icons: TFrontlineIcons;
};

/**
 * One observation form for both capture paths: every save is kept on the device first and sent
 * through the offline queue. After a save the touchpoint, segment and driver stay chosen and the
 * scores are cleared, so a repeat entry is three taps: expectation, experience, save.
 */
export function ObservationForm({ kind, setup, userId, send, icons }: TProps) {
  const t = useTranslations("frontline");
  const message = useMessage();
  const locale = useLocale();
  const isOnline = useIsOnline();
  const queue = useOfflineQueue({ userId, send });
  const [touchpoint, setTouchpoint] = useState<TFrontlineTouchpoint | null>(null);
  const [driverId, setDriverId] = useState<string | null>(null);
  const [segmentId, setSegmentId] = useState<string | null>(null);
  const [siteId, setSiteId] = useState(setup.homeSite?.id ?? "");
  const [scores, setScores] = useState<TScores>(NO_SCORES);
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<Partial<Record<TField, string>>>({});
  const [recentIds, setRecentIds] = useState(setup.recentTouchpointIds);
  const [confirmation, setConfirmation] = useState<{ id: string; text: string } | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const firstScore = useRef<HTMLInputElement>(null);
  const words = useRef<HTMLTextAreaElement>(null);

  const segments = setup.segments.map((s) => ({
    value: s.id,
    label: localized(s, "name", locale),
  }));
  const drivers = (touchpoint?.drivers ?? []).map((d) => ({
    value: d.id,
    label: localized(d, "name", locale),
  }));
  const setScore = (key: keyof TScores) => (value: string | null) => {
    setScores((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  };

  function chooseTouchpoint(next: TFrontlineTouchpoint | null) {
    setTouchpoint(next);
    setDriverId(null);
    setErrors((current) => ({ ...current, touchpoint: undefined }));
  }

  function findProblems(): Partial<Record<TField, string>> {
    const problems: Partial<Record<TField, string>> = {};
    if (!touchpoint) problems.touchpoint = t("chooseTouchpoint");
    if (segments.length > 0 && !segmentId) problems.segment = t("chooseSegment");
    if (kind === "frontline" && !scores.expectation) problems.expectation = t("chooseScore");
    if (!scores.experienced) problems.experienced = t("chooseScore");
    if (kind === "call" && !comment.trim()) problems.comment = t("enterWords");
    return problems;
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = findProblems();
    if (Object.keys(problems).length > 0 || !touchpoint) return setErrors(problems);
    const observation: Omit<TQueuedObservation, "clientId"> = {
      touchpointId: touchpoint.id,
      driverId,
      segmentId,
      siteId: (kind === "call" ? siteId : setup.homeSite?.id) || null,
      source: kind === "call" ? "VOC_CALL" : "FRONTLINE",
      observedAt: new Date().toISOString(),
      expectationScore: toNumber(scores.expectation),
      experiencedScore: toNumber(scores.experienced),
      emotionalScore: toNumber(scores.emotional),
      nps: toNumber(scores.nps),
      comment: comment.trim(),
    };
    // The server checks again; checking here keeps an entry it would refuse off the queue.
    const issues = checkObservation(observation);
    if (issues.length > 0) {
      const refused: Partial<Record<TField, string>> = {};
      for (const issue of issues)
        refused[FIELD_OF[String(issue.path[0])] ?? "form"] ??= message(issue.message);
      return setErrors(refused);
    }
    setIsSaving(true);
    try {
      const label = localized(touchpoint, "name", locale);
      const entry = await queue.enqueue(observation, label);
      setConfirmation({ id: entry.clientId, text: t("saved", { touchpoint: label }) });
      setErrors({});
      setScores(NO_SCORES);
      setComment("");
      setRecentIds((ids) => rememberRecent(ids, touchpoint.id));
      (kind === "call" ? words.current : firstScore.current)?.focus();
    } catch {
      setErrors({ form: t("storageError") });
    } finally {
      setIsSaving(false);
    }
  }

  const wordsField = (
    <Field
      label={kind === "call" ? t("customerWords") : t("comment")}
      hint={kind === "call" ? t("customerWordsHint") : undefined}
      errors={errors.comment ? [errors.comment] : []}
    >
      {(ids) => (
        <textarea
          ref={words}
          id={ids.id}
          aria-describedby={ids.describedBy}
          aria-invalid={ids.invalid || undefined}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          maxLength={COMMENT_MAX_LENGTH}
          rows={kind === "call" ? 4 : 2}
          className="min-h-12 w-full rounded-lg border border-neutral-300 bg-white px-3 py-2 text-base aria-invalid:border-red-600"
        />
      )}
    </Field>
  );
  const emotionalAndNps = (
    <>
      <ChoiceGroup
        legend={t("emotional")}
        hint={t("scaleHint")}
        name="emotional"
        choices={SCORES}
        columns={7}
        value={scores.emotional}
        onChange={setScore("emotional")}
        isClearable
        testId="score-emotional"
      />
      <ChoiceGroup
        legend={t("nps")}
        hint={t("npsHint")}
        name="nps"
        choices={NPS}
        columns={6}
        value={scores.nps}
        onChange={setScore("nps")}
        isClearable
        testId="score-nps"
      />
    </>
  );

  return (
    <div className="flex flex-col gap-4">
      <QueueStatus
        waiting={queue.waiting}
        failedEntries={queue.failedEntries}
        status={queue.status}
        isOnline={isOnline}
        onDiscard={(id) => void queue.discard(id)}
        icons={icons}
      />
      <form onSubmit={save} noValidate className="flex flex-col gap-5" data-testid={`${kind}-form`}>
        {kind === "call" && wordsField}
        <TouchpointPicker
          touchpoints={setup.touchpoints}
          recentIds={recentIds}
          selected={touchpoint}
          onSelect={chooseTouchpoint}
          error={errors.touchpoint}
          icons={icons}
        />
        {drivers.length > 0 && (
          <ChoiceGroup
            legend={t("driver")}
            name="driver"
            choices={drivers}
            columns={2}
            value={driverId}
            onChange={setDriverId}
            isClearable
            testId="driver"
          />
        )}
        {segments.length > 0 && (
          <ChoiceGroup
            legend={t("segment")}
            name="segment"
            choices={segments}
            columns={2}
            value={segmentId}
            onChange={(value) => {
              setSegmentId(value);
              setErrors((current) => ({ ...current, segment: undefined }));
            }}
            error={errors.segment}
            testId="segment"
          />
        )}
        {kind === "call" && setup.sites.length > 0 && (
          <Field label={t("site")}>
            {(ids) => (
              <Select
                id={ids.id}
                value={siteId}
                onChange={(event) => setSiteId(event.target.value)}
              >
                <option value="">{t("noSite")}</option>
                {setup.sites.map((site) => (
                  <option key={site.id} value={site.id}>
                    {site.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        )}
        <ChoiceGroup
          legend={t("expectation")}
          hint={t("expectationHint")}
          name="expectation"
          choices={SCORES}
          columns={7}
          value={scores.expectation}
          onChange={setScore("expectation")}
          isClearable={kind === "call"}
          error={errors.expectation}
          firstRef={firstScore}
          testId="score-expectation"
        />
        <ChoiceGroup
          legend={t("experienced")}
          hint={t("experiencedHint")}
          name="experienced"
          choices={SCORES}
          columns={7}
          value={scores.experienced}
          onChange={setScore("experienced")}
          error={errors.experienced}
          testId="score-experienced"
        />
        {kind === "call" ? (
          emotionalAndNps
        ) : (
          <details className="rounded-lg border border-neutral-200 bg-white p-3" data-testid="more">
            <summary className="min-h-10 cursor-pointer py-2 font-medium">{t("more")}</summary>
            <div className="mt-3 flex flex-col gap-5">
              {emotionalAndNps}
              {wordsField}
            </div>
          </details>
        )}
        {errors.form && (
          <p role="alert" className="text-sm text-red-700">
            {errors.form}
          </p>
        )}
        <div className="sticky bottom-0 -mx-4 border-t border-neutral-200 bg-neutral-50/95 px-4 py-3 backdrop-blur">
          <Button
            type="submit"
            disabled={isSaving || !queue.isLoaded}
            className="min-h-14 w-full text-lg"
            data-testid="save-observation"
          >
            {t("save")}
          </Button>
          <div
            aria-live="polite"
            role="status"
            className="mt-2 min-h-5 text-center text-sm text-green-800"
            data-testid="save-confirmation"
          >
            {confirmation && <span key={confirmation.id}>{confirmation.text}</span>}
          </div>
        </div>
      </form>
    </div>
  );
}

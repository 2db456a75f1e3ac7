"use client";
import { useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ChevronDown, ChevronUp, Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { useMessage } from "@/components/ui/use-message";
import { localized } from "@/lib/i18n/localized";
import {
  CHANNELS,
  DIMENSIONS,
  DRIVER_KINDS,
  type TDimension,
  type TDriverKind,
} from "@/lib/journeys/document";
import {
  importanceToPercent,
  isImportanceValid,
  percentToImportance,
} from "@/lib/journeys/importance";
import type { TJourneyMap, TTouchpoint } from "@/lib/journeys/schemas";
import type { TSegment } from "@/lib/segments/schemas";
import type { TEditorActions } from "./editor-actions";
import { ExpectationsEditor } from "./expectations-editor";

type TProps = {
  journey: TJourneyMap;
  stageId: string;
  touchpoint?: TTouchpoint;
  segments: TSegment[];
  canEdit: boolean;
  actions: TEditorActions;
  onClose: () => void;
  /** Moving an existing touchpoint: the keyboard-friendly way besides drag and drop. */
  move?: {
    isBusy: boolean;
    onStep: (delta: -1 | 1) => void;
    onMoveToStage: (stageId: string) => void;
  };
};

/** `importanceText` is what the manager sees and types (0–100 %); `statedImportance` is what is saved (0–1, null, or NaN when unreadable). */
type TDriverRow = {
  key: string;
  driverId?: string;
  nameKo: string;
  nameEn: string;
  kind: TDriverKind;
  dimension: TDimension;
  importanceText: string;
  statedImportance: number | null;
};

/** A touchpoint's details, its loyalty drivers and — for a Moment of Truth — the expectations per segment. */
export function TouchpointDialog({
  journey,
  stageId,
  touchpoint,
  segments,
  canEdit,
  actions,
  onClose,
  move,
}: TProps) {
  const t = useTranslations("journeyMap");
  const tc = useTranslations("common");
  const message = useMessage();
  const [drivers, setDrivers] = useState<TDriverRow[]>(() =>
    (touchpoint?.drivers ?? []).map((d) => ({
      ...d,
      key: d.id,
      driverId: d.id,
      importanceText: importanceToPercent(d.statedImportance),
    })),
  );
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [isDeleting, startDeleting] = useTransition();
  const form = useActionForm(actions.saveTouchpointAction, {
    toInput: (data) => ({
      journeyId: journey.id,
      version: journey.version,
      stageId,
      touchpointId: touchpoint?.id,
      nameKo: data.get("nameKo"),
      nameEn: data.get("nameEn"),
      description: data.get("description"),
      channel: data.get("channel"),
      dimension: data.get("dimension"),
      isMoT: data.get("isMoT") === "on",
      drivers: drivers.map(({ driverId, nameKo, nameEn, kind, dimension, statedImportance }) => ({
        driverId,
        nameKo,
        nameEn,
        kind,
        dimension,
        statedImportance,
      })),
    }),
    resetOnSuccess: false,
    onSuccess: () => !touchpoint && onClose(),
  });

  function remove() {
    if (!touchpoint || !window.confirm(t("confirmDeleteTouchpoint"))) return;
    startDeleting(async () => {
      const answer = await actions.deleteTouchpointAction({
        journeyId: journey.id,
        version: journey.version,
        touchpointId: touchpoint.id,
      } as never);
      if (answer.ok) onClose();
      else setDeleteError(message(answer.error));
    });
  }

  const updateDriver = (key: string, change: Partial<TDriverRow>) =>
    setDrivers((rows) => rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const error = form.error ?? deleteError;
  const hasBadImportance = drivers.some((d) => !isImportanceValid(d.statedImportance));

  return (
    <Dialog
      isOpen
      onClose={onClose}
      title={touchpoint ? t("touchpointTitle") : t("addTouchpoint")}
      closeLabel={tc("close")}
      wide
    >
      <form
        onSubmit={(event) => {
          const isUnmarking =
            touchpoint?.isMoT &&
            !new FormData(event.currentTarget).has("isMoT") &&
            touchpoint.expectations.length > 0;
          if (
            isUnmarking &&
            !window.confirm(t("confirmUnmarkMoT", { count: touchpoint.expectations.length }))
          )
            return event.preventDefault();
          form.onSubmit(event);
        }}
        noValidate
        data-testid="touchpoint-form"
      >
        <fieldset disabled={!canEdit} className="flex min-w-0 flex-col gap-3">
          {error && <Notice tone="error">{error}</Notice>}
          {form.isSuccess && touchpoint && <Notice tone="success">{t("saved")}</Notice>}
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label={t("nameKo")} errors={form.errorsOf("nameKo")}>
              {(ids) => (
                <TextInput
                  id={ids.id}
                  name="nameKo"
                  lang="ko"
                  defaultValue={touchpoint?.nameKo}
                  aria-describedby={ids.describedBy}
                  aria-invalid={ids.invalid}
                />
              )}
            </Field>
            <Field label={t("nameEn")} errors={form.errorsOf("nameEn")}>
              {(ids) => (
                <TextInput
                  id={ids.id}
                  name="nameEn"
                  lang="en"
                  defaultValue={touchpoint?.nameEn}
                  aria-describedby={ids.describedBy}
                  aria-invalid={ids.invalid}
                />
              )}
            </Field>
            <Field label={t("channel")} errors={form.errorsOf("channel")}>
              {(ids) => (
                <Select
                  id={ids.id}
                  name="channel"
                  defaultValue={touchpoint?.channel ?? "IN_PERSON"}
                  aria-describedby={ids.describedBy}
                >
                  {CHANNELS.map((channel) => (
                    <option key={channel} value={channel}>
                      {t(`channels.${channel}`)}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label={t("dimension")} errors={form.errorsOf("dimension")}>
              {(ids) => (
                <Select
                  id={ids.id}
                  name="dimension"
                  defaultValue={touchpoint?.dimension ?? "PRODUCT_SERVICE"}
                  aria-describedby={ids.describedBy}
                >
                  {DIMENSIONS.map((dimension) => (
                    <option key={dimension} value={dimension}>
                      {t(`dimensions.${dimension}`)}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
          <Field label={t("description")} errors={form.errorsOf("description")}>
            {(ids) => (
              <TextArea
                id={ids.id}
                name="description"
                defaultValue={touchpoint?.description}
                aria-describedby={ids.describedBy}
              />
            )}
          </Field>
          <label className="inline-flex items-center gap-2 text-sm font-medium">
            <input type="checkbox" name="isMoT" defaultChecked={touchpoint?.isMoT} />
            {t("isMoT")}
          </label>

          <fieldset className="min-w-0 rounded-md border border-neutral-200 p-3">
            <legend className="px-1 text-sm font-medium">{t("drivers")}</legend>
            <p className="mb-2 text-xs text-neutral-600">{t("driversHint")}</p>
            <p className="mb-2 text-xs text-neutral-600">{t("importanceHint")}</p>
            {drivers.length > 0 && (
              <ul className="mb-2 flex flex-col gap-2">
                {drivers.map((driver, index) => (
                  <li
                    key={driver.key}
                    className="grid grid-cols-[1fr_1fr_auto_auto_6rem_auto] items-center gap-2"
                  >
                    <input
                      className="min-h-9 w-full min-w-0 rounded-md border border-neutral-300 px-2 text-sm"
                      aria-label={t("driverNameKo", { number: index + 1 })}
                      lang="ko"
                      value={driver.nameKo}
                      onChange={(e) => updateDriver(driver.key, { nameKo: e.target.value })}
                    />
                    <input
                      className="min-h-9 w-full min-w-0 rounded-md border border-neutral-300 px-2 text-sm"
                      aria-label={t("driverNameEn", { number: index + 1 })}
                      lang="en"
                      value={driver.nameEn}
                      onChange={(e) => updateDriver(driver.key, { nameEn: e.target.value })}
                    />
                    <select
                      className="min-h-9 min-w-0 rounded-md border border-neutral-300 px-1 text-sm"
                      aria-label={t("driverKind", { number: index + 1 })}
                      value={driver.kind}
                      onChange={(e) =>
                        updateDriver(driver.key, { kind: e.target.value as TDriverKind })
                      }
                    >
                      {DRIVER_KINDS.map((kind) => (
                        <option key={kind} value={kind}>
                          {t(`driverKinds.${kind}`)}
                        </option>
                      ))}
                    </select>
                    <select
                      className="min-h-9 min-w-0 rounded-md border border-neutral-300 px-1 text-sm"
                      aria-label={t("driverDimension", { number: index + 1 })}
                      value={driver.dimension}
                      onChange={(e) =>
                        updateDriver(driver.key, { dimension: e.target.value as TDimension })
                      }
                    >
                      {DIMENSIONS.map((dimension) => (
                        <option key={dimension} value={dimension}>
                          {t(`dimensions.${dimension}`)}
                        </option>
                      ))}
                    </select>
                    {canEdit ? (
                      <span className="flex min-w-0 items-center gap-1">
                        <input
                          className={`min-h-9 w-full min-w-0 rounded-md border px-2 text-right text-sm tabular-nums ${isImportanceValid(driver.statedImportance) ? "border-neutral-300" : "border-red-600"}`}
                          aria-label={t("driverImportance", { number: index + 1 })}
                          aria-invalid={!isImportanceValid(driver.statedImportance)}
                          inputMode="decimal"
                          placeholder={t("importancePlaceholder")}
                          value={driver.importanceText}
                          onChange={(e) =>
                            updateDriver(driver.key, {
                              importanceText: e.target.value,
                              statedImportance: percentToImportance(e.target.value),
                            })
                          }
                        />
                        <span aria-hidden className="text-xs text-neutral-500">
                          {"%"}
                        </span>
                      </span>
                    ) : (
                      <span className="text-xs text-neutral-600" data-testid="driver-importance">
                        {driver.statedImportance === null
                          ? t("importanceDerived")
                          : t("importanceStated", {
                              value: importanceToPercent(driver.statedImportance),
                            })}
                      </span>
                    )}
                    <button
                      type="button"
                      className="inline-flex size-8 items-center justify-center rounded text-neutral-600 hover:bg-neutral-100"
                      aria-label={t("removeDriver", { number: index + 1 })}
                      onClick={() => setDrivers((rows) => rows.filter((r) => r.key !== driver.key))}
                    >
                      <Trash2 aria-hidden className="size-4" />
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {form.errorsOf("drivers") ? (
              <p className="text-sm text-red-700">{form.errorsOf("drivers")?.join(" ")}</p>
            ) : (
              hasBadImportance && <p className="text-sm text-red-700">{t("importanceRange")}</p>
            )}
            <Button
              type="button"
              variant="ghost"
              className="min-h-8 px-2"
              onClick={() =>
                setDrivers((rows) => [
                  ...rows,
                  {
                    key: crypto.randomUUID(),
                    nameKo: "",
                    nameEn: "",
                    kind: "RATIONAL",
                    dimension: touchpoint?.dimension ?? "PRODUCT_SERVICE",
                    importanceText: "",
                    statedImportance: null,
                  },
                ])
              }
            >
              <Plus aria-hidden className="size-4" />
              {t("addDriver")}
            </Button>
          </fieldset>

          {canEdit && (
            <div className="flex justify-between gap-2">
              {touchpoint ? (
                <Button type="button" variant="danger" onClick={remove} disabled={isDeleting}>
                  {t("deleteTouchpoint")}
                </Button>
              ) : (
                <span />
              )}
              <Button type="submit" disabled={form.isPending}>
                {form.isPending ? tc("saving") : tc("save")}
              </Button>
            </div>
          )}
        </fieldset>
      </form>
      {canEdit && touchpoint && move && (
        <MoveControls journey={journey} touchpoint={touchpoint} move={move} />
      )}
      {touchpoint?.isMoT && (
        <ExpectationsEditor
          touchpoint={touchpoint}
          segments={segments}
          canEdit={canEdit}
          actions={actions}
        />
      )}
      {touchpoint && !touchpoint.isMoT && (
        <p className="mt-4 text-sm text-neutral-600">{t("expectationsOnlyOnMoT")}</p>
      )}
    </Dialog>
  );
}

function MoveControls({
  journey,
  touchpoint,
  move,
}: {
  journey: TJourneyMap;
  touchpoint: TTouchpoint;
  move: NonNullable<TProps["move"]>;
}) {
  const t = useTranslations("journeyMap");
  const locale = useLocale();
  const stage = journey.stages.find((s) => s.id === touchpoint.stageId);
  const index = stage?.touchpoints.findIndex((tp) => tp.id === touchpoint.id) ?? -1;
  return (
    <section
      className="mt-6 flex flex-wrap items-end gap-2 border-t border-neutral-200 pt-4"
      aria-label={t("position")}
    >
      <p className="w-full text-sm font-medium">
        {t("positionIs", {
          stage: stage ? localized(stage, "name", locale) : "",
          number: index + 1,
        })}
      </p>
      <Button
        type="button"
        variant="secondary"
        className="min-h-9"
        disabled={move.isBusy}
        onClick={() => move.onStep(-1)}
      >
        <ChevronUp aria-hidden className="size-4" />
        {t("moveEarlier")}
      </Button>
      <Button
        type="button"
        variant="secondary"
        className="min-h-9"
        disabled={move.isBusy}
        onClick={() => move.onStep(1)}
      >
        <ChevronDown aria-hidden className="size-4" />
        {t("moveLater")}
      </Button>
      <label className="flex flex-col gap-1 text-xs text-neutral-700">
        {t("moveToStage")}
        <select
          className="min-h-9 rounded-md border border-neutral-300 px-2 text-sm"
          value={touchpoint.stageId}
          disabled={move.isBusy}
          onChange={(event) => move.onMoveToStage(event.target.value)}
        >
          {journey.stages.map((s, i) => (
            <option key={s.id} value={s.id}>
              {t("numberedStage", { number: i + 1, name: localized(s, "name", locale) })}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}

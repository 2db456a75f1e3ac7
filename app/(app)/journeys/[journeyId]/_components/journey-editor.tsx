"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { TBoardEditing } from "@/components/journey-map/board-editing";
import { JourneyBoard } from "@/components/journey-map/journey-board";
import { placeTouchpoint, stepTouchpoint } from "@/components/journey-map/layout-moves";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useMessage } from "@/components/ui/use-message";
import type { TActionResult } from "@/lib/action-result";
import type { TJourneyLayout, TJourneyMap, TStage, TTouchpoint } from "@/lib/journeys/schemas";
import type { TSegment } from "@/lib/segments/schemas";
import type { TEditorActions } from "./editor-actions";
import { StageDialog } from "./stage-dialog";
import { TouchpointDialog } from "./touchpoint-dialog";

type TProps = {
  journey: TJourneyMap;
  segments: TSegment[];
  canEdit: boolean;
  actions: TEditorActions;
};
type TOpenDialog =
  | { kind: "touchpoint"; stageId: string; touchpoint?: TTouchpoint }
  | { kind: "stage"; stage?: TStage }
  | null;

const layoutOf = (journey: TJourneyMap): TJourneyLayout =>
  journey.stages.map((s) => ({ stageId: s.id, touchpointIds: s.touchpoints.map((tp) => tp.id) }));

/** The map with its toolbar and edit dialogs. Moves show at once and are saved in the background. */
export function JourneyEditor({ journey, segments, canEdit, actions }: TProps) {
  const t = useTranslations("journeyMap");
  const message = useMessage();
  const router = useRouter();
  const [pendingLayout, setPendingLayout] = useState<TJourneyLayout | null>(null);
  const [error, setError] = useState<{ text: string; isStale: boolean } | null>(null);
  const [isSaving, startSaving] = useTransition();
  const [isCompact, setCompact] = useState(journey.stages.length > 12);
  const [isMoTOnly, setMoTOnly] = useState(false);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<TOpenDialog>(null);

  const isEditable = canEdit && !journey.isArchived;
  const touchpointCount = journey.stages.reduce((sum, s) => sum + s.touchpoints.length, 0);

  /** Runs a structural edit with the journey's current version; a refusal is shown above the map. */
  function runEdit(
    action: (input: never) => Promise<TActionResult<unknown>>,
    input: object,
    optimistic?: TJourneyLayout,
  ) {
    setError(null);
    if (optimistic) setPendingLayout(optimistic);
    startSaving(async () => {
      const answer = await action({
        ...input,
        journeyId: journey.id,
        version: journey.version,
      } as never);
      setPendingLayout(null);
      if (!answer.ok)
        setError({
          text: message(answer.error),
          isStale: answer.code === "CONFLICT" && answer.error === "errors.staleJourney",
        });
    });
  }

  const currentLayout = pendingLayout ?? layoutOf(journey);
  const saveLayout = (layout: TJourneyLayout) =>
    runEdit(actions.saveJourneyLayoutAction, { stages: layout }, layout);

  const editing: TBoardEditing | undefined = isEditable
    ? {
        isBusy: isSaving,
        onLayoutChange: saveLayout,
        onToggleMoT: (touchpoint) => {
          const losesExpectations = touchpoint.isMoT && touchpoint.expectations.length > 0;
          if (
            losesExpectations &&
            !window.confirm(t("confirmUnmarkMoT", { count: touchpoint.expectations.length }))
          )
            return;
          runEdit(actions.setMomentOfTruthAction, {
            touchpointId: touchpoint.id,
            isMoT: !touchpoint.isMoT,
          });
        },
        onAddTouchpoint: (stageId) => setDialog({ kind: "touchpoint", stageId }),
        onEditStage: (stage) => setDialog({ kind: "stage", stage }),
      }
    : undefined;

  const toggleCollapsed = (stageId: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (!next.delete(stageId)) next.add(stageId);
      return next;
    });

  return (
    <section aria-label={t("mapLabel")}>
      <div
        className="mb-3 flex flex-wrap items-center gap-2 text-sm"
        role="toolbar"
        aria-label={t("viewOptions")}
      >
        <label className="inline-flex items-center gap-1.5">
          <input
            type="checkbox"
            checked={isCompact}
            onChange={(e) => setCompact(e.target.checked)}
          />
          {t("compact")}
        </label>
        <label className="inline-flex items-center gap-1.5">
          <input
            type="checkbox"
            checked={isMoTOnly}
            onChange={(e) => setMoTOnly(e.target.checked)}
          />
          {t("motOnly")}
        </label>
        <Button
          variant="ghost"
          className="min-h-8 px-2"
          onClick={() => setCollapsed(new Set(journey.stages.map((s) => s.id)))}
        >
          {t("collapseAll")}
        </Button>
        <Button variant="ghost" className="min-h-8 px-2" onClick={() => setCollapsed(new Set())}>
          {t("expandAll")}
        </Button>
        <span className="text-neutral-500" data-testid="journey-counts">
          {t("counts", {
            stages: journey.stages.length,
            touchpoints: touchpointCount,
            mots: journey.stages.reduce(
              (sum, s) => sum + s.touchpoints.filter((tp) => tp.isMoT).length,
              0,
            ),
          })}
        </span>
        {isSaving && (
          <span className="text-neutral-500" role="status">
            {t("saving")}
          </span>
        )}
        {isEditable && (
          <Button
            variant="secondary"
            className="ml-auto min-h-8"
            onClick={() => setDialog({ kind: "stage" })}
          >
            {t("addStage")}
          </Button>
        )}
      </div>
      {isEditable && <p className="mb-2 text-xs text-neutral-500">{t("editHint")}</p>}
      {error && (
        <div className="mb-3 flex items-center gap-3">
          <Notice tone="error">{error.text}</Notice>
          {error.isStale && (
            <Button variant="secondary" onClick={() => (setError(null), router.refresh())}>
              {t("reload")}
            </Button>
          )}
        </div>
      )}
      <JourneyBoard
        stages={journey.stages}
        layout={currentLayout}
        isCompact={isCompact}
        isMoTOnly={isMoTOnly}
        collapsed={collapsed}
        onToggleCollapsed={toggleCollapsed}
        onOpenTouchpoint={(touchpoint) =>
          setDialog({ kind: "touchpoint", stageId: touchpoint.stageId, touchpoint })
        }
        editing={editing}
      />
      {dialog?.kind === "touchpoint" && (
        <TouchpointDialog
          key={dialog.touchpoint?.id ?? `new-${dialog.stageId}`}
          journey={journey}
          stageId={dialog.stageId}
          touchpoint={dialog.touchpoint && findTouchpoint(journey, dialog.touchpoint.id)}
          segments={segments}
          canEdit={isEditable}
          actions={actions}
          onClose={() => setDialog(null)}
          move={
            dialog.touchpoint && {
              isBusy: isSaving,
              onStep: (delta) =>
                saveLayout(stepTouchpoint(currentLayout, dialog.touchpoint!.id, delta)),
              onMoveToStage: (stageId) =>
                saveLayout(
                  placeTouchpoint(
                    currentLayout,
                    dialog.touchpoint!.id,
                    stageId,
                    Number.MAX_SAFE_INTEGER,
                  ),
                ),
            }
          }
        />
      )}
      {dialog?.kind === "stage" && (
        <StageDialog
          key={dialog.stage?.id ?? "new"}
          journey={journey}
          stage={dialog.stage}
          actions={actions}
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  );
}

// The dialog shows the touchpoint as it is now, after a save refreshed the page.
const findTouchpoint = (journey: TJourneyMap, id: string) =>
  journey.stages.flatMap((s) => s.touchpoints).find((tp) => tp.id === id);

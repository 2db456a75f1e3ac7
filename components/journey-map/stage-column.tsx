"use client";
import { useLocale, useTranslations } from "next-intl";
import { useDroppable } from "@dnd-kit/core";
import { SortableContext, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { ChevronLeft, ChevronRight, GripVertical, Pencil, Plus, Star } from "lucide-react";
import { localized } from "@/lib/i18n/localized";
import type { TStage, TTouchpoint } from "@/lib/journeys/schemas";
import type { TBoardEditing } from "./board-editing";
import type { TJourneyOverlay } from "./overlay";
import { TouchpointCard } from "./touchpoint-card";

type TColumnEditing = TBoardEditing & { onMoveStage: (delta: -1 | 1) => void };

type TProps = {
  stage: TStage;
  number: number;
  isFirst: boolean;
  isLast: boolean;
  touchpoints: TTouchpoint[];
  numbers: Map<string, string>;
  isCompact: boolean;
  isCollapsed: boolean;
  canDrag: boolean;
  overlay?: TJourneyOverlay;
  onToggleCollapsed: () => void;
  onOpenTouchpoint: (touchpoint: TTouchpoint) => void;
  editing?: TColumnEditing;
};

const SMALL_BUTTON =
  "inline-flex size-6 items-center justify-center rounded hover:bg-neutral-100 disabled:opacity-30";
const ICON_BUTTON =
  "inline-flex size-7 items-center justify-center rounded text-neutral-600 hover:bg-neutral-100 hover:text-neutral-900 disabled:opacity-30";

export function StageColumn({
  stage,
  number,
  isFirst,
  isLast,
  touchpoints,
  numbers,
  isCompact,
  isCollapsed,
  canDrag,
  overlay,
  onToggleCollapsed,
  onOpenTouchpoint,
  editing,
}: TProps) {
  const t = useTranslations("journeyMap");
  const locale = useLocale();
  const name = localized(stage, "name", locale);
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: stage.id,
    data: { type: "stage", stageId: stage.id },
    disabled: !canDrag,
  });
  const { setNodeRef: setBodyRef } = useDroppable({
    id: `stage-body-${stage.id}`,
    data: { type: "stage-body", stageId: stage.id },
    disabled: !canDrag,
  });
  const motCount = stage.touchpoints.filter((tp) => tp.isMoT).length;

  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={`flex shrink-0 flex-col rounded-lg border border-neutral-200 bg-neutral-100/70 ${isCollapsed ? "w-14" : isCompact ? "w-48" : "w-64"} ${isDragging ? "opacity-40" : ""}`}
      data-testid="stage-column"
      id={`stage-${stage.id}`}
      aria-label={t("stageLabel", { number, name })}
    >
      <div className={`flex flex-col gap-1 p-2 ${isCollapsed ? "items-center" : ""}`}>
        <div className={`flex items-start gap-1 ${isCollapsed ? "flex-col items-center" : ""}`}>
          {editing && canDrag && (
            <button
              type="button"
              className={`${ICON_BUTTON} -ml-1 shrink-0 cursor-grab`}
              aria-label={t("dragStage", { name })}
              {...attributes}
              {...listeners}
            >
              <GripVertical aria-hidden className="size-4" />
            </button>
          )}
          <button
            type="button"
            onClick={onToggleCollapsed}
            className={`min-w-0 flex-1 text-left leading-snug ${isCollapsed ? "[writing-mode:vertical-rl]" : ""}`}
            aria-expanded={!isCollapsed}
            title={isCollapsed ? t("expandStage") : t("collapseStage")}
          >
            <span className="text-xs tabular-nums text-neutral-500">{number}</span>{" "}
            <span className="font-semibold text-neutral-900" data-testid="stage-name">
              {name}
            </span>
          </button>
        </div>
        {!isCollapsed && (
          <div className="flex items-center justify-between gap-1">
            <span className="text-xs text-neutral-500">
              {t("stageCounts", { touchpoints: stage.touchpoints.length, mots: motCount })}
            </span>
            {editing && (
              <span className="flex shrink-0">
                <button
                  type="button"
                  className={ICON_BUTTON}
                  onClick={() => editing.onMoveStage(-1)}
                  disabled={isFirst || editing.isBusy}
                  aria-label={t("moveStageLeft", { name })}
                >
                  <ChevronLeft aria-hidden className="size-4" />
                </button>
                <button
                  type="button"
                  className={ICON_BUTTON}
                  onClick={() => editing.onMoveStage(1)}
                  disabled={isLast || editing.isBusy}
                  aria-label={t("moveStageRight", { name })}
                >
                  <ChevronRight aria-hidden className="size-4" />
                </button>
                <button
                  type="button"
                  className={ICON_BUTTON}
                  onClick={() => editing.onEditStage(stage)}
                  aria-label={t("editStage", { name })}
                >
                  <Pencil aria-hidden className="size-3.5" />
                </button>
              </span>
            )}
          </div>
        )}
      </div>
      {!isCollapsed && (
        <div ref={setBodyRef} className="flex min-h-12 flex-col gap-1.5 px-2 pb-2">
          <SortableContext
            items={touchpoints.map((tp) => tp.id)}
            strategy={verticalListSortingStrategy}
          >
            <ol className="flex flex-col gap-1.5">
              {touchpoints.map((touchpoint) => (
                <SortableTouchpoint
                  key={touchpoint.id}
                  touchpoint={touchpoint}
                  number={numbers.get(touchpoint.id) ?? ""}
                  isCompact={isCompact}
                  canDrag={canDrag}
                  overlay={overlay?.[touchpoint.id]}
                  onOpen={() => onOpenTouchpoint(touchpoint)}
                  editing={editing}
                />
              ))}
            </ol>
          </SortableContext>
          {editing && (
            <button
              type="button"
              onClick={() => editing.onAddTouchpoint(stage.id)}
              className="inline-flex items-center gap-1 rounded px-2 py-1 text-xs text-neutral-600 hover:bg-white hover:text-neutral-900"
            >
              <Plus aria-hidden className="size-3.5" />
              {t("addTouchpoint")}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

type TSortableTouchpointProps = {
  touchpoint: TTouchpoint;
  number: string;
  isCompact: boolean;
  canDrag: boolean;
  overlay?: TJourneyOverlay[string];
  onOpen: () => void;
  editing?: TColumnEditing;
};

function SortableTouchpoint({
  touchpoint,
  number,
  isCompact,
  canDrag,
  overlay,
  onOpen,
  editing,
}: TSortableTouchpointProps) {
  const t = useTranslations("journeyMap");
  const locale = useLocale();
  const name = localized(touchpoint, "name", locale);
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: touchpoint.id,
    data: { type: "touchpoint" },
    disabled: !canDrag,
  });
  const controls = editing && (
    <span className="flex shrink-0 flex-col items-center border-l border-neutral-100 py-0.5">
      <button
        type="button"
        className={`${SMALL_BUTTON} ${touchpoint.isMoT ? "text-mot" : "text-neutral-500 hover:text-neutral-900"}`}
        onClick={() => editing.onToggleMoT(touchpoint)}
        disabled={editing.isBusy}
        aria-pressed={touchpoint.isMoT}
        aria-label={t("toggleMoT", { name })}
      >
        <Star aria-hidden className={`size-3.5 ${touchpoint.isMoT ? "fill-current" : ""}`} />
      </button>
      {canDrag && (
        <button
          type="button"
          className={`${SMALL_BUTTON} cursor-grab text-neutral-500 hover:text-neutral-900`}
          aria-label={t("dragTouchpoint", { name })}
          {...attributes}
          {...listeners}
        >
          <GripVertical aria-hidden className="size-3.5" />
        </button>
      )}
    </span>
  );
  return (
    <li ref={setNodeRef}>
      <TouchpointCard
        touchpoint={touchpoint}
        number={number}
        isCompact={isCompact}
        overlay={overlay}
        controls={controls}
        onOpen={onOpen}
        isDragging={isDragging}
        style={{ transform: CSS.Translate.toString(transform), transition }}
      />
    </li>
  );
}

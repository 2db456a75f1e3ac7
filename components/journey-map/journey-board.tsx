"use client";
import { useMemo, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import {
  arrayMove,
  horizontalListSortingStrategy,
  SortableContext,
  sortableKeyboardCoordinates,
} from "@dnd-kit/sortable";
import { localized } from "@/lib/i18n/localized";
import type { TJourneyLayout, TStage, TTouchpoint } from "@/lib/journeys/schemas";
import type { TBoardEditing } from "./board-editing";
import { moveStage, placeTouchpoint, sameLayout, stageOf } from "./layout-moves";
import type { TJourneyOverlay } from "./overlay";
import { StageColumn } from "./stage-column";
import { StageIndex } from "./stage-index";
import { TouchpointCard } from "./touchpoint-card";

type TProps = {
  stages: TStage[];
  /** The order to show; the editor keeps it while a change is being saved. */
  layout: TJourneyLayout;
  isCompact: boolean;
  isMoTOnly: boolean;
  collapsed: ReadonlySet<string>;
  onToggleCollapsed: (stageId: string) => void;
  onOpenTouchpoint: (touchpoint: TTouchpoint) => void;
  overlay?: TJourneyOverlay;
  editing?: TBoardEditing;
};

/**
 * The journey map: stages as columns in journey order, touchpoints as cards. Editors reorder
 * by drag and drop (mouse, touch or keyboard: space, arrows, space), with the stage move
 * buttons, or from a touchpoint's dialog (up, down, to another stage).
 */
export function JourneyBoard({
  stages,
  layout,
  isCompact,
  isMoTOnly,
  collapsed,
  onToggleCollapsed,
  onOpenTouchpoint,
  overlay,
  editing,
}: TProps) {
  const t = useTranslations("journeyMap");
  const locale = useLocale();
  const touchpoints = useMemo(
    () => new Map(stages.flatMap((s) => s.touchpoints).map((tp) => [tp.id, tp])),
    [stages],
  );
  const stagesById = useMemo(() => new Map(stages.map((s) => [s.id, s])), [stages]);
  const [dragLayout, setDragLayout] = useState<TJourneyLayout | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const shown = dragLayout ?? layout;
  const canDrag = Boolean(editing) && !editing?.isBusy && !isMoTOnly;
  // Numbers follow the journey order: stage 3, touchpoint 2 reads "3.2".
  const numbers = new Map(
    shown.flatMap((s, i) => s.touchpointIds.map((id, j) => [id, `${i + 1}.${j + 1}`] as const)),
  );

  function onDragStart({ active }: DragStartEvent) {
    setActiveId(String(active.id));
    setDragLayout(layout);
  }

  function onDragOver({ active, over }: DragOverEvent) {
    if (!over || !dragLayout || active.data.current?.type !== "touchpoint") return;
    const activeStage = stageOf(dragLayout, String(active.id));
    const overStageId =
      over.data.current?.type === "touchpoint"
        ? stageOf(dragLayout, String(over.id))?.stageId
        : over.data.current?.stageId;
    if (!activeStage || !overStageId || activeStage.stageId === overStageId) return;
    const overStage = dragLayout.find((s) => s.stageId === overStageId);
    const overIndex = overStage?.touchpointIds.indexOf(String(over.id)) ?? -1;
    setDragLayout(
      placeTouchpoint(
        dragLayout,
        String(active.id),
        overStageId,
        overIndex >= 0 ? overIndex : (overStage?.touchpointIds.length ?? 0),
      ),
    );
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    let next = dragLayout ?? layout;
    if (over && active.id !== over.id) {
      if (active.data.current?.type === "stage") {
        const from = next.findIndex((s) => s.stageId === active.id);
        const overStageId =
          over.data.current?.type === "touchpoint"
            ? stageOf(next, String(over.id))?.stageId
            : (over.data.current?.stageId ?? String(over.id));
        const to = next.findIndex((s) => s.stageId === overStageId);
        if (from >= 0 && to >= 0) next = arrayMove(next, from, to);
      } else {
        const stage = stageOf(next, String(active.id));
        if (stage && stage.touchpointIds.includes(String(over.id))) {
          const ids = arrayMove(
            stage.touchpointIds,
            stage.touchpointIds.indexOf(String(active.id)),
            stage.touchpointIds.indexOf(String(over.id)),
          );
          next = next.map((s) => (s.stageId === stage.stageId ? { ...s, touchpointIds: ids } : s));
        }
      }
    }
    setActiveId(null);
    setDragLayout(null);
    if (!sameLayout(next, layout)) editing?.onLayoutChange(next);
  }

  const activeTouchpoint = activeId ? touchpoints.get(activeId) : undefined;
  const activeStage = activeId ? stagesById.get(activeId) : undefined;

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={() => {
        setActiveId(null);
        setDragLayout(null);
      }}
      accessibility={{ screenReaderInstructions: { draggable: t("dragInstructions") } }}
    >
      <StageIndex layout={shown} stagesById={stagesById} />
      {/* Full-bleed: a long journey gets the whole width of the window, scrolled sideways. */}
      <div
        className="relative mx-[calc(50%-50vw)] overflow-x-auto px-4 pb-4"
        data-testid="journey-board"
        aria-busy={editing?.isBusy}
      >
        <ol className="flex items-start gap-3" aria-label={t("stagesLabel")}>
          <SortableContext
            items={shown.map((s) => s.stageId)}
            strategy={horizontalListSortingStrategy}
          >
            {shown.map((entry, index) => {
              const stage = stagesById.get(entry.stageId);
              if (!stage) return null;
              const items = entry.touchpointIds.flatMap((id) => touchpoints.get(id) ?? []);
              return (
                <StageColumn
                  key={stage.id}
                  stage={stage}
                  number={index + 1}
                  isFirst={index === 0}
                  isLast={index === shown.length - 1}
                  touchpoints={isMoTOnly ? items.filter((tp) => tp.isMoT) : items}
                  numbers={numbers}
                  isCompact={isCompact}
                  isCollapsed={collapsed.has(stage.id)}
                  canDrag={canDrag}
                  overlay={overlay}
                  onToggleCollapsed={() => onToggleCollapsed(stage.id)}
                  onOpenTouchpoint={onOpenTouchpoint}
                  editing={
                    editing && {
                      ...editing,
                      onMoveStage: (delta) =>
                        editing.onLayoutChange(moveStage(layout, stage.id, delta)),
                    }
                  }
                />
              );
            })}
          </SortableContext>
        </ol>
      </div>
      <DragOverlay>
        {activeTouchpoint && (
          <TouchpointCard
            touchpoint={activeTouchpoint}
            number={numbers.get(activeTouchpoint.id) ?? ""}
            isCompact={isCompact}
            onOpen={() => undefined}
          />
        )}
        {activeStage && (
          <div className="w-56 rounded-lg border border-accent bg-white p-3 text-sm font-medium shadow-lg">
            {localized(activeStage, "name", locale)}
          </div>
        )}
      </DragOverlay>
    </DndContext>
  );
}

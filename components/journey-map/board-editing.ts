import type { TJourneyLayout, TStage, TTouchpoint } from "@/lib/journeys/schemas";

/** What the board can ask of an editor; absent for those who may only read. */
export type TBoardEditing = {
  isBusy: boolean;
  onLayoutChange: (layout: TJourneyLayout) => void;
  onToggleMoT: (touchpoint: TTouchpoint) => void;
  onAddTouchpoint: (stageId: string) => void;
  onEditStage: (stage: TStage) => void;
};

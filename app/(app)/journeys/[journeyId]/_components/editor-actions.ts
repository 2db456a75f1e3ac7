import type { TActionResult } from "@/lib/action-result";

type TAction<T = unknown> = (input: never) => Promise<TActionResult<T>>;

/** The server actions the journey editor is handed by its page (functions from ../actions.ts). */
export type TEditorActions = {
  updateJourneyAction: TAction<{ version: number }>;
  setJourneyArchivedAction: TAction<{ version: number }>;
  deleteJourneyAction: TAction<void>;
  saveStageAction: TAction<{ id: string; version: number }>;
  deleteStageAction: TAction<{ version: number }>;
  saveTouchpointAction: TAction<{ id: string; version: number }>;
  setMomentOfTruthAction: TAction<{ version: number }>;
  deleteTouchpointAction: TAction<{ version: number }>;
  saveJourneyLayoutAction: TAction<{ version: number }>;
  saveExpectationAction: TAction<{ id: string }>;
  deleteExpectationAction: TAction<void>;
};

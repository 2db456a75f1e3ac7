"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/action";
import { deleteExpectation, saveExpectation } from "@/lib/journeys/expectations";
import { saveJourneyLayout } from "@/lib/journeys/layout";
import { deleteJourney, setJourneyArchived, updateJourney } from "@/lib/journeys/mutations";
import {
  ZExpectationDeleteInput,
  ZExpectationSaveInput,
  ZJourneyArchiveInput,
  ZJourneyDeleteInput,
  ZJourneyLayoutInput,
  ZJourneyUpdateInput,
  ZStageDeleteInput,
  ZStageSaveInput,
  ZTouchpointDeleteInput,
  ZTouchpointMoTInput,
  ZTouchpointSaveInput,
} from "@/lib/journeys/schemas";
import { deleteStage, saveStage } from "@/lib/journeys/stages";
import { deleteTouchpoint, saveTouchpoint, setMomentOfTruth } from "@/lib/journeys/touchpoints";

// The journey editor's actions. Each validates, lets the domain function authorize and write,
// and refreshes the map; the answer carries the journey's new version for the next edit.

const refresh = <T>(journeyId: string, result: T) => {
  revalidatePath(`/journeys/${journeyId}`);
  revalidatePath("/journeys");
  return result;
};

export const updateJourneyAction = authedAction(ZJourneyUpdateInput, async (input, { user }) =>
  refresh(input.journeyId, await updateJourney(user, input)),
);
export const setJourneyArchivedAction = authedAction(
  ZJourneyArchiveInput,
  async (input, { user }) => refresh(input.journeyId, await setJourneyArchived(user, input)),
);
export const deleteJourneyAction = authedAction(ZJourneyDeleteInput, async (input, { user }) => {
  await deleteJourney(user, input);
  revalidatePath("/journeys");
});
export const saveStageAction = authedAction(ZStageSaveInput, async (input, { user }) =>
  refresh(input.journeyId, await saveStage(user, input)),
);
export const deleteStageAction = authedAction(ZStageDeleteInput, async (input, { user }) =>
  refresh(input.journeyId, await deleteStage(user, input)),
);
export const saveTouchpointAction = authedAction(ZTouchpointSaveInput, async (input, { user }) =>
  refresh(input.journeyId, await saveTouchpoint(user, input)),
);
export const setMomentOfTruthAction = authedAction(ZTouchpointMoTInput, async (input, { user }) =>
  refresh(input.journeyId, await setMomentOfTruth(user, input)),
);
export const deleteTouchpointAction = authedAction(
  ZTouchpointDeleteInput,
  async (input, { user }) => refresh(input.journeyId, await deleteTouchpoint(user, input)),
);
export const saveJourneyLayoutAction = authedAction(ZJourneyLayoutInput, async (input, { user }) =>
  refresh(input.journeyId, await saveJourneyLayout(user, input)),
);

// Expectations are not part of the journey's structure: no version, keyed by MOT and segment.
export const saveExpectationAction = authedAction(
  ZExpectationSaveInput,
  async (input, { user }) => {
    const result = await saveExpectation(user, input);
    revalidatePath("/journeys/[journeyId]", "page");
    return result;
  },
);
export const deleteExpectationAction = authedAction(
  ZExpectationDeleteInput,
  async (input, { user }) => {
    await deleteExpectation(user, input);
    revalidatePath("/journeys/[journeyId]", "page");
  },
);

"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { authedAction } from "@/lib/action";
import { recordObservations, ZRecordObservationsInput } from "@/lib/observations/mutations";
import { FRONTLINE_JOURNEY_COOKIE } from "./journey-cookie";

const ONE_YEAR_S = 365 * 24 * 60 * 60;

/** Sends a batch of the device's queue (frontline page and call form alike). */
export const recordObservationsAction = authedAction(
  ZRecordObservationsInput,
  async (input, { user }) => {
    const { created, duplicates } = await recordObservations(user, input);
    return { created, duplicates };
  },
);

/** Remembers on this device which journey to log against; the page falls back when it is gone. */
export const chooseJourneyAction = authedAction(
  z.object({ journeyId: z.string().trim().min(1).max(64) }),
  async ({ journeyId }) => {
    (await cookies()).set(FRONTLINE_JOURNEY_COOKIE, journeyId, {
      path: "/frontline",
      maxAge: ONE_YEAR_S,
      sameSite: "lax",
      httpOnly: true,
    });
  },
);

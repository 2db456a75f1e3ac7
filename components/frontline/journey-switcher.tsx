"use client";
import { useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Field, Select } from "@/components/ui/field";
import type { TActionResult } from "@/lib/action-result";
import { localized } from "@/lib/i18n/localized";
import type { TFrontlineSetup } from "@/lib/observations/schemas";
import { useIsOnline } from "./use-offline-queue";

type TProps = {
  journeys: TFrontlineSetup["journeys"];
  journeyId: string;
  choose: (input: { journeyId: string }) => Promise<TActionResult<void>>;
};

/** Switches the journey this device logs against; the choice is kept on the device (a cookie). */
export function JourneySwitcher({ journeys, journeyId, choose }: TProps) {
  const t = useTranslations("frontline");
  const locale = useLocale();
  const isOnline = useIsOnline();
  const [isPending, startTransition] = useTransition();
  return (
    <Field label={t("journey")}>
      {(ids) => (
        <Select
          id={ids.id}
          value={journeyId}
          disabled={isPending || !isOnline}
          onChange={(event) => {
            const next = event.target.value;
            startTransition(async () => void (await choose({ journeyId: next })));
          }}
        >
          {journeys.map((journey) => (
            <option key={journey.id} value={journey.id}>
              {localized(journey, "name", locale)}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useMessage } from "@/components/ui/use-message";
import type { TQueueEntry, TQueueStatus } from "@/lib/observations/offline-queue";
import type { TFrontlineIcons } from "./frontline-icons";

type TProps = {
  waiting: number;
  failedEntries: TQueueEntry[];
  status: TQueueStatus | null;
  isOnline: boolean;
  onDiscard: (clientId: string) => void;
  icons: Pick<TFrontlineIcons, "offline" | "waiting" | "allSent">;
};

/** How many entries wait on this device, whether they can be sent, and the ones the server refused. */
export function QueueStatus({
  waiting,
  failedEntries,
  status,
  isOnline,
  onDiscard,
  icons,
}: TProps) {
  const t = useTranslations("frontline");
  const message = useMessage();
  return (
    <div className="flex flex-col gap-2">
      <p
        className={`flex min-h-11 items-center gap-2 rounded-lg border px-3 text-sm font-medium ${waiting > 0 ? "border-amber-300 bg-amber-50 text-amber-900" : "border-neutral-200 bg-white text-neutral-700"}`}
        data-testid="queue-waiting"
        data-count={waiting}
      >
        {!isOnline ? icons.offline : waiting > 0 ? icons.waiting : icons.allSent}
        {t("waiting", { count: waiting })}
      </p>
      {!isOnline && (
        <p className="text-sm text-neutral-700" data-testid="offline-notice">
          {t("offline")}
        </p>
      )}
      {status === "signedOut" && (
        <div
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {t("signedOut")}{" "}
          <a href="/login" className="font-medium underline">
            {t("signIn")}
          </a>
        </div>
      )}
      {failedEntries.length > 0 && (
        <section
          role="alert"
          aria-labelledby="failed-heading"
          className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-900"
          data-testid="failed-entries"
        >
          <h2 id="failed-heading" className="font-semibold">
            {t("failedTitle", { count: failedEntries.length })}
          </h2>
          <p className="mt-1">{t("failedHint")}</p>
          <ul className="mt-2 flex flex-col gap-2">
            {failedEntries.map((entry) => (
              <li key={entry.clientId} className="flex items-center gap-2 rounded-md bg-white p-2">
                <div className="min-w-0 flex-1">
                  <p className="font-medium">{entry.label}</p>
                  <p className="text-xs text-neutral-600">
                    {t("loggedAt", { time: new Date(entry.createdAt) })}
                  </p>
                  <p>{(entry.failure ?? []).map(message).join(" ")}</p>
                </div>
                <Button
                  type="button"
                  variant="danger"
                  className="min-h-11"
                  onClick={() => onDiscard(entry.clientId)}
                  aria-label={t("discardNamed", { label: entry.label })}
                >
                  {t("discard")}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

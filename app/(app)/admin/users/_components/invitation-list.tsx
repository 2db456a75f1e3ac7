"use client";
import { useState, useTransition } from "react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useMessage } from "@/components/ui/use-message";
import type { TActionResult } from "@/lib/action-result";
import type { TInvitationListItem } from "@/lib/accounts/schemas";

type TProps = {
  invitations: TInvitationListItem[];
  revoke: (input: unknown) => Promise<TActionResult<void>>;
};

/** Invitations not yet accepted: whom, which role, until when; each can be withdrawn. */
export function InvitationList({ invitations, revoke }: TProps) {
  const t = useTranslations();
  const format = useFormatter();
  const now = useNow();
  const message = useMessage();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  if (invitations.length === 0)
    return <p className="text-sm text-neutral-600">{t("accounts.invitations.none")}</p>;
  return (
    <div className="flex flex-col gap-2">
      {error && <Notice tone="error">{error}</Notice>}
      <ul className="flex flex-col divide-y divide-neutral-200" data-testid="invitation-list">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="flex items-center justify-between gap-2 py-2 text-sm">
            <span className="min-w-0">
              <span className="block truncate font-medium">{invitation.email}</span>
              <span className="text-xs text-neutral-600">
                {t(`roles.${invitation.role}`)} ·{" "}
                {invitation.expiresAt > now
                  ? `${t("accounts.invitations.expires")} ${format.dateTime(invitation.expiresAt, { dateStyle: "medium", timeStyle: "short" })}`
                  : t("accounts.invitations.expired")}
              </span>
            </span>
            <Button
              variant="ghost"
              disabled={isPending}
              onClick={() =>
                startTransition(async () => {
                  const answer = await revoke({ invitationId: invitation.id });
                  setError(answer.ok ? null : message(answer.error));
                })
              }
            >
              {t("accounts.invitations.revoke")}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}

"use client";
import { useState, useTransition } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useMessage } from "@/components/ui/use-message";
import type { TActionResult } from "@/lib/action-result";
import { ROLES, type TRole } from "@/lib/auth/permissions";
import type { TUserListItem } from "@/lib/users/schemas";

type TProps = {
  users: TUserListItem[];
  currentUserId: string;
  changeRole: (input: unknown) => Promise<TActionResult<void>>;
  setActive: (input: unknown) => Promise<TActionResult<void>>;
};

export function UserTable({ users, currentUserId, changeRole, setActive }: TProps) {
  const t = useTranslations();
  const format = useFormatter();
  const message = useMessage();
  const [outcome, setOutcome] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [isPending, startTransition] = useTransition();

  function run(request: () => Promise<TActionResult<void>>) {
    setOutcome(null);
    startTransition(async () => {
      const answer = await request();
      setOutcome(
        answer.ok
          ? { tone: "success", text: t("users.saved") }
          : { tone: "error", text: message(answer.error) },
      );
    });
  }

  return (
    <section className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
      {outcome && (
        <div className="p-3">
          <Notice tone={outcome.tone}>{outcome.text}</Notice>
        </div>
      )}
      <table className="w-full text-left text-sm" data-testid="user-table">
        <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase text-neutral-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("users.name")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("users.role")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("users.status")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("users.lastSignIn")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              <span className="sr-only">{t("users.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const isSelf = user.id === currentUserId;
            return (
              <tr
                key={user.id}
                className="border-b border-neutral-100 last:border-0"
                data-testid={`user-row-${user.email}`}
              >
                <td className="px-3 py-2">
                  <div className="font-medium">
                    {user.name}{" "}
                    {isSelf && <span className="text-xs text-neutral-500">({t("users.you")})</span>}
                  </div>
                  <div className="text-xs text-neutral-600">{user.email}</div>
                </td>
                <td className="px-3 py-2">
                  <select
                    aria-label={t("users.roleFor", { name: user.name })}
                    className="min-h-9 rounded-md border border-neutral-300 bg-white px-2"
                    value={user.role}
                    disabled={isPending}
                    onChange={(event) =>
                      run(() => changeRole({ userId: user.id, role: event.target.value as TRole }))
                    }
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {t(`roles.${role}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="px-3 py-2" data-testid="user-status">
                  {user.isActive ? t("users.active") : t("users.inactive")}
                </td>
                <td className="px-3 py-2 text-neutral-600">
                  {user.lastSignInAt
                    ? format.dateTime(user.lastSignInAt, {
                        dateStyle: "medium",
                        timeStyle: "short",
                      })
                    : t("users.never")}
                </td>
                <td className="px-3 py-2 text-right">
                  {!isSelf && (
                    <Button
                      variant={user.isActive ? "danger" : "secondary"}
                      disabled={isPending}
                      onClick={() =>
                        run(() => setActive({ userId: user.id, isActive: !user.isActive }))
                      }
                    >
                      {user.isActive ? t("users.deactivate") : t("users.activate")}
                    </Button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

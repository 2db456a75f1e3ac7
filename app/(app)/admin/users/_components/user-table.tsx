"use client";
import { useState, useTransition } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { IssuedLinkNotice } from "@/components/accounts/issued-link-notice";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { Table, type TTableColumn } from "@/components/ui/table";
import { useMessage } from "@/components/ui/use-message";
import type { TActionResult } from "@/lib/action-result";
import type { TIssuedLink } from "@/lib/accounts/schemas";
import { ROLES, type TRole } from "@/lib/auth/permissions";
import type { TUserListItem } from "@/lib/users/schemas";

type TProps = {
  users: TUserListItem[];
  currentUserId: string;
  changeRole: (input: unknown) => Promise<TActionResult<void>>;
  setActive: (input: unknown) => Promise<TActionResult<void>>;
  issueReset: (input: unknown) => Promise<TActionResult<TIssuedLink>>;
};

export function UserTable({ users, currentUserId, changeRole, setActive, issueReset }: TProps) {
  const t = useTranslations();
  const format = useFormatter();
  const message = useMessage();
  const [outcome, setOutcome] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  const [issued, setIssued] = useState<TIssuedLink | null>(null);

  function sendReset(user: TUserListItem) {
    if (!window.confirm(t("accounts.resetIssue.confirm", { name: user.name }))) return;
    setOutcome(null);
    setIssued(null);
    startTransition(async () => {
      const answer = await issueReset({ userId: user.id });
      if (answer.ok) setIssued(answer.data);
      else setOutcome({ tone: "error", text: message(answer.error) });
    });
  }

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

  const columns: TTableColumn<TUserListItem>[] = [
    {
      key: "name",
      header: t("users.name"),
      cell: (user) => (
        <>
          <div className="font-medium">
            {user.name}{" "}
            {user.id === currentUserId && (
              <span className="text-xs text-neutral-500">({t("users.you")})</span>
            )}
          </div>
          <div className="text-xs text-neutral-600">{user.email}</div>
        </>
      ),
    },
    {
      key: "role",
      header: t("users.role"),
      cell: (user) => (
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
      ),
    },
    {
      key: "status",
      header: t("users.status"),
      cell: (user) => (user.isActive ? t("users.active") : t("users.inactive")),
      cellProps: () => ({ "data-testid": "user-status" }),
    },
    {
      key: "lastSignIn",
      header: t("users.lastSignIn"),
      className: "text-neutral-600",
      cell: (user) =>
        user.lastSignInAt
          ? format.dateTime(user.lastSignInAt, { dateStyle: "medium", timeStyle: "short" })
          : t("users.never"),
    },
    {
      key: "actions",
      header: t("users.actions"),
      isHeaderHidden: true,
      align: "right",
      cell: (user) =>
        user.id !== currentUserId && (
          <span className="inline-flex gap-2">
            {user.isActive && (
              <Button variant="secondary" disabled={isPending} onClick={() => sendReset(user)}>
                {t("accounts.resetIssue.action")}
              </Button>
            )}
            <Button
              variant={user.isActive ? "danger" : "secondary"}
              disabled={isPending}
              onClick={() => run(() => setActive({ userId: user.id, isActive: !user.isActive }))}
            >
              {user.isActive ? t("users.deactivate") : t("users.activate")}
            </Button>
          </span>
        ),
    },
  ];

  return (
    <section className="flex flex-col gap-3">
      {outcome && <Notice tone={outcome.tone}>{outcome.text}</Notice>}
      {issued && (
        <IssuedLinkNotice
          issued={issued}
          mailedText={t("accounts.handOver.resetMailed", { email: issued.email })}
        />
      )}
      <Table
        columns={columns}
        rows={users}
        rowKey={(user) => user.id}
        rowProps={(user) => ({ "data-testid": `user-row-${user.email}` })}
        testId="user-table"
      />
    </section>
  );
}

"use client";
import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { Table, type TTableColumn } from "@/components/ui/table";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/action-result";
import { scopeMessageKey, type TApiKeyListItem } from "@/lib/api-keys/schemas";

type TProps = {
  keys: TApiKeyListItem[];
  revokeApiKey: (input: unknown) => Promise<TActionResult<void>>;
};

export function ApiKeyTable({ keys, revokeApiKey }: TProps) {
  const t = useTranslations("apiKeys");
  const tc = useTranslations("common");
  const format = useFormatter();
  const [confirming, setConfirming] = useState<TApiKeyListItem | null>(null);
  const revoke = useActionForm(revokeApiKey, { onSuccess: () => setConfirming(null) });
  const dateTime = (date: Date) =>
    format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });

  if (keys.length === 0) return <EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>;
  const columns: TTableColumn<TApiKeyListItem>[] = [
    { key: "name", header: t("columns.name"), className: "font-medium", cell: (key) => key.name },
    {
      key: "key",
      header: t("columns.key"),
      className: "font-mono text-xs",
      cell: (key) => `${key.prefix}…`,
    },
    {
      key: "scopes",
      header: t("columns.scopes"),
      cell: (key) =>
        key.scopes
          .map((scope) => (t.has(scopeMessageKey(scope)) ? t(scopeMessageKey(scope)) : scope))
          .join(", "),
    },
    {
      key: "created",
      header: t("columns.created"),
      cell: (key) => (
        <>
          <div>{dateTime(key.createdAt)}</div>
          {key.createdByName && (
            <div className="text-xs text-neutral-500">
              {t("createdBy", { name: key.createdByName })}
            </div>
          )}
        </>
      ),
    },
    {
      key: "lastUsed",
      header: t("columns.lastUsed"),
      cell: (key) => (key.lastUsedAt ? format.relativeTime(key.lastUsedAt) : t("never")),
    },
    {
      key: "status",
      header: t("columns.status"),
      cell: (key) =>
        key.revokedAt ? t("revokedOn", { date: dateTime(key.revokedAt) }) : t("active"),
      cellProps: () => ({ "data-testid": "api-key-status" }),
    },
    {
      key: "actions",
      header: t("columns.actions"),
      isHeaderHidden: true,
      align: "right",
      cell: (key) =>
        !key.revokedAt && (
          <Button variant="danger" className="min-h-8" onClick={() => setConfirming(key)}>
            {t("revoke")}
          </Button>
        ),
    },
  ];
  return (
    <section className="flex flex-col gap-3">
      {revoke.error ? (
        <Notice tone="error">{revoke.error}</Notice>
      ) : (
        revoke.isSuccess && <Notice tone="success">{t("revoked")}</Notice>
      )}
      <Table
        columns={columns}
        rows={keys}
        rowKey={(key) => key.id}
        rowProps={(key) => ({
          className: key.revokedAt ? "text-neutral-500" : undefined,
          "data-testid": `api-key-row-${key.id}`,
        })}
        testId="api-key-table"
      />
      <Dialog
        title={t("revokeTitle", { name: confirming?.name ?? "" })}
        description={t("revokeBody")}
        isOpen={confirming !== null}
        onClose={() => setConfirming(null)}
        closeLabel={tc("close")}
      >
        <div className="flex justify-end gap-2">
          <Button type="button" variant="ghost" onClick={() => setConfirming(null)}>
            {tc("cancel")}
          </Button>
          <Button
            type="button"
            variant="danger"
            disabled={revoke.isPending}
            onClick={() => confirming && revoke.submit({ apiKeyId: confirming.id })}
            data-testid="confirm-revoke"
          >
            {revoke.isPending ? t("revoking") : t("revoke")}
          </Button>
        </div>
      </Dialog>
    </section>
  );
}

"use client";
import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
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
  return (
    <section className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
      {(revoke.error || revoke.isSuccess) && (
        <div className="p-3">
          {revoke.error ? (
            <Notice tone="error">{revoke.error}</Notice>
          ) : (
            <Notice tone="success">{t("revoked")}</Notice>
          )}
        </div>
      )}
      <table className="w-full text-left text-sm" data-testid="api-key-table">
        <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase text-neutral-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("columns.name")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("columns.key")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("columns.scopes")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("columns.created")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("columns.lastUsed")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("columns.status")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              <span className="sr-only">{t("columns.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr
              key={key.id}
              className={`border-b border-neutral-100 last:border-0 ${key.revokedAt ? "text-neutral-500" : ""}`}
              data-testid={`api-key-row-${key.id}`}
            >
              <td className="px-3 py-2 font-medium">{key.name}</td>
              <td className="px-3 py-2 font-mono text-xs">{`${key.prefix}…`}</td>
              <td className="px-3 py-2">
                {key.scopes
                  .map((scope) =>
                    t.has(scopeMessageKey(scope)) ? t(scopeMessageKey(scope)) : scope,
                  )
                  .join(", ")}
              </td>
              <td className="px-3 py-2">
                <div>{dateTime(key.createdAt)}</div>
                {key.createdByName && (
                  <div className="text-xs text-neutral-500">
                    {t("createdBy", { name: key.createdByName })}
                  </div>
                )}
              </td>
              <td className="px-3 py-2">
                {key.lastUsedAt ? format.relativeTime(key.lastUsedAt) : t("never")}
              </td>
              <td className="px-3 py-2" data-testid="api-key-status">
                {key.revokedAt ? t("revokedOn", { date: dateTime(key.revokedAt) }) : t("active")}
              </td>
              <td className="px-3 py-2 text-right">
                {!key.revokedAt && (
                  <Button variant="danger" className="min-h-8" onClick={() => setConfirming(key)}>
                    {t("revoke")}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
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

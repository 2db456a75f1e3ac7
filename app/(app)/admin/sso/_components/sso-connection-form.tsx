"use client";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/action-result";
import { ROLES } from "@/lib/auth/permissions";
import type { TSsoConnectionView } from "@/lib/sso/schemas";

type TProps = {
  connection: TSsoConnectionView | null;
  saveConnection: (input: unknown) => Promise<TActionResult<void>>;
};

/** The organization's OpenID Connect connection. The client secret is write-only. */
export function SsoConnectionForm({ connection, saveConnection }: TProps) {
  const t = useTranslations();
  const format = useFormatter();
  const form = useActionForm(saveConnection, {
    resetOnSuccess: false,
    toInput: (data) => ({
      issuer: data.get("issuer"),
      clientId: data.get("clientId"),
      clientSecret: data.get("clientSecret"),
      domains: data.get("domains"),
      defaultRole: data.get("defaultRole"),
      isEnabled: data.get("isEnabled") === "on",
    }),
  });
  const secretHint = !connection
    ? t("sso.clientSecretNew")
    : connection.hasClientSecret
      ? t("sso.clientSecretStored")
      : t("sso.clientSecretUnreadable");
  return (
    <form
      onSubmit={form.onSubmit}
      className="flex flex-col gap-3"
      noValidate
      data-testid="sso-connection-form"
    >
      <p className="text-sm text-neutral-600" data-testid="sso-status">
        {connection
          ? `${connection.isEnabled ? t("sso.statusOn") : t("sso.statusOff")} · ${t(
              "sso.lastChanged",
              {
                date: format.dateTime(connection.updatedAt, {
                  dateStyle: "medium",
                  timeStyle: "short",
                }),
              },
            )}`
          : t("sso.notConfigured")}
      </p>
      {form.error && <Notice tone="error">{form.error}</Notice>}
      {form.isSuccess && <Notice tone="success">{t("sso.saved")}</Notice>}
      <Field label={t("sso.issuer")} hint={t("sso.issuerHint")} errors={form.errorsOf("issuer")}>
        {(ids) => (
          <TextInput
            id={ids.id}
            name="issuer"
            type="url"
            autoComplete="off"
            defaultValue={connection?.issuer}
            aria-describedby={ids.describedBy}
            aria-invalid={ids.invalid}
          />
        )}
      </Field>
      <Field label={t("sso.clientId")} errors={form.errorsOf("clientId")}>
        {(ids) => (
          <TextInput
            id={ids.id}
            name="clientId"
            autoComplete="off"
            defaultValue={connection?.clientId}
            aria-describedby={ids.describedBy}
            aria-invalid={ids.invalid}
          />
        )}
      </Field>
      <Field label={t("sso.clientSecret")} hint={secretHint} errors={form.errorsOf("clientSecret")}>
        {(ids) => (
          <TextInput
            id={ids.id}
            name="clientSecret"
            type="password"
            autoComplete="new-password"
            aria-describedby={ids.describedBy}
            aria-invalid={ids.invalid}
          />
        )}
      </Field>
      <Field label={t("sso.domains")} hint={t("sso.domainsHint")} errors={form.errorsOf("domains")}>
        {(ids) => (
          <TextArea
            id={ids.id}
            name="domains"
            rows={3}
            defaultValue={connection?.domains.join("\n")}
            aria-describedby={ids.describedBy}
            aria-invalid={ids.invalid}
          />
        )}
      </Field>
      <Field label={t("sso.defaultRole")} errors={form.errorsOf("defaultRole")}>
        {(ids) => (
          <Select
            id={ids.id}
            name="defaultRole"
            defaultValue={connection?.defaultRole ?? "FRONTLINE"}
            aria-describedby={ids.describedBy}
            aria-invalid={ids.invalid}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <label className="flex min-h-9 items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="isEnabled"
          defaultChecked={connection?.isEnabled ?? false}
          className="size-4"
        />
        {t("sso.isEnabled")}
      </label>
      <Button type="submit" disabled={form.isPending}>
        {form.isPending ? t("sso.saving") : t("sso.save")}
      </Button>
    </form>
  );
}

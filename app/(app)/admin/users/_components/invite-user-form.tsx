"use client";
import { useLocale, useTranslations } from "next-intl";
import { IssuedLinkNotice } from "@/components/accounts/issued-link-notice";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/action-result";
import type { TIssuedLink } from "@/lib/accounts/schemas";
import { ROLES } from "@/lib/auth/permissions";
import { LOCALES } from "@/lib/i18n/config";

type TProps = { invite: (input: unknown) => Promise<TActionResult<TIssuedLink>> };

export function InviteUserForm({ invite }: TProps) {
  const t = useTranslations();
  const locale = useLocale();
  const form = useActionForm(invite);
  return (
    <form
      onSubmit={form.onSubmit}
      className="flex flex-col gap-3"
      noValidate
      data-testid="invite-user-form"
    >
      <p className="text-sm text-neutral-600">{t("accounts.invitations.lead")}</p>
      {form.error && <Notice tone="error">{form.error}</Notice>}
      {form.data && (
        <IssuedLinkNotice
          issued={form.data}
          mailedText={t("accounts.invitations.mailed", { email: form.data.email })}
        />
      )}
      <Field label={t("accounts.invitations.email")} errors={form.errorsOf("email")}>
        {({ id, describedBy, invalid }) => (
          <TextInput
            id={id}
            name="email"
            type="email"
            autoComplete="off"
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Field label={t("accounts.invitations.role")} errors={form.errorsOf("role")}>
        {({ id, describedBy, invalid }) => (
          <Select
            id={id}
            name="role"
            defaultValue="FRONTLINE"
            aria-describedby={describedBy}
            aria-invalid={invalid}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t("accounts.invitations.locale")} errors={form.errorsOf("locale")}>
        {({ id, describedBy, invalid }) => (
          <Select
            id={id}
            name="locale"
            defaultValue={locale}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          >
            {LOCALES.map((value) => (
              <option key={value} value={value}>
                {t(`language.${value}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Button type="submit" disabled={form.isPending}>
        {form.isPending ? t("accounts.invitations.submitting") : t("accounts.invitations.submit")}
      </Button>
    </form>
  );
}

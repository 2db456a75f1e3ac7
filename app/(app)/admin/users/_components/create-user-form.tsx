"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/action-result";
import { ROLES } from "@/lib/auth/permissions";

type TProps = { createUser: (input: unknown) => Promise<TActionResult<{ id: string }>> };

export function CreateUserForm({ createUser }: TProps) {
  const t = useTranslations();
  const form = useActionForm(createUser);
  return (
    <form
      onSubmit={form.onSubmit}
      className="flex flex-col gap-3"
      noValidate
      data-testid="create-user-form"
    >
      {form.error && <Notice tone="error">{form.error}</Notice>}
      {form.isSuccess && <Notice tone="success">{t("users.created")}</Notice>}
      <Field label={t("users.email")} errors={form.errorsOf("email")}>
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
      <Field label={t("users.name")} errors={form.errorsOf("name")}>
        {({ id, describedBy, invalid }) => (
          <TextInput
            id={id}
            name="name"
            autoComplete="off"
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Field label={t("users.role")} errors={form.errorsOf("role")}>
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
      <Field
        label={t("users.password")}
        hint={t("users.passwordHint")}
        errors={form.errorsOf("password")}
      >
        {({ id, describedBy, invalid }) => (
          <TextInput
            id={id}
            name="password"
            type="password"
            autoComplete="new-password"
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Button type="submit" disabled={form.isPending}>
        {form.isPending ? t("common.saving") : t("users.create")}
      </Button>
    </form>
  );
}

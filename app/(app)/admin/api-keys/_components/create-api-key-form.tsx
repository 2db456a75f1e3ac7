"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/action-result";
import { scopeMessageKey, type TCreatedApiKey } from "@/lib/api-keys/schemas";
import { NewSecret } from "./new-secret";

type TProps = {
  scopes: string[];
  createApiKey: (input: unknown) => Promise<TActionResult<TCreatedApiKey>>;
};

export function CreateApiKeyForm({ scopes, createApiKey }: TProps) {
  const t = useTranslations("apiKeys");
  const form = useActionForm(createApiKey, {
    toInput: (data) => ({ name: data.get("name"), scopes: data.getAll("scopes") }),
  });
  return (
    <div className="flex flex-col gap-4">
      {form.data && <NewSecret key={form.data.id} created={form.data} />}
      <form
        onSubmit={form.onSubmit}
        className="flex flex-col gap-3"
        noValidate
        data-testid="create-api-key-form"
      >
        {form.error && <Notice tone="error">{form.error}</Notice>}
        <Field label={t("name")} hint={t("nameHint")} errors={form.errorsOf("name")}>
          {(ids) => (
            <TextInput
              id={ids.id}
              name="name"
              required
              maxLength={100}
              autoComplete="off"
              aria-describedby={ids.describedBy}
              aria-invalid={ids.invalid}
            />
          )}
        </Field>
        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-medium text-neutral-800">{t("scopes")}</legend>
          {scopes.map((scope) => (
            <label key={scope} className="flex min-h-9 items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="scopes"
                value={scope}
                defaultChecked
                className="size-4"
              />
              <span>{t(scopeMessageKey(scope))}</span>
              <code className="text-xs text-neutral-500">{scope}</code>
            </label>
          ))}
          {form.errorsOf("scopes")?.map((error) => (
            <p key={error} className="text-sm text-red-700" data-testid="field-error">
              {error}
            </p>
          ))}
        </fieldset>
        <Button type="submit" disabled={form.isPending}>
          {form.isPending ? t("creating") : t("create")}
        </Button>
      </form>
    </div>
  );
}

"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useMessage } from "@/components/ui/use-message";
import type { TSsoStartState } from "../actions";

type TProps = {
  startSso: (state: TSsoStartState, formData: FormData) => Promise<TSsoStartState>;
  /** A refusal the SSO callback sent back (a message key). */
  refusal: string | null;
};

/**
 * "Sign in with SSO": the work email's domain picks the organization's identity provider. Folded
 * behind a button until asked for (or a refusal is shown), so the page has one email field.
 */
export function SsoSignInForm({ startSso, refusal }: TProps) {
  const t = useTranslations("sso.signIn");
  const message = useMessage();
  const [isOpen, setOpen] = useState(refusal !== null);
  const [state, formAction, isPending] = useActionState(startSso, { email: "" });
  const error = state.error ?? (state.email ? null : refusal);
  if (!isOpen)
    return (
      <Button
        type="button"
        variant="secondary"
        className="w-full"
        aria-expanded="false"
        onClick={() => setOpen(true)}
      >
        {t("submit")}
      </Button>
    );
  return (
    <form
      action={formAction}
      className="flex flex-col gap-3"
      noValidate
      aria-labelledby="sso-sign-in-title"
      data-testid="sso-sign-in-form"
    >
      <h2 id="sso-sign-in-title" className="text-sm font-medium text-neutral-800">
        {t("title")}
      </h2>
      <p className="text-sm text-neutral-600">{t("lead")}</p>
      {error && (
        <Notice tone="error">
          <span data-testid="sso-refusal">{message(error)}</span>
        </Notice>
      )}
      <Field label={t("email")} errors={state.fieldErrors?.email?.map(message)}>
        {({ id, describedBy, invalid }) => (
          <TextInput
            id={id}
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={state.email}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Button type="submit" disabled={isPending}>
        {isPending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}

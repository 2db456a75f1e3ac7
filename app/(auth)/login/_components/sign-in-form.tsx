"use client";
import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useMessage } from "@/components/ui/use-message";
import type { TSignInState } from "../actions";

type TProps = { signIn: (state: TSignInState, formData: FormData) => Promise<TSignInState> };

export function SignInForm({ signIn }: TProps) {
  const t = useTranslations("auth");
  const message = useMessage();
  const [state, formAction, isPending] = useActionState(signIn, { email: "" });
  const errorsOf = (field: string) => state.fieldErrors?.[field]?.map(message);
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      {state.error && <Notice tone="error">{message(state.error)}</Notice>}
      {state.throttle && <ThrottleNotice {...state.throttle} />}
      <Field label={t("email")} errors={errorsOf("email")}>
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
      <Field label={t("password")} errors={errorsOf("password")}>
        {({ id, describedBy, invalid }) => (
          <TextInput
            id={id}
            name="password"
            type="password"
            autoComplete="current-password"
            required
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

/** Too many failed attempts: says so, and when to try again (in seconds, or in minutes with the clock time). */
function ThrottleNotice({ retryAt, retryAfterSeconds }: NonNullable<TSignInState["throttle"]>) {
  const t = useTranslations("security.signIn");
  const format = useFormatter();
  return (
    <Notice tone="error">
      <span data-testid="sign-in-throttled">
        {retryAfterSeconds < 60
          ? t("throttledSeconds", { seconds: retryAfterSeconds })
          : t("throttledMinutes", {
              minutes: Math.ceil(retryAfterSeconds / 60),
              time: format.dateTime(new Date(retryAt), { timeStyle: "short" }),
            })}
      </span>
    </Notice>
  );
}

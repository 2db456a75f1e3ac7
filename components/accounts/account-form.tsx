"use client";
import type { ReactNode } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/action-result";

// One form for the account pages (setup, invitation, password reset and change, "forgot
// password") and the admin's invitation: labelled fields, the action's field errors beside them, and where to go or what to
// say on success. Every label arrives translated from the page.

type TAccountField = {
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  defaultValue?: string;
  hint?: string;
  readOnly?: boolean;
  options?: { value: string; label: string }[];
};

type TProps<T> = {
  action: (input: unknown) => Promise<TActionResult<T>>;
  fields: TAccountField[];
  /** Sent with the fields, not shown (the link's token). */
  hidden?: Record<string, string>;
  submit: string;
  submitting: string;
  /**
   * After a success: where to go; the message to show in place of the form; or what to show above
   * the emptied form, ready for the next one (an invitation's outcome).
   */
  onSuccess: { goTo: string } | { say: string } | { show: (data: T) => ReactNode };
  testId?: string;
};

export function AccountForm<T>({
  action,
  fields,
  hidden = {},
  submit,
  submitting,
  onSuccess,
  testId,
}: TProps<T>) {
  const router = useRouter();
  const form = useActionForm(action, {
    toInput: (data) => ({ ...Object.fromEntries(data), ...hidden }),
    onSuccess: () => {
      if ("goTo" in onSuccess) router.push(onSuccess.goTo);
    },
  });
  if (form.isSuccess && "say" in onSuccess)
    return (
      <Notice tone="success">
        <span data-testid={testId && `${testId}-done`}>{onSuccess.say}</span>
      </Notice>
    );
  return (
    <form onSubmit={form.onSubmit} className="flex flex-col gap-4" noValidate data-testid={testId}>
      {form.error && <Notice tone="error">{form.error}</Notice>}
      {form.data !== null && "show" in onSuccess && onSuccess.show(form.data)}
      {Object.entries(hidden)
        .flatMap(([name]) => form.errorsOf(name) ?? [])
        .map((error) => (
          <Notice key={error} tone="error">
            {error}
          </Notice>
        ))}
      {fields.map((field) => (
        <Field
          key={field.name}
          label={field.label}
          hint={field.hint}
          errors={form.errorsOf(field.name)}
        >
          {({ id, describedBy, invalid }) =>
            field.options ? (
              <Select
                id={id}
                name={field.name}
                defaultValue={field.defaultValue}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              >
                {field.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </Select>
            ) : (
              <TextInput
                id={id}
                name={field.name}
                type={field.type ?? "text"}
                autoComplete={field.autoComplete ?? "off"}
                defaultValue={field.defaultValue}
                readOnly={field.readOnly}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
            )
          }
        </Field>
      ))}
      <Button type="submit" disabled={form.isPending}>
        {form.isPending ? submitting : submit}
      </Button>
    </form>
  );
}

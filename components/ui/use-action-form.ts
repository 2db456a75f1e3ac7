"use client";
import { useState, useTransition, type FormEvent } from "react";
import type { TActionResult } from "@/lib/action-result";
import { useMessage } from "./use-message";

/**
 * Submits a form's fields as a plain object to an authedAction and exposes its typed result,
 * with error keys already translated. The form keeps what the user typed when the action
 * refuses it, and is cleared when it succeeds.
 */
export function useActionForm<T>(action: (input: Record<string, FormDataEntryValue>) => Promise<TActionResult<T>>) {
  const message = useMessage();
  const [result, setResult] = useState<TActionResult<T> | null>(null);
  const [isPending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const input = Object.fromEntries(new FormData(form));
    startTransition(async () => {
      const answer = await action(input);
      setResult(answer);
      if (answer.ok) form.reset();
    });
  }

  const failure = result && !result.ok ? result : null;
  return {
    onSubmit,
    isPending,
    isSuccess: result?.ok === true,
    error: failure ? message(failure.error) : null,
    errorsOf: (field: string) => failure?.fieldErrors[field]?.map(message),
  };
}

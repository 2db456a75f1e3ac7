"use client";
import { useState, useTransition, type FormEvent } from "react";
import type { TActionResult } from "@/lib/action-result";
import { useMessage } from "./use-message";

type TOptions<T> = {
  /** Builds the action's input from the form; by default its fields as a plain object of strings. */
  toInput?: (data: FormData) => unknown;
  onSuccess?: (data: T) => void;
  /** Clear the form after a success (the default), or keep it (an edit form). */
  resetOnSuccess?: boolean;
};

/**
 * Submits a form to an authedAction and exposes its typed result, with error keys already
 * translated. The form keeps what the user typed when the action refuses it.
 */
export function useActionForm<T>(
  action: (input: never) => Promise<TActionResult<T>>,
  options: TOptions<T> = {},
) {
  const message = useMessage();
  const [result, setResult] = useState<TActionResult<T> | null>(null);
  const [isPending, startTransition] = useTransition();

  function submit(input: unknown, form?: HTMLFormElement) {
    startTransition(async () => {
      const answer = await action(input as never);
      setResult(answer);
      if (!answer.ok) return;
      if (form && options.resetOnSuccess !== false) form.reset();
      options.onSuccess?.(answer.data);
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    submit(options.toInput ? options.toInput(data) : Object.fromEntries(data), form);
  }

  const failure = result && !result.ok ? result : null;
  return {
    onSubmit,
    /** Runs the action with an input built elsewhere (a button, a drag and drop). */
    submit: (input: unknown) => submit(input),
    isPending,
    isSuccess: result?.ok === true,
    data: result?.ok ? result.data : null,
    code: failure?.code ?? null,
    error: failure ? message(failure.error) : null,
    errorsOf: (field: string) => failure?.fieldErrors[field]?.map(message),
  };
}

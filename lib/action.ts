import "server-only";
import { headers } from "next/headers";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { requestMetaFrom } from "@/lib/auth/request-meta";
import type { TRequestMeta } from "@/lib/auth/schemas";
import type { TSessionUser } from "@/lib/auth/session-user";
import type { TActionResult } from "@/lib/action-result";
import { isAppError, type TErrorCode } from "@/lib/errors";
import { validationMessageKey } from "@/lib/validation";

type TActionContext = { user: TSessionUser; meta: TRequestMeta };

/**
 * Wraps a server action: re-reads the session, validates the input with zod and turns domain
 * errors into a typed result. Authorization itself happens in the domain function it calls.
 * Error strings are message keys (messages/*.json, "errors" and "validation").
 */
export function authedAction<TSchema extends z.ZodType, TResult>(
  schema: TSchema,
  handler: (input: z.output<TSchema>, context: TActionContext) => Promise<TResult>,
) {
  return async (rawInput: unknown): Promise<TActionResult<TResult>> => {
    const user = await getCurrentUser();
    if (!user) return failure("UNAUTHENTICATED", "errors.UNAUTHENTICATED");

    const parsed = schema.safeParse(rawInput, { error: validationMessageKey });
    if (!parsed.success) {
      const { fieldErrors, formErrors } = z.flattenError(parsed.error);
      return failure("VALIDATION", formErrors[0] ?? "errors.VALIDATION", fieldErrors as Record<string, string[]>);
    }

    try {
      const meta = requestMetaFrom(await headers());
      return { ok: true, data: await handler(parsed.data, { user, meta }) };
    } catch (error) {
      if (isAppError(error)) return failure(error.code, error.message, error.fieldErrors);
      console.error("Unexpected error in a server action", error);
      return failure("INTERNAL", "errors.INTERNAL");
    }
  };
}

function failure(code: TErrorCode | "INTERNAL", error: string, fieldErrors: Record<string, string[]> = {}) {
  return { ok: false as const, code, error, fieldErrors };
}

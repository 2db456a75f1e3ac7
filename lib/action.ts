import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { auditRefusal } from "@/lib/audit/refusals";
import { runWithRequestMeta } from "@/lib/audit/request-context";
import { PermissionDenied } from "@/lib/auth/permissions";
import { auditRefusedSession, getCurrentUser } from "@/lib/auth/session";
import { requestMetaFrom } from "@/lib/audit/request-meta";
import type { TRequestMeta } from "@/lib/audit/schemas";
import type { TSessionUser } from "@/lib/auth/session-user";
import { failureOf, type TActionResult } from "@/lib/action-result";
import { isAppError, type TErrorCode } from "@/lib/errors";
import { checkInput } from "@/lib/validation";
import { recordingWritesOf } from "@/lib/db/read-replica";

type TActionContext = { user: TSessionUser; meta: TRequestMeta };

/**
 * Wraps a server action: re-reads the session, validates the input with zod and turns domain
 * errors into a typed result. Authorization itself happens in the domain function it calls.
 * Error strings are message keys (messages/*.json, "errors" and "validation").
 * The handler runs with the request's address and user agent in context, so every audit entry it
 * writes says where the request came from; refused requests of a known user are audited too.
 */
export function authedAction<TSchema extends z.ZodType, TResult>(
  schema: TSchema,
  handler: (input: z.output<TSchema>, context: TActionContext) => Promise<TResult>,
) {
  return async (rawInput: unknown): Promise<TActionResult<TResult>> => {
    const requestHeaders = await headers();
    const meta = requestMetaFrom(requestHeaders);
    // A server action is posted to the page it was called from: its path says where it was used.
    const page = pathOf(requestHeaders.get("referer"));
    return runWithRequestMeta(meta, async () => {
      const user = await getCurrentUser();
      if (!user) {
        await auditRefusedSession(meta, { page });
        return failure("UNAUTHENTICATED", "errors.UNAUTHENTICATED");
      }

      const parsed = checkInput(schema, rawInput);
      if (!parsed.ok)
        return failure(
          "VALIDATION",
          parsed.formErrors[0] ?? "errors.VALIDATION",
          parsed.fieldErrors,
        );

      try {
        // A read replica then serves this user's dashboards only once it has replayed the write.
        const data = await recordingWritesOf(user, () => handler(parsed.data, { user, meta }));
        return { ok: true, data };
      } catch (error) {
        if (isAppError(error)) {
          if (error.code === "FORBIDDEN") {
            const permission = error instanceof PermissionDenied ? error.permission : "";
            await auditRefusal({
              kind: "forbidden",
              organizationId: user.organizationId,
              actorId: user.id,
              details: { permission, page },
              meta,
            });
          }
        }
        return failureOf(error, "a server action");
      }
    });
  };
}

/**
 * A server action anyone may call: the pages a single-use link opens (setup, invitation, password
 * reset, "forgot password"). The link's token, checked by the domain function, is the credential.
 */
export function publicAction<TSchema extends z.ZodType, TResult>(
  schema: TSchema,
  handler: (input: z.output<TSchema>, context: { meta: TRequestMeta }) => Promise<TResult>,
) {
  return async (rawInput: unknown): Promise<TActionResult<TResult>> => {
    const meta = requestMetaFrom(await headers());
    return runWithRequestMeta(meta, async () => {
      const parsed = checkInput(schema, rawInput);
      if (!parsed.ok)
        return failure(
          "VALIDATION",
          parsed.formErrors[0] ?? "errors.VALIDATION",
          parsed.fieldErrors,
        );
      try {
        return { ok: true, data: await handler(parsed.data, { meta }) };
      } catch (error) {
        return failureOf(error, "a public server action");
      }
    });
  };
}

function pathOf(url: string | null): string {
  if (!url) return "";
  try {
    return new URL(url).pathname.slice(0, 200);
  } catch {
    return "";
  }
}

function failure(
  code: TErrorCode | "INTERNAL",
  error: string,
  fieldErrors: Record<string, string[]> = {},
) {
  return { ok: false as const, code, error, fieldErrors };
}

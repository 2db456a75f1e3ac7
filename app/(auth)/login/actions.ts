"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { z } from "zod";
import { requestMetaFrom } from "@/lib/audit/request-meta";
import { DemoSignInDisabledError, signIn, SignInThrottledError } from "@/lib/auth/auth";
import { ZSignInInput } from "@/lib/auth/schemas";
import {
  SSO_FLOW_COOKIE,
  SSO_FLOW_PATH,
  SSO_FLOW_TTL_SECONDS,
  ssoRedirectUri,
} from "@/lib/auth/sso/flow";
import { startSsoSignIn } from "@/lib/auth/sso/sign-in";
import { ZSsoStartInput } from "@/lib/sso/schemas";
import { deploymentEnv } from "@/lib/env";
import { validationMessageKey } from "@/lib/validation";

export type TSignInState = {
  email: string;
  error?: string;
  fieldErrors?: Record<string, string[]>;
  /** Too many failed attempts: when the next one may be made. */
  throttle?: { retryAt: string; retryAfterSeconds: number };
};

export async function signInAction(
  _previous: TSignInState,
  formData: FormData,
): Promise<TSignInState> {
  const raw = { email: formData.get("email"), password: formData.get("password") };
  const email = typeof raw.email === "string" ? raw.email : "";
  const parsed = ZSignInInput.safeParse(raw, { error: validationMessageKey });
  if (!parsed.success) return { email, fieldErrors: z.flattenError(parsed.error).fieldErrors };

  try {
    await signIn("credentials", { ...parsed.data, redirectTo: "/" });
  } catch (error) {
    // A successful sign-in throws Next's redirect, which must propagate.
    if (error instanceof SignInThrottledError) {
      const retryAfterSeconds = Math.max(
        1,
        Math.ceil((error.retryAt.getTime() - Date.now()) / 1000),
      );
      return { email, throttle: { retryAt: error.retryAt.toISOString(), retryAfterSeconds } };
    }
    if (error instanceof DemoSignInDisabledError) return { email, error: "auth.demoDisabled" };
    if (error instanceof AuthError) return { email, error: "auth.invalidCredentials" };
    throw error;
  }
  return { email };
}

export type TSsoStartState = {
  email: string;
  error?: string;
  fieldErrors?: Record<string, string[]>;
};

/**
 * "Sign in with SSO": the email's domain picks the organization's identity provider, and the
 * browser goes there; the checks it must bring back travel in a sealed, short-lived cookie.
 */
export async function startSsoAction(
  _previous: TSsoStartState,
  formData: FormData,
): Promise<TSsoStartState> {
  const raw = { email: formData.get("email") };
  const email = typeof raw.email === "string" ? raw.email : "";
  const parsed = ZSsoStartInput.safeParse(raw, { error: validationMessageKey });
  if (!parsed.success) return { email, fieldErrors: z.flattenError(parsed.error).fieldErrors };

  const requestHeaders = await headers();
  const redirectUri = ssoRedirectUri(deploymentEnv().MOMENTS_PUBLIC_URL);
  const started = await startSsoSignIn(parsed.data, redirectUri, requestMetaFrom(requestHeaders));
  if (!started.ok) return { email, error: `sso.refusal.${started.reason}` };
  (await cookies()).set(SSO_FLOW_COOKIE, started.flowCookie, {
    httpOnly: true,
    sameSite: "lax",
    secure: redirectUri.startsWith("https:"),
    path: SSO_FLOW_PATH,
    maxAge: SSO_FLOW_TTL_SECONDS,
  });
  redirect(started.authorizationUrl);
}

"use server";
import { AuthError } from "next-auth";
import { z } from "zod";
import { DemoSignInDisabledError, signIn, SignInThrottledError } from "@/lib/auth/auth";
import { ZSignInInput } from "@/lib/auth/schemas";
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

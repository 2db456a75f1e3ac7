import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";
import { PASSWORD_MIN_LENGTH } from "./password-policy";

// The rules for a password someone chooses (user creation; a reset, when there is one): at least
// PASSWORD_MIN_LENGTH characters and not a commonly used password (NIST SP 800-63B §3.1.1.2).
// The list is @zxcvbn-ts/language-common's password dictionary (≈49,000 passwords ranked from
// leaked sets, MIT, maintained with zxcvbn-ts): ≈380 kB, so this module is server-only and
// never reaches the browser.

let commonPasswords: Set<string> | undefined;
function isListed(candidate: string): boolean {
  commonPasswords ??= new Set(
    dictionary["passwords-common"].map((password) => password.toLowerCase()),
  );
  return commonPasswords.has(candidate);
}

/** The shortest word worth looking up once digits and symbols around it are taken away. */
const MIN_CORE_LENGTH = 4;

/**
 * The forms a guesser tries first: the password as typed (case ignored), and the word left when
 * the digits and symbols people add around a common one are removed ("Password2024!" → "password").
 */
export function guessableForms(password: string): string[] {
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  return core !== lower && core.length >= MIN_CORE_LENGTH ? [lower, core] : [lower];
}

/** One short unit said over and over ("111111111111", "abcabcabcabc"): no list needed to guess it. */
function isRepetition(password: string): boolean {
  return /^(.{1,4})\1{2,}$/su.test(password);
}

export function isCommonPassword(password: string): boolean {
  return isRepetition(password) || guessableForms(password).some(isListed);
}

/** A new password: long enough, not too long for the hash, not common. Message keys for the form. */
export const ZNewPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { error: "validation.passwordTooShort" })
  .max(256, { error: "validation.tooLong" })
  // One message at a time: a short password is told it is short, not also that it is common.
  .refine((password) => password.length < PASSWORD_MIN_LENGTH || !isCommonPassword(password), {
    error: "security.password.common",
  });

import "server-only";
import { composeAccountMail, type TAccountMailKind } from "@/lib/mail/account-mail";
import { isMailConfigured, sendMail } from "@/lib/mail/transport";
import type { TLocale } from "@/lib/i18n/config";
import type { TIssuedLink } from "./schemas";

/**
 * Sends a link to the person it is for when mail is configured; otherwise (or when sending fails)
 * gives it back for the admin to hand over. Called after the link's transaction commits.
 */
export async function deliverLink(
  kind: TAccountMailKind,
  to: { email: string; locale: TLocale },
  link: { url: string; expiresAt: Date; organization: string },
): Promise<TIssuedLink> {
  const about = { email: to.email, expiresAt: link.expiresAt };
  if (!isMailConfigured()) return { ...about, mailed: false, link: link.url, mailFailed: false };
  try {
    await sendMail({
      to: to.email,
      ...composeAccountMail(kind, to.locale, {
        link: link.url,
        organization: link.organization,
        expires: link.expiresAt,
      }),
    });
    return { ...about, mailed: true };
  } catch (error) {
    console.error(`Could not send the ${kind} message:`, error);
    return { ...about, mailed: false, link: link.url, mailFailed: true };
  }
}

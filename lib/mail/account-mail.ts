import { createTranslator } from "next-intl";
import { REPORTING_TIME_ZONE, type TLocale } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";

// The messages that carry single-use links, in the recipient's language: subject, plain text and
// a minimal HTML body (one paragraph and the link). Pure: the strings come from the messages files.

export type TAccountMailKind = "invitation" | "passwordReset";

export type TAccountMailParams = {
  link: string;
  organization: string;
  /** When the link stops working. */
  expires: Date;
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function composeAccountMail(
  kind: TAccountMailKind,
  locale: TLocale,
  params: TAccountMailParams,
): { subject: string; text: string; html: string } {
  const t = createTranslator({
    locale,
    messages: MESSAGES[locale].accounts.mail[kind],
    timeZone: REPORTING_TIME_ZONE,
  });
  const values = { organization: params.organization, expires: params.expires };
  const subject = t("subject", values);
  const body = t("body", values);
  const footer = t("footer");
  return {
    subject,
    text: `${body}\n\n${params.link}\n\n${footer}\n`,
    html:
      `<p>${escapeHtml(body)}</p>` +
      `<p><a href="${escapeHtml(params.link)}">${escapeHtml(params.link)}</a></p>` +
      `<p style="color:#666">${escapeHtml(footer)}</p>`,
  };
}

import { z } from "zod";
import { DEMO_ORGANIZATION_SLUG } from "@/lib/auth/demo-policy";
import { ROLES } from "@/lib/auth/permissions";
import { ZNewPassword } from "@/lib/auth/password-rules";
import { LOCALES } from "@/lib/i18n/config";

// Server-only through ZNewPassword (the common-passwords list): every form here validates on the
// server, through its action.

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "validation.email" }).max(254, { error: "validation.tooLong" }));

const ZName = z
  .string()
  .trim()
  .min(1, { error: "validation.required" })
  .max(100, { error: "validation.tooLong" });

/** A token from a link: its shape only; whether it is usable is the database's answer. */
const ZLinkToken = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{20,100}$/, { error: "accounts.link.invalid" });

const ZLocaleChoice = z.enum(LOCALES);

const ZOrganizationSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, { error: "accounts.setup.slugShape" })
  .refine((slug) => slug !== DEMO_ORGANIZATION_SLUG, { error: "accounts.setup.slugTaken" });

export const ZOrganizationFields = z.object({
  organizationName: ZName,
  slug: ZOrganizationSlug,
  locale: ZLocaleChoice,
});

export const ZSetupInput = ZOrganizationFields.extend({
  token: ZLinkToken,
  adminName: ZName,
  adminEmail: ZEmail,
  password: ZNewPassword,
});
export type TSetupInput = z.input<typeof ZSetupInput>;

export const ZInvitationInput = z.object({
  email: ZEmail,
  role: z.enum(ROLES),
  locale: ZLocaleChoice,
});
export type TInvitationInput = z.input<typeof ZInvitationInput>;

export const ZInvitationRevokeInput = z.object({ invitationId: z.string().min(1).max(64) });
export type TInvitationRevokeInput = z.input<typeof ZInvitationRevokeInput>;

export const ZAcceptInvitationInput = z.object({
  token: ZLinkToken,
  name: ZName,
  password: ZNewPassword,
});
export type TAcceptInvitationInput = z.input<typeof ZAcceptInvitationInput>;

export const ZPasswordChangeInput = z.object({
  currentPassword: z
    .string()
    .min(1, { error: "validation.passwordRequired" })
    .max(1024, { error: "validation.tooLong" }),
  newPassword: ZNewPassword,
});
export type TPasswordChangeInput = z.input<typeof ZPasswordChangeInput>;

export const ZPasswordResetIssueInput = z.object({ userId: z.string().min(1).max(64) });
export type TPasswordResetIssueInput = z.input<typeof ZPasswordResetIssueInput>;

export const ZForgotPasswordInput = z.object({ email: ZEmail });
export type TForgotPasswordInput = z.input<typeof ZForgotPasswordInput>;

export const ZPasswordResetInput = z.object({ token: ZLinkToken, password: ZNewPassword });
export type TPasswordResetInput = z.input<typeof ZPasswordResetInput>;

/** What issuing a link gives the admin: whom it is for, and the link itself only when no email carried it. */
export type TIssuedLink = { email: string; expiresAt: Date } & (
  { mailed: true } | { mailed: false; link: string; mailFailed: boolean }
);

/** A pending invitation, as the admin's list shows it. */
export type TInvitationListItem = {
  id: string;
  email: string;
  role: (typeof ROLES)[number];
  createdAt: Date;
  expiresAt: Date;
  invitedBy: string | null;
};

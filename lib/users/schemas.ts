import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { ZNewPassword } from "@/lib/auth/password-rules";

const ZRole = z.enum(ROLES);

export const ZUserCreateInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "validation.email" }).max(254)),
  name: z
    .string()
    .trim()
    .min(1, { error: "validation.required" })
    .max(100, { error: "validation.tooLong" }),
  role: ZRole,
  // Server-only (the common-passwords list): the form validates on the server, through its action.
  password: ZNewPassword,
});
export type TUserCreateInput = z.infer<typeof ZUserCreateInput>;

export const ZUserRoleChangeInput = z.object({ userId: z.string().min(1).max(64), role: ZRole });
export type TUserRoleChangeInput = z.infer<typeof ZUserRoleChangeInput>;

export const ZUserActiveChangeInput = z.object({
  userId: z.string().min(1).max(64),
  isActive: z.boolean(),
});
export type TUserActiveChangeInput = z.infer<typeof ZUserActiveChangeInput>;

/** A user as the admin page shows it. */
export type TUserListItem = {
  id: string;
  email: string;
  name: string;
  role: z.infer<typeof ZRole>;
  isActive: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
};

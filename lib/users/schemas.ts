import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

const ZRole = z.enum(ROLES);

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

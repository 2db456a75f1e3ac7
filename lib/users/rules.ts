import type { TRole } from "@/lib/auth/permissions";

type TUserState = { role: TRole; isActive: boolean };

const isActiveAdmin = (user: TUserState) => user.isActive && user.role === "ADMIN";

/**
 * An organization must keep at least one active admin, or nobody could manage its users again.
 * `activeAdminCount` counts the organization's active admins before the change.
 */
export function wouldLeaveNoAdmin(
  before: TUserState,
  after: TUserState,
  activeAdminCount: number,
): boolean {
  const losesAnAdmin = isActiveAdmin(before) && !isActiveAdmin(after);
  return losesAnAdmin && activeAdminCount <= 1;
}

import { AppError } from "@/lib/errors";

// One role -> permission table. A permission not listed for a role is denied.

export const ROLES = ["ADMIN", "MANAGER", "FRONTLINE", "EXECUTIVE"] as const;
export type TRole = (typeof ROLES)[number];

export const PERMISSIONS = {
  "journey:read": ["ADMIN", "MANAGER", "FRONTLINE", "EXECUTIVE"],
  "journey:write": ["ADMIN", "MANAGER"],
  "observation:create": ["ADMIN", "MANAGER", "FRONTLINE"],
  "observation:import": ["ADMIN", "MANAGER"],
  "followup:read": ["ADMIN", "MANAGER", "FRONTLINE", "EXECUTIVE"],
  "followup:close": ["ADMIN", "MANAGER", "FRONTLINE"],
  "followup:configure": ["ADMIN", "MANAGER"],
  "apikey:manage": ["ADMIN"],
  "measure:read": ["ADMIN", "MANAGER", "EXECUTIVE"],
  "analysis:read": ["ADMIN", "MANAGER", "EXECUTIVE"],
  "project:read": ["ADMIN", "MANAGER", "EXECUTIVE"],
  "project:write": ["ADMIN", "MANAGER"],
  "control:read": ["ADMIN", "MANAGER", "EXECUTIVE"],
  "control:write": ["ADMIN", "MANAGER"],
  "promise:read": ["ADMIN", "MANAGER", "EXECUTIVE"],
  "promise:write": ["ADMIN", "MANAGER"],
  "promise:audit": ["ADMIN", "MANAGER"],
  "overview:read": ["ADMIN", "MANAGER", "EXECUTIVE"],
  "frontline:use": ["ADMIN", "MANAGER", "FRONTLINE"],
  "user:manage": ["ADMIN"],
  "sso:manage": ["ADMIN"],
  "audit:read": ["ADMIN"],
} as const satisfies Record<string, readonly TRole[]>;

export type TPermission = keyof typeof PERMISSIONS;

/** The acting user, as every domain function receives it. */
export type TActor = {
  id: string;
  organizationId: string;
  role: TRole;
};

export function can(role: TRole, permission: TPermission): boolean {
  const allowed: readonly TRole[] = PERMISSIONS[permission] ?? [];
  return allowed.includes(role);
}

/** A FORBIDDEN that names the permission missing, for the audit log of refused requests. */
export class PermissionDenied extends AppError {
  constructor(readonly permission: TPermission) {
    super("FORBIDDEN");
  }
}

export function assertCan(
  actor: TActor | null | undefined,
  permission: TPermission,
): asserts actor is TActor {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (!can(actor.role, permission)) throw new PermissionDenied(permission);
}

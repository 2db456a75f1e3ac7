import { can, type TPermission, type TRole } from "@/lib/auth/permissions";

export type TNavItem = { href: string; labelKey: string; permission: TPermission };

// The DMAIC areas in the order a user walks through them, then the role-specific ones.
const NAV_ITEMS: TNavItem[] = [
  { href: "/overview", labelKey: "nav.overview", permission: "overview:read" },
  { href: "/journeys", labelKey: "nav.journeys", permission: "journey:read" },
  { href: "/measure", labelKey: "nav.measure", permission: "measure:read" },
  { href: "/analyze", labelKey: "nav.analyze", permission: "analysis:read" },
  { href: "/improve", labelKey: "nav.improve", permission: "project:read" },
  { href: "/control", labelKey: "nav.control", permission: "control:read" },
  { href: "/promises", labelKey: "nav.promises", permission: "promise:read" },
  { href: "/frontline", labelKey: "nav.frontline", permission: "frontline:use" },
  { href: "/follow-ups", labelKey: "nav.followUps", permission: "followup:read" },
  { href: "/admin/users", labelKey: "nav.users", permission: "user:manage" },
  { href: "/admin/api-keys", labelKey: "nav.apiKeys", permission: "apikey:manage" },
  { href: "/admin/sso", labelKey: "sso.nav", permission: "sso:manage" },
  { href: "/admin/audit", labelKey: "nav.auditLog", permission: "audit:read" },
];

export function navItemsFor(role: TRole): TNavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.permission));
}

/** Where a role lands after sign-in: the frontline page for staff, the overview for the others. */
export function homePathFor(role: TRole): string {
  return role === "FRONTLINE" ? "/frontline" : "/overview";
}

import type { TRole } from "@/lib/auth/permissions";

// The demo sign-ins, printed by `npm start` and used by the browser tests.

export const DEMO_PASSWORD = "moments-demo";

export const DEMO_USERS: { email: string; name: string; role: TRole; site?: string }[] = [
  { email: "admin@demo.moments", name: "관리자 Admin", role: "ADMIN" },
  { email: "manager@demo.moments", name: "김민지 CX Manager", role: "MANAGER" },
  { email: "frontline@demo.moments", name: "이준호 Frontline", role: "FRONTLINE", site: "GANGNAM" },
  { email: "executive@demo.moments", name: "박서연 Executive", role: "EXECUTIVE" },
];

export const DEMO_SITES = [
  { code: "GANGNAM", name: "강남점 Gangnam" },
  { code: "JAMSIL", name: "잠실점 Jamsil" },
  { code: "CALLCENTER", name: "고객센터 Call centre" },
];

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
  { code: "HONGDAE", name: "홍대점 Hongdae" },
  { code: "SINCHON", name: "신촌점 Sinchon" },
  { code: "BUNDANG", name: "분당점 Bundang" },
  { code: "ILSAN", name: "일산점 Ilsan" },
  { code: "CALLCENTER", name: "고객센터 Call centre" },
];

/** Customer segments by behaviour or trend (PRODUCT.md: not only demographics). */
export const DEMO_SEGMENTS = [
  {
    nameKo: "첫 방문 고객",
    nameEn: "First-time customer",
    description: "처음 이용하는 고객 / Using us for the first time",
  },
  {
    nameKo: "재방문 고객",
    nameEn: "Repeat customer",
    description: "최근 1년에 3회 이상 이용 / Three or more visits in the past year",
  },
  {
    nameKo: "얼리어답터",
    nameEn: "Early adopter",
    description: "새 서비스를 먼저 써 보는 고객 / Tries new services first",
  },
];

/** The template of the demo journey frontline staff log against (lib/templates/catalog.ts). */
export const DEMO_JOURNEY_TEMPLATE = "hilton-hotel-stay";

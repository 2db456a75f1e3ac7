import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { requestMetaFrom } from "@/lib/audit/request-meta";
import { signIn } from "@/lib/auth/auth";
import { SSO_FLOW_COOKIE, SSO_FLOW_PATH } from "@/lib/auth/sso/flow";
import { finishSsoSignIn } from "@/lib/auth/sso/sign-in";

// Where the identity provider sends the browser back. The flow cookie is used once, whatever the
// outcome; a refusal goes back to the sign-in page, which says why.
export async function GET(request: NextRequest) {
  const cookieStore = await cookies();
  const flowCookie = cookieStore.get(SSO_FLOW_COOKIE)?.value;
  cookieStore.delete({ name: SSO_FLOW_COOKIE, path: SSO_FLOW_PATH });

  const outcome = await finishSsoSignIn(
    new URL(request.url),
    flowCookie,
    requestMetaFrom(request.headers),
  );
  if (!outcome.ok) redirect(`/login?sso=${outcome.reason}`);
  await signIn("sso", { ticket: outcome.ticket, redirectTo: "/" });
}

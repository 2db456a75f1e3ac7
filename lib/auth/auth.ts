import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authEnv } from "@/lib/env";
import { requestMetaFrom } from "@/lib/audit/request-meta";
import { signInWithPassword } from "./session-user";
import { ssoTicketProvider } from "./sso/provider";

// Auth.js v5 with email + password. Sessions are JWTs (the credentials provider requires it);
// they become revocable because lib/auth/session.ts re-reads the user and its sessionVersion
// on every request.

/**
 * A sign-in refused because of too many failed attempts (lib/auth/sign-in-throttle.ts), before
 * the password was checked. Auth.js passes an error thrown in `authorize` through to the server
 * action that called signIn; `code` is the part Auth.js would put in a redirect URL.
 */
export class SignInThrottledError extends CredentialsSignin {
  code = "throttled";
  constructor(readonly retryAt: Date) {
    super();
  }
}

declare module "next-auth" {
  interface Session {
    userId: string;
    sessionVersion: number;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authEnv().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  // A wrong password is an expected outcome (recorded in the audit log), not a server error.
  logger: {
    // A wrong password is an expected answer, not a server error. Match on `type`: the class
    // name is minified in the production build.
    error(error) {
      if (!("type" in error && error.type === "CredentialsSignin")) console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const outcome = await signInWithPassword(credentials, requestMetaFrom(request.headers));
        if (outcome.ok) {
          const { user } = outcome;
          return {
            id: user.id,
            email: user.email,
            name: user.name,
            sessionVersion: user.sessionVersion,
          };
        }
        if (outcome.reason === "throttled") throw new SignInThrottledError(outcome.retryAt);
        return null;
      },
    }),
    ssoTicketProvider,
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.userId = token.sub ?? "";
      session.sessionVersion = typeof token.sv === "number" ? token.sv : -1;
      return session;
    },
  },
}));

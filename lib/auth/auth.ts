import "server-only";
import { headers } from "next/headers";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authEnv } from "@/lib/env";
import { requestMetaFrom } from "@/lib/audit/request-meta";
import { signInWithPassword } from "./session-user";
import { endUserSession, startUserSession } from "./user-sessions";
import { ssoTicketProvider } from "./sso/provider";

// Auth.js v5 with email + password. Sessions are JWTs (the credentials provider requires it);
// each names a server-side UserSession (started at sign-in, ended at sign-out), and
// lib/auth/session.ts re-reads that session and the user's sessionVersion on every request, so a
// session ends on the server, not only in the browser.

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

/** A demo account on a server the network can reach (lib/auth/demo-policy.ts). */
export class DemoSignInDisabledError extends CredentialsSignin {
  code = "demo_disabled";
}

declare module "next-auth" {
  interface Session {
    userId: string;
    sessionVersion: number;
    sessionId: string;
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
        if (outcome.reason === "demo_disabled") throw new DemoSignInDisabledError();
        return null;
      },
    }),
    ssoTicketProvider,
  ],
  callbacks: {
    async jwt({ token, user }) {
      // `user` is present only at sign-in: the one moment a new session starts.
      if (user?.id) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
        token.sid = await startUserSession(user.id);
      }
      return token;
    },
    session({ session, token }) {
      session.userId = token.sub ?? "";
      session.sessionVersion = typeof token.sv === "number" ? token.sv : -1;
      session.sessionId = typeof token.sid === "string" ? token.sid : "";
      return session;
    },
  },
  events: {
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (typeof token?.sid !== "string" || typeof token.sub !== "string") return;
      await endUserSession(token.sid, requestMetaFrom(await headers()));
    },
  },
}));

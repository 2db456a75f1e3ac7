import Credentials from "next-auth/providers/credentials";
import { redeemSsoTicket } from "./sign-in";

/**
 * The last step of an SSO sign-in: the callback (app/(auth)/sso/callback) proved who the person
 * is and calls signIn("sso", { ticket }); the ticket is single-use and lives one minute, so
 * posting to this provider's endpoint with a guessed or replayed ticket signs nobody in.
 */
export const ssoTicketProvider = Credentials({
  id: "sso",
  credentials: { ticket: {} },
  async authorize(credentials) {
    const user = await redeemSsoTicket(credentials.ticket);
    return (
      user && {
        id: user.id,
        email: user.email,
        name: user.name,
        sessionVersion: user.sessionVersion,
      }
    );
  },
});

import { request as httpRequest } from "node:http";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { E2E_PORT } from "../../playwright.config";
import { queryE2eDatabase } from "./e2e-database";

// The client's address is the socket's, unless the socket is a trusted proxy (playwright.config.ts
// trusts 127.0.0.2): an X-Forwarded-For a client writes itself neither forges the audit log's
// address nor escapes the per-address sign-in limit. The requests leave from chosen loopback
// addresses (127.0.0.0/8 is all ours on Linux), as if from different machines.

const TRUSTED_PROXY = "127.0.0.2";

type TAnswer = { status: number; location: string; cookies: string[]; body: string };

function send(
  from: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<TAnswer> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest(
      {
        host: "127.0.0.1",
        port: E2E_PORT,
        localAddress: from,
        method: options.method ?? "GET",
        path: options.path,
        headers: options.headers,
      },
      (response) => {
        let body = "";
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            location: response.headers.location ?? "",
            cookies: (response.headers["set-cookie"] ?? []).map((cookie) => cookie.split(";")[0]!),
            body,
          }),
        );
      },
    );
    sent.on("error", reject);
    sent.end(options.body);
  });
}

/** A sign-in through Auth.js's own endpoint, from `from`, with the X-Forwarded-For given. */
async function signInFrom(from: string, forwardedFor: string, email: string): Promise<TAnswer> {
  const headers = { "x-forwarded-for": forwardedFor, "x-real-ip": forwardedFor };
  const csrf = await send(from, { path: "/api/auth/csrf", headers });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  return send(from, {
    method: "POST",
    path: "/api/auth/callback/credentials",
    headers: {
      ...headers,
      "content-type": "application/x-www-form-urlencoded",
      cookie: csrf.cookies.join("; "),
    },
    body: new URLSearchParams({ csrfToken, email, password: "not-the-password" }).toString(),
  });
}

/** An email nobody has: a failed sign-in that locks no demo account other tests use. */
const probeEmail = () => `probe-${randomUUID()}@example.com`;

async function addressesRecordedFor(email: string): Promise<string[]> {
  const rows = await queryE2eDatabase<{ ipAddress: string }>(
    `SELECT "ipAddress" FROM "AuditLog" WHERE action = 'auth.sign_in_failed'
       AND details->>'email' = $1 ORDER BY id`,
    [email],
  );
  return rows.map((row) => row.ipAddress);
}

test.describe("client addresses", () => {
  test("a forged X-Forwarded-For is ignored: the audit log records the socket's address", async () => {
    const email = probeEmail();
    await signInFrom("127.0.0.3", "203.0.113.9", email);
    expect(await addressesRecordedFor(email)).toEqual(["127.0.0.3"]);
  });

  test("a forged X-Forwarded-For does not escape the per-address sign-in limit", async () => {
    // 127.0.0.4 has used up its 300 failures of the hour.
    await queryE2eDatabase(
      `INSERT INTO "SignInThrottle" (key, "failureTimes", "consecutiveFailures", "lastFailureAt", "expiresAt")
       VALUES ('address:127.0.0.4',
               array_fill((now() AT TIME ZONE 'UTC' - interval '1 minute')::timestamp(3), ARRAY[300]),
               300, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' + interval '1 hour')
       ON CONFLICT (key) DO NOTHING`,
    );
    const email = probeEmail();
    for (const forged of ["203.0.113.10", "203.0.113.11"]) {
      const answer = await signInFrom("127.0.0.4", forged, email);
      expect(answer.location).toContain("code=throttled");
    }
    // Refused before the password was checked: no failed attempt was recorded.
    expect(await addressesRecordedFor(email)).toEqual([]);
  });

  test("behind a trusted proxy, the address the proxy forwards is the client's", async () => {
    const email = probeEmail();
    await signInFrom(TRUSTED_PROXY, "198.51.100.77", email);
    // A client's own entry comes first; the proxy appends the address it saw.
    await signInFrom(TRUSTED_PROXY, "192.0.2.66, 198.51.100.78", email);
    expect(await addressesRecordedFor(email)).toEqual(["198.51.100.77", "198.51.100.78"]);
  });
});

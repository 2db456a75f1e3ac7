// `npm run org:create -- --name "…" --slug … --admin-email …`: a new organization on this server,
// for hosts that run several. Prints a one-time link with which its first ADMIN sets a password
// (it works once, for 72 hours). Uses DATABASE_URL, or the embedded database of the data directory
// (the running one, or started for the moment).
import { userInfo } from "node:os";
import { z } from "zod";
import { startEnv } from "@/lib/env";
import { LOCALES } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";
import { migrate } from "@/lib/db/migrate";
import { openAppDatabase, type TAppDatabase } from "./lib/app-database";
import { readCliArgs } from "./lib/cli-args";
import { defaultPublicUrl } from "./lib/public-url";

const USAGE = `Usage: npm run org:create -- --name "Hana Card" --slug hana-card --admin-email admin@hana.example [--locale ko|en]
  --name         the organization's name, as people see it
  --slug         its short name: lower-case letters, digits and hyphens
  --admin-email  its first administrator, who gets the link to set a password
  --locale       its default language (ko unless said otherwise)`;

const args = readCliArgs({
  flags: {
    name: { type: "string" },
    slug: { type: "string" },
    "admin-email": { type: "string" },
    locale: { type: "string" },
  },
  schema: z.object({
    organizationName: z.string({ error: "--name is required" }),
    slug: z.string({ error: "--slug is required" }),
    adminEmail: z.string({ error: "--admin-email is required" }),
    locale: z.enum(LOCALES).default("ko"),
  }),
  usage: USAGE,
  toInput: (values) => ({
    organizationName: values.name,
    slug: values.slug,
    adminEmail: values["admin-email"],
    locale: values.locale,
  }),
});

const env = startEnv();
process.env.MOMENTS_PUBLIC_URL ??= defaultPublicUrl(env.HOSTNAME, env.PORT);
let database: TAppDatabase | undefined;
let exitCode = 0;
try {
  database = await openAppDatabase(env, {
    log: (message) => console.error(message),
    reuseRunning: true,
  });
  await migrate(database.ownerUrl, { appUrl: database.url });
  process.env.DATABASE_URL = database.url;
  // The domain modules read DATABASE_URL when first imported, hence the late imports.
  const { createOrganizationWithAdminInvitation } = await import("@/lib/accounts/organizations");
  const { isAppError } = await import("@/lib/errors");
  try {
    const created = await createOrganizationWithAdminInvitation(args, {
      ipAddress: "",
      userAgent: `npm run org:create (${userInfo().username})`.slice(0, 500),
    });
    console.log(`Organization "${args.slug}" created (${created.organizationId}).`);
    console.log(
      `Give this one-time link to ${args.adminEmail.trim().toLowerCase()}, to set a password:`,
    );
    console.log(`  ${created.url}`);
    console.log(`It works once, until ${created.expiresAt.toISOString()}.`);
  } catch (error) {
    if (!isAppError(error)) throw error;
    const reasons = Object.entries(error.fieldErrors).map(
      ([field, keys]) => `${field}: ${keys.map(englishMessage).join(" ")}`,
    );
    console.error(`Refused (${error.code}): ${reasons.join("; ") || error.message}`);
    exitCode = 1;
  }
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  exitCode = 1;
} finally {
  await database?.stop?.();
}
process.exit(exitCode);

/** A message key (e.g. "accounts.setup.slugTaken") in English; the key itself if it has no text. */
function englishMessage(key: string): string {
  const text = key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], MESSAGES.en);
  return typeof text === "string" ? text : key;
}

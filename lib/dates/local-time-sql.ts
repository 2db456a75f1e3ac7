import "server-only";
import { Prisma } from "@/lib/db/client";
import { REPORTING_TIME_ZONE } from "@/lib/i18n/config";

// Local days in SQL: the reporting time zone's days, weeks and months, not UTC's (an answer at
// 08:00 in Seoul on the 1st belongs to the 1st). The TypeScript side of the same rule is
// lib/dates/local-days.ts. The zone is a literal, not a parameter: GROUP BY must see the very
// expression the SELECT list has. Timestamps are stored as UTC without a zone: AT TIME ZONE 'UTC'
// makes them an instant first.

const ZONE = Prisma.raw(`'${REPORTING_TIME_ZONE.replace(/[^\w/+-]/g, "")}'`);

/** A stored (UTC) timestamp column as the local wall-clock time: `to_char(…, 'YYYY-MM-DD')` is its local day. */
export const localTimeOf = (column: Prisma.Sql): Prisma.Sql =>
  Prisma.sql`((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${ZONE})`;

/** Local midnight of a day, as the UTC timestamp a stored column is compared with (keeps its index usable). */
export const utcStartOf = (day: Prisma.Sql): Prisma.Sql =>
  Prisma.sql`((${day})::timestamp AT TIME ZONE ${ZONE} AT TIME ZONE 'UTC')`;

import { inject } from "vitest";

// The data layer reads DATABASE_URL when it first connects.
process.env.DATABASE_URL = inject("databaseUrl");

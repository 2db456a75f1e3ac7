import fc from "fast-check";

// Hostile input, as a browser, a script or a survey tool could send it to a boundary: server
// actions decode React's reply format (strings, numbers, bigint, Date, Map, Set, undefined…), the
// API and uploads decode JSON, whose objects may hold "__proto__" as an own key.

/** Run counts: pure properties are cheap; those that reach PostgreSQL are bounded harder. */
export const PURE_RUNS = 200;
export const DB_RUNS = 25;

const HUGE = [
  "x".repeat(200_000),
  "가".repeat(100_000),
  "\u0000".repeat(10_000),
  "😀".repeat(50_000),
];
const TRICKY = [
  "",
  " ",
  "\u0000",
  "\t\r\n",
  "\u202e\u200b\ufeff",
  "__proto__",
  "constructor",
  "prototype",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e309",
  "-0",
  "0x1F",
  "1,000",
  "１２",
  "٣",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  '=HYPERLINK("http://evil.example")',
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "../../etc/passwd",
  "2026-02-30",
  "2026-11-25T10:00:00+25:00",
  "admin@example.com\u0000",
];

export const hostileKey = fc.oneof(
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "valueOf",
    "hasOwnProperty",
    "then",
  ),
  fc.string({ maxLength: 12 }),
);

export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double()).map(String) },
);

export const hostileNumber = fc.oneof(
  fc.double(), // NaN, ±Infinity, -0 included
  fc.integer(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -Number.MAX_VALUE, Number.MIN_VALUE, 0.1 + 0.2),
);

const hostileLeaf = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
  { weight: 1, arbitrary: fc.bigInt() },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
);

/** An object whose own keys may be "__proto__" and friends (as JSON.parse would make them). */
const objectOf = <T>(keys: fc.Arbitrary<string>, values: fc.Arbitrary<T>) =>
  fc
    .array(fc.tuple(keys, values), { maxLength: 6 })
    .map((entries) => Object.fromEntries(entries) as Record<string, T>);

export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileLeaf,
    fc.array(tie("value"), { maxLength: 5 }),
    objectOf(hostileKey, tie("value")),
    fc.array(tie("value"), { maxLength: 3 }).map((values) => new Set(values)),
    fc
      .array(fc.tuple(hostileString, tie("value")), { maxLength: 3 })
      .map((entries) => new Map(entries)),
  ),
})).value;

/** JSON text of a hostile object with an own "__proto__" key: what a pollution attempt over HTTP looks like. */
export const pollutingJson = fc
  .tuple(fc.constantFrom("__proto__", "constructor"), hostileString)
  .map(
    ([key, value]) =>
      JSON.parse(
        `{"${key}":{"polluted":${JSON.stringify(value)},"prototype":{"polluted":true}}}`,
      ) as unknown,
  );

/** Nothing reached Object.prototype. */
export function assertPrototypeIntact(): void {
  const probe = {} as Record<string, unknown>;
  if ("polluted" in probe || "polluted" in Object.prototype)
    throw new Error("Object.prototype was polluted");
}

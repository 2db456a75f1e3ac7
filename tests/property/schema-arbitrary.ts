import fc from "fast-check";
import type { z } from "zod";
import { hostileKey, hostileNumber, hostileString, hostileValue } from "./arbitraries";

// Inputs shaped by a zod schema itself: its field names, enum values, literal tags, arrays,
// date and e-mail formats — each slot usually plausible and now and then hostile — so that a
// property reaches the refinements and transforms deep inside, and a good share of inputs is
// valid, not only the top-level "expected object".

type TDef = { type: string; format?: string; [key: string]: unknown };
const defOf = (schema: unknown): TDef => (schema as { _zod: { def: TDef } })._zod.def;

const MAX_DEPTH = 6;
const NOW = Date.now();
const plausibleDate = fc.date({
  min: new Date("2001-01-01T00:00:00Z"),
  max: new Date(NOW),
  noInvalidDate: true,
});

/** Usually the plausible value, one time in eight a hostile one. */
const mostly = (plausible: fc.Arbitrary<unknown>, hostile: fc.Arbitrary<unknown> = hostileValue) =>
  fc.oneof({ weight: 7, arbitrary: plausible }, { weight: 1, arbitrary: hostile });

function stringFor(def: TDef): fc.Arbitrary<unknown> {
  switch (def.format) {
    case "email":
      return fc.emailAddress();
    case "datetime":
      return plausibleDate.map((date) => date.toISOString());
    case "date":
      return plausibleDate.map((date) => date.toISOString().slice(0, 10));
    default:
      return fc.oneof(
        fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/),
        fc.string({ minLength: 1, maxLength: 30 }),
        fc.constantFrom("고객 대기 시간", "Pick-up"),
      );
  }
}

const isOptional = (schema: unknown) =>
  ["optional", "default", "prefault", "catch"].includes(defOf(schema).type);

export function arbitraryFor(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return hostileValue;
  const def = defOf(schema);
  const next = (inner: unknown) => arbitraryFor(inner as z.ZodType, depth + 1);

  switch (def.type) {
    case "string":
      return mostly(stringFor(def), hostileString);
    case "number":
    case "int":
      return mostly(
        fc.oneof(fc.integer({ min: -1, max: 12 }), fc.double({ min: 0, max: 11, noNaN: true })),
        hostileNumber,
      );
    case "boolean":
      return mostly(fc.boolean());
    case "date":
      return mostly(plausibleDate);
    case "object": {
      const shape = def.shape as Record<string, z.ZodType>;
      const fields = Object.entries(shape).map(([key, field]) =>
        fc
          .option(next(field), { nil: undefined, freq: isOptional(field) ? 2 : 20 })
          .map((value) => [key, value] as const),
      );
      const extras = fc.oneof(
        { weight: 5, arbitrary: fc.constant([]) },
        { weight: 1, arbitrary: fc.array(fc.tuple(hostileKey, hostileValue), { maxLength: 2 }) },
      );
      return mostly(
        fc
          .tuple(fc.tuple(...fields), extras)
          .map(([own, extra]) =>
            Object.fromEntries([...extra, ...own.filter(([, value]) => value !== undefined)]),
          ),
      );
    }
    case "array":
      return mostly(fc.array(next(def.element), { minLength: 1, maxLength: 3 }));
    case "pipe":
      return next(def.in);
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return fc.oneof(
        { weight: 4, arbitrary: next(def.innerType) },
        { weight: 1, arbitrary: fc.constantFrom(undefined, null) },
      );
    case "enum":
      return mostly(
        fc.constantFrom(...Object.values(def.entries as Record<string, string | number>)),
      );
    case "literal":
      return mostly(fc.constantFrom(...(def.values as unknown[])));
    case "union":
      return fc.oneof(...(def.options as z.ZodType[]).map(next));
    case "intersection":
      return fc
        .tuple(next(def.left), next(def.right))
        .map(([a, b]) =>
          a && b && typeof a === "object" && typeof b === "object" ? { ...a, ...b } : a,
        );
    case "record":
      return mostly(
        fc
          .array(fc.tuple(hostileKey, next(def.valueType)), { maxLength: 3 })
          .map((entries) => Object.fromEntries(entries)),
      );
    default:
      return hostileValue;
  }
}

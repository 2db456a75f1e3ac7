import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { navItemsFor } from "@/components/app-shell/nav-items";
import { ROLES } from "@/lib/auth/permissions";

type TMessages = { [key: string]: string | TMessages };

function keysOf(messages: TMessages, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

const { en, ko } = MESSAGES;
const enKeys = keysOf(en);
const koKeys = keysOf(ko);

describe("the Korean and English messages", () => {
  it("have the same keys", () => {
    expect(koKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
    expect(enKeys.filter((k) => !koKeys.includes(k))).toEqual([]);
  });

  it("have no empty message", () => {
    for (const [language, messages] of [
      ["en", en],
      ["ko", ko],
    ] as const) {
      for (const key of keysOf(messages)) {
        const value = key
          .split(".")
          .reduce<unknown>((node, part) => (node as TMessages)[part], messages);
        expect(String(value).trim(), `${language}: ${key}`).not.toBe("");
      }
    }
  });

  it("cover every navigation item, role, error code and validation key the code uses", () => {
    const used = [
      ...ROLES.flatMap((role) => navItemsFor(role).map((item) => item.labelKey)),
      ...ROLES.map((role) => `roles.${role}`),
      ...["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "VALIDATION", "CONFLICT", "INTERNAL"].map(
        (code) => `errors.${code}`,
      ),
      ...[
        "required",
        "invalidType",
        "tooShort",
        "tooSmall",
        "tooLong",
        "tooBig",
        "email",
        "invalidFormat",
        "invalidValue",
        "unknownField",
        "invalid",
      ].map((k) => `validation.${k}`),
    ];
    expect(used.filter((key) => !enKeys.includes(key))).toEqual([]);
  });
});

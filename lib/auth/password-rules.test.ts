import { describe, expect, it } from "vitest";
import { guessableForms, isCommonPassword, ZNewPassword } from "./password-rules";

describe("isCommonPassword", () => {
  it("finds listed passwords whatever their case", () => {
    for (const password of ["123456789012", "qwertyuiop", "QwertyUiop", "password"])
      expect(isCommonPassword(password), password).toBe(true);
  });

  it("finds a common word dressed up with digits and symbols", () => {
    for (const password of [
      "password2024!",
      "Password1234",
      "!!iloveyou!!",
      "qwertyuiop12",
      "2024sunshine",
    ])
      expect(isCommonPassword(password), password).toBe(true);
  });

  it("finds one short unit repeated", () => {
    for (const password of [
      "111111111111",
      "abcabcabcabc",
      "ㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋ",
      "1234123412341234",
    ])
      expect(isCommonPassword(password), password).toBe(true);
  });

  it("lets uncommon passwords through", () => {
    for (const password of [
      "a-long-password-1",
      "correct-horse-battery",
      "강남매장-고객경험-2026",
      "ruby tangerine lamp",
    ])
      expect(isCommonPassword(password), password).toBe(false);
  });
});

describe("guessableForms", () => {
  it("keeps a word core only when something was taken away and enough is left", () => {
    expect(guessableForms("Password2024!")).toEqual(["password2024!", "password"]);
    expect(guessableForms("password")).toEqual(["password"]);
    expect(guessableForms("ab1234567890")).toEqual(["ab1234567890"]);
  });
});

describe("ZNewPassword", () => {
  it("answers with message keys: too short, too long, common", () => {
    const issues = (password: string) =>
      ZNewPassword.safeParse(password).error?.issues.map((issue) => issue.message);
    expect(issues("short")).toEqual(["validation.passwordTooShort"]);
    expect(issues("x".repeat(257))).toContain("validation.tooLong");
    expect(issues("Password2024!")).toEqual(["security.password.common"]);
    expect(ZNewPassword.safeParse("a-long-password-1").success).toBe(true);
  });
});

import type * as core from "zod/v4/core";

// Zod issues without a message of their own become message keys under "validation" in
// messages/*.json, so that every boundary answers in the user's language. A module without zod
// itself: the browser's forms (zod/mini) and the server's schemas (zod) share it.
export function validationMessageKey(issue: core.$ZodRawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === null
        ? "validation.required"
        : "validation.invalidType";
    case "too_small":
      return issue.origin === "string" ? "validation.tooShort" : "validation.tooSmall";
    case "too_big":
      return issue.origin === "string" ? "validation.tooLong" : "validation.tooBig";
    case "invalid_format":
      return issue.format === "email" ? "validation.email" : "validation.invalidFormat";
    case "invalid_value":
      return "validation.invalidValue";
    case "unrecognized_keys":
      return "validation.unknownField";
    default:
      return "validation.invalid";
  }
}

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseInput } from "./validation";

const ZOptions = z.object({
  mapping: z.object({ columns: z.object({ nps: z.string().min(1) }) }),
  isDryRun: z.boolean(),
});

const refusalOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
};

describe("parseInput", () => {
  it("returns the parsed input when it is valid", () => {
    const input = { mapping: { columns: { nps: "Q1" } }, isDryRun: false };
    expect(parseInput(ZOptions, input)).toEqual(input);
    expect(parseInput(ZOptions, input, { fieldPaths: "whole" })).toEqual(input);
  });

  it("files a nested refusal under its top-level field, as forms show it", () => {
    expect(
      refusalOf(() => parseInput(ZOptions, { mapping: { columns: { nps: "" } } })),
    ).toMatchObject({
      name: "AppError",
      code: "VALIDATION",
      fieldErrors: { mapping: ["validation.tooShort"], isDryRun: ["validation.required"] },
    });
  });

  it("with whole field paths, files it under its whole path, and a refusal of the input itself under form", () => {
    expect(
      refusalOf(() =>
        parseInput(ZOptions, { mapping: { columns: { nps: "" } } }, { fieldPaths: "whole" }),
      ),
    ).toMatchObject({
      code: "VALIDATION",
      fieldErrors: {
        "mapping.columns.nps": ["validation.tooShort"],
        isDryRun: ["validation.required"],
      },
    });
    expect(
      refusalOf(() => parseInput(ZOptions, "nonsense", { fieldPaths: "whole" })),
    ).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { form: ["validation.invalidType"] },
    });
  });
});

// A script's command line: node's parseArgs reads the flags, a zod schema checks their values.
// A bad flag or value prints what is wrong and the usage, and exits 2; --help prints the usage.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { z } from "zod";

type TFlagValues = Record<string, string | boolean | undefined>;

export function readCliArgs<TSchema extends z.ZodType>(options: {
  flags: NonNullable<ParseArgsConfig["options"]>;
  schema: TSchema;
  usage: string;
  /** The flags' values as the schema wants them (names, negations); the values as they are when left out. */
  toInput?: (values: TFlagValues, positionals: string[]) => unknown;
  /** Arguments that are not flags (a file name) are allowed, and handed to toInput. */
  allowPositionals?: boolean;
}): z.output<TSchema> {
  let values: TFlagValues;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      options: { ...options.flags, help: { type: "boolean" } },
      strict: true,
      allowPositionals: options.allowPositionals ?? false,
    }) as { values: TFlagValues; positionals: string[] });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n\n${options.usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(options.usage);
    process.exit(0);
  }
  const parsed = options.schema.safeParse(
    options.toInput ? options.toInput(values, positionals) : values,
  );
  if (!parsed.success) {
    console.error(`${z.prettifyError(parsed.error)}\n\n${options.usage}`);
    process.exit(2);
  }
  return parsed.data;
}

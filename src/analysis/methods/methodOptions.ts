// The kinds of option a method declares, each a zod schema of the text given (the command line and a query string
// both hand over text), so one declaration validates both and its description is the --help and OpenAPI text.
import { z } from "zod";
import { isPeriod } from "../../core/index.ts";

const flags = new WeakSet<z.ZodType>();
const repeatables = new WeakSet<z.ZodType>();

/** A period such as 2019, 2019-Q1 or 2019-03. */
export function periodOption(description: string) {
  return z.string().refine(isPeriod, "must be a period such as 2019, 2019-Q1, 2019-03 or 2019-01-01").describe(description);
}

/** A whole number (up to four digits). */
export function wholeNumberOption(description: string) {
  return z.string().regex(/^\d{1,4}$/, "must be a whole number").describe(description);
}

/** A decimal number. */
export function numberOption(description: string) {
  return z.string().regex(/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/, "must be a number").describe(description);
}

/** One of a fixed set of words. */
export function choiceOption<const T extends readonly [string, ...string[]]>(choices: T, description: string) {
  return z.enum(choices, `must be ${choices.join(", ").replace(/, ([^,]*)$/, " or $1")}`).describe(description);
}

/** A yes/no switch: `--name` on the command line, `name=true|false` in a query. Optional, false when absent. */
export function flagOption(description: string) {
  const schema = z.enum(["true", "false"], "must be true or false").optional().describe(description);
  flags.add(schema);
  return schema;
}

/** A list of names: `--name A --name B` on the command line, `name=A,B` in a query. */
export function listOption(description: string) {
  const schema = z.string().regex(/^[^,]+(,[^,]+)*$/, "must be one name or several joined by \",\"").describe(description);
  repeatables.add(schema);
  return schema;
}

/** Whether an option is a flag (no value on the command line). */
export function isFlagOption(schema: z.ZodType): boolean {
  return flags.has(schema);
}

/** Whether an option may be repeated on the command line (its values joined by ","). */
export function isListOption(schema: z.ZodType): boolean {
  return repeatables.has(schema) || (schema instanceof z.ZodOptional && repeatables.has(schema.unwrap() as z.ZodType));
}

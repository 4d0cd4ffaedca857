import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { InputError, InputLimitError, excerpt, parsePeriod } from "../../../core/index.ts";
import { defaultInputLimits, formatByteCount, limitSettings } from "../input/limits.ts";

const titles = z.strictObject({ nl: z.string().min(1), fr: z.string().min(1), en: z.string().min(1) });
const column = z.string().min(1).describe("the column's name exactly as the header writes it");

const csvFormat = z.strictObject({
  type: z.literal("csv"),
  delimiter: z.string().length(1).default(",").describe("the field separator, e.g. `;`"),
  decimal: z.enum([".", ","]).default(".").describe("the decimal mark of the value column"),
  encoding: z.enum(["utf-8", "windows-1252", "latin1"]).default("utf-8"),
});
const xlsxFormat = z.strictObject({
  type: z.literal("xlsx"),
  sheet: z.string().min(1).describe("the worksheet's name"),
  headerRow: z.int().min(1).default(1).describe("the row (1-based) that holds the column names; data follow it"),
});

const inlineCode = z.strictObject({ code: z.string().min(1).regex(/^[^.]+$/, "a code cannot contain ."), label: z.string().min(1) });

/** The code lists a dimension can use: a reference list by name, or the codes written out in the description. */
export const codeListSchema = z.union([
  z.enum(["refnis", "iso2", "sex"]).describe(
    "refnis: Belgian municipalities, arrondissements, provinces, regions and BE valid on the period's first day; " +
      "iso2: countries and named country groups; sex: T, M, F"),
  z.strictObject({ inline: z.array(inlineCode).min(1) }).describe("the codes with their labels"),
]);

const dimension = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, "a dimension id is lower case, e.g. geo, citizen, sex"),
  column,
  codes: codeListSchema,
});

/** A total the agency declares: the row with `code` in `dimension` equals the sum of its parts. */
const totalSchema = z.strictObject({
  dimension: z.string().min(1),
  code: z.string().min(1),
  parts: z.union([
    z.literal("municipalities").describe("the municipalities of the file lying in the unit `code` (refnis dimensions only)"),
    z.literal("others").describe("every other code of the dimension in the file"),
    z.array(z.string().min(1)).min(1).describe("these codes"),
  ]),
});

/**
 * The YAML description an agency sends with a CSV or XLSX table (see data/deliveries/examples/). This schema
 * validates the file and documents it: each field's `describe` says what it means.
 */
export const deliveryDescriptionSchema = z.strictObject({
  dataset: z.string().regex(/^[a-z0-9_]+$/, "the dataset code is lower case letters, digits and _").describe("stored as agency:<dataset>"),
  title: titles,
  licence: z.string().min(1),
  contact: z.string().min(1).describe("who at the agency answers questions about the table"),
  unit: z.string().min(1),
  frequency: z.enum(["annual", "quarterly", "monthly", "irregular"]).default("annual"),
  format: z.discriminatedUnion("type", [csvFormat, xlsxFormat]),
  dimensions: z.array(dimension).min(1),
  period: z.union([
    z.strictObject({
      column,
      form: z.enum(["year", "quarter", "month", "day"]).describe("2024; 2024-Q1 or 2024Q1; 2024-03 or 2024M03; 2024-01-01"),
    }),
    z.strictObject({
      fixed: z.string().min(1).describe("the one period of a table without a period column, e.g. 2020-01-01 for a stock on that day"),
    }),
  ]),
  value: z.strictObject({ column }),
  flags: z.strictObject({ column }).optional().describe("Eurostat/SDMX flag letters (p, e, c, ...) per row"),
  totals: z.array(totalSchema).default([]),
  ignoredColumns: z.array(column).default([]).describe("columns for people (names, notes) that are neither checked nor loaded"),
}).superRefine((d, ctx) => {
  const ids = d.dimensions.map((x) => x.id);
  const columns = [
    ...d.dimensions.map((x) => x.column), ...("column" in d.period ? [d.period.column] : []), d.value.column,
    ...(d.flags ? [d.flags.column] : []), ...d.ignoredColumns,
  ];
  if ("fixed" in d.period) {
    try {
      parsePeriod(d.period.fixed);
    } catch {
      ctx.addIssue({ code: "custom", path: ["period", "fixed"], message: `not a period: ${excerpt(d.period.fixed)}` });
    }
  }
  // Sets, not indexOf: a description may name 100,000 ignored columns, and a pairwise check of those takes minutes
  const seenIds = new Set<string>();
  for (const [i, id] of ids.entries()) {
    if (seenIds.has(id)) ctx.addIssue({ code: "custom", path: ["dimensions", i, "id"], message: `dimension ${id} is declared twice` });
    seenIds.add(id);
  }
  const seenColumns = new Set<string>();
  for (const c of columns) {
    if (seenColumns.has(c)) ctx.addIssue({ code: "custom", path: [], message: `column ${excerpt(c)} is named twice` });
    seenColumns.add(c);
  }
  for (const [i, t] of d.totals.entries()) {
    const dim = d.dimensions.find((x) => x.id === t.dimension);
    if (!dim) ctx.addIssue({ code: "custom", path: ["totals", i, "dimension"], message: `no dimension ${t.dimension}` });
    else if (t.parts === "municipalities" && dim.codes !== "refnis") {
      ctx.addIssue({ code: "custom", path: ["totals", i, "parts"], message: "parts: municipalities needs a refnis dimension" });
    }
  }
});

/** How deep `[` and `{` may nest in a description; a real one nests three levels. */
const maxFlowNesting = 64;

/**
 * Refuses flow collections nested deeper than maxFlowNesting before the YAML parser sees them: the parser
 * recurses per level, and 20,000 levels of `[` (40 kB) end the process with a fatal out-of-memory error that no
 * catch can turn into a message. Quoted text and comments are skipped.
 */
function checkFlowNesting(text: string, source: string): void {
  let depth = 0;
  let line = 1;
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "\n") {
      line++;
      if (quote === "#") quote = "";
    } else if (quote !== "") {
      if (ch === quote && quote !== "#") quote = "";
    } else if (ch === '"' || ch === "'" || (ch === "#" && (i === 0 || /\s/.test(text[i - 1] as string)))) {
      quote = ch;
    } else if (ch === "[" || ch === "{") {
      if (++depth > maxFlowNesting) throw new InputError(source, line, `brackets nested deeper than ${maxFlowNesting} levels`);
    } else if ((ch === "]" || ch === "}") && depth > 0) {
      depth--;
    }
  }
}

export type DeliveryDescription = z.infer<typeof deliveryDescriptionSchema>;
export type DeliveryDimension = DeliveryDescription["dimensions"][number];
export type DeclaredTotal = DeliveryDescription["totals"][number];
export type CodeList = z.infer<typeof codeListSchema>;

/**
 * Reads and validates a delivery description (YAML text); `source` names the file in errors. Throws
 * InputLimitError for a text over `maxBytes` (checked before the YAML parser, which needs about 0.2 ms per
 * inline code on this machine), InputError naming the field and the problem for the first thing that does not
 * fit the schema.
 */
export function parseDeliveryDescription(text: string, source: string, maxBytes = defaultInputLimits.maxDescriptionBytes): DeliveryDescription {
  // a character is 1 to 3 UTF-8 bytes: count the bytes only when the length alone cannot decide
  if (text.length > maxBytes || (text.length * 3 > maxBytes && new TextEncoder().encode(text).byteLength > maxBytes)) {
    throw new InputLimitError(source, undefined,
      `${source} is larger than ${formatByteCount(maxBytes)}, too large for a delivery description; set ${limitSettings.maxDescriptionBytes} to raise the limit`,
      limitSettings.maxDescriptionBytes);
  }
  checkFlowNesting(text, source);
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new InputError(source, undefined, `not valid YAML (${(error as Error).message.split("\n")[0]})`);
  }
  const result = deliveryDescriptionSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? `field ${issue.path.join(".")}: ` : "the document: ";
    throw new InputError(source, undefined, `${where}${issue?.message ?? "invalid description"}`);
  }
  return result.data;
}

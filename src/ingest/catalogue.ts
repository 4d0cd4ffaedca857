import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { MigmonError, NotFoundError } from "../core/index.ts";
import { consistencyCheckSchema } from "./checks/declaration.ts";

/** A format name: one of the publisher's parsers (src/ingest/formats.ts); checked against them by `checkCatalogueFormats`. */
const formatName = z.string().regex(/^[a-z][a-z0-9-]*$/, "a format name such as tsv or sdmx-csv");

const titles = z.strictObject({ nl: z.string().min(1), fr: z.string().min(1), en: z.string().min(1) });

/** One dataset the monitor follows: data/sources.yaml, validated by this schema (it also documents the file). */
export const catalogueEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z]+:[a-z0-9_]+$/, "id is <publisher>:<code>, lower case"),
  publisher: z.enum(["eurostat", "statbel", "undesa", "unhcr", "oecd", "worldbank", "agency"]),
  code: z.string().min(1),
  title: titles,
  theme: z.enum(["flows", "stocks", "processes", "integration", "context", "geography"]),
  unit: z.string().min(1),
  frequency: z.enum(["annual", "quarterly", "monthly", "irregular"]),
  update: z.string().min(1).describe("the publisher's update cycle"),
  licence: z.string().min(1),
  page: z.url().describe("the dataset's page at the publisher, for people"),
  download: z.strictObject({
    format: formatName,
    url: z.url().optional().describe("the data URL, when the connector cannot build it from the code"),
    unavailable: z.string().min(1).optional().describe("why the dataset has no live endpoint (`update` skips it online, with this reason; `sources` shows it)"),
  }),
  coverage: z.strictObject({
    geography: z.string().min(1),
    breakdowns: z.array(z.string()),
    years: z.string().optional(),
  }),
  breaks: z.array(z.strictObject({ date: z.iso.date(), note: z.string().min(1) })).optional(),
  offline: z.strictObject({
    file: z.string().min(1),
    format: formatName,
    blocked: z.string().min(1).optional().describe("why the offline copy cannot be loaded yet (it is then skipped, with this reason)"),
  }).optional(),
  max_shrink: z.number().gt(0, "max_shrink is a share above 0").max(1, "max_shrink is a share of at most 1").optional()
    .describe("the share of the dataset's latest observations one release may remove before it is refused without --allow-shrink (default 0.5; a release that removes all of them is always refused)"),
  checks: z.array(consistencyCheckSchema).optional().describe("consistency checks `migmon check <dataset>` runs (src/ingest/checks)"),
}).refine((e) => e.id === `${e.publisher}:${e.code.toLowerCase()}`, { message: "id must be <publisher>:<code>" });

export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;

const catalogueSchema = z.strictObject({ sources: z.array(catalogueEntrySchema) });

/** The catalogue shipped with the monitor. */
export const defaultCataloguePath = fileURLToPath(new URL("../../data/sources.yaml", import.meta.url));

/**
 * Reads and validates the source catalogue. Throws MigmonError naming the file, the entry and the field for
 * anything that does not fit the schema, and for an id that occurs twice.
 */
export async function loadCatalogue(file: string = defaultCataloguePath): Promise<CatalogueEntry[]> {
  const text = await readFile(file, "utf8");
  return parseCatalogue(text, file);
}

/** Validates catalogue YAML text; `file` is used in error messages. */
export function parseCatalogue(text: string, file: string): CatalogueEntry[] {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new MigmonError(`${file}: not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  const result = catalogueSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join(".") ?? "";
    const entryIndex = typeof issue?.path[1] === "number" ? issue.path[1] : undefined;
    const entryId = entryIndex === undefined ? "" : ` (${(raw as { sources: { id?: string }[] }).sources[entryIndex]?.id ?? "?"})`;
    throw new MigmonError(`${file}: ${where}${entryId}: ${issue?.message ?? "invalid"}`);
  }
  const seen = new Set<string>();
  for (const entry of result.data.sources) {
    if (seen.has(entry.id)) throw new MigmonError(`${file}: dataset ${entry.id} is listed twice`);
    seen.add(entry.id);
  }
  return result.data.sources;
}

/** Finds a catalogue entry by id (`eurostat:migr_imm1ctz`) or bare code (`migr_imm1ctz`); NotFoundError otherwise. */
export function findEntry(catalogue: readonly CatalogueEntry[], name: string): CatalogueEntry {
  const wanted = name.toLowerCase();
  const hit = catalogue.find((e) => e.id === wanted) ?? catalogue.filter((e) => e.code.toLowerCase() === wanted)[0];
  if (!hit) throw new NotFoundError(`dataset ${JSON.stringify(name)} is not in the source catalogue (see \`migmon sources\`)`);
  return hit;
}

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { MigmonError, NotFoundError } from "../core/index.ts";
import { diversityMeasures } from "./diversity.ts";

const titles = z.strictObject({ nl: z.string().min(1), fr: z.string().min(1), en: z.string().min(1) });
const id = z.string().regex(/^[a-z][a-z0-9_]*$/, "an indicator id is lower case letters, digits and _");

import { indicatorLevels } from "./levels.ts";
import type { IndicatorLevel } from "./levels.ts";
export { indicatorLevels };
export type { IndicatorLevel };

/** How the areas of a dataset are coded: REFNIS (Statbel), NUTS of a version, or countries and EU aggregates. */
export const geoCodings = ["refnis", "nuts2016", "nuts2021", "country"] as const;

/** Where one dataset gives the figures of a count indicator, and how its dimensions are reduced to them. */
export const inputSchema = z.strictObject({
  dataset: z.string().regex(/^[a-z]+:[a-z0-9_]+$/).describe("the store's dataset id"),
  geo: z.string().min(1).describe("the dimension that holds the area"),
  coding: z.enum(geoCodings).describe("how that dimension codes areas"),
  levels: z.array(z.enum(indicatorLevels)).min(1).describe("the levels the dataset gives directly"),
  filter: z.record(z.string(), z.array(z.string().min(1)).min(1)).default({})
    .describe("dimension -> accepted codes; a dimension with several codes must also be listed in sum"),
  sum: z.array(z.string()).default([]).describe("dimensions summed over (their codes must not include a total)"),
  breakdown: z.array(z.string()).default([]).describe("dimensions kept as a breakdown of the result"),
  exclude: z.record(z.string(), z.array(z.string())).default({}).describe("breakdown codes left out (totals, aggregates)"),
  availability: z.enum(["offline", "live", "delivery"])
    .describe("offline: the file is in ../shared/data; live: only from the publisher's endpoint; delivery: an agency's table loaded with `migmon ingest agency:<code> --describe D.yaml` (data/deliveries)"),
  absentIsZero: z.boolean().default(false)
    .describe("the publisher leaves out empty cells (Statbel): an area without a row in a period the dataset has counts 0"),
  groups: z.string().min(1).optional()
    .describe("a breakdown dimension of countries (citizenship, birth, origin) summed into the nationality groups of data/reference/country-groups.yaml by the membership on the period's first day; aggregates are never summed"),
  alternative: z.boolean().default(false)
    .describe("another publisher's figure of the same concept: read only when asked for (`--dataset`), never mixed into the default series"),
});
export type IndicatorInput = z.infer<typeof inputSchema>;

const rateOptions = {
  per: z.number().positive().default(1000),
  interval: z.boolean().describe("attach the exact Poisson interval of the count (counts of events only)"),
  lowCount: z.number().int().positive().default(20).describe("counts below this are flagged u"),
};

/** How an indicator is computed: from datasets (count, published) or by a formula over other indicators. */
export const computeSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("count"), inputs: z.array(inputSchema).min(1) }),
  z.strictObject({ kind: z.literal("published"), inputs: z.array(inputSchema).min(1) }),
  z.strictObject({ kind: z.literal("rate"), count: id, population: id, ...rateOptions }),
  z.strictObject({ kind: z.literal("share"), part: id, whole: id, per: z.number().positive().default(100) }),
  z.strictObject({ kind: z.literal("balance"), plus: id, minus: id }),
  z.strictObject({ kind: z.literal("gap"), of: id, against: id }),
  z.strictObject({ kind: z.literal("diversity"), of: id, over: z.string().min(1), measure: z.enum(diversityMeasures) }),
  z.strictObject({ kind: z.literal("rank"), of: id, over: z.string().min(1), top: z.number().int().positive().max(100) })
    .describe("the `top` largest figures of a breakdown dimension per area and period, ranked 1..top (a `rank` breakdown)"),
]);
export type IndicatorCompute = z.infer<typeof computeSchema>;

/** One indicator of data/indicators/*.yaml: this schema validates the files and documents them. */
export const indicatorSchema = z.strictObject({
  id,
  theme: z.enum(["flows", "stocks", "processes", "integration", "context"]),
  topics: z.array(z.string().regex(/^[a-z]+(-[a-z]+)*$/, "a register topic such as net-migration")).default([])
    .describe("the register's topics (the `indicators` of data/events) whose events may touch this indicator"),
  title: titles,
  short: titles.describe("one sentence"),
  definition: titles.describe("exactly how the figure is made"),
  unit: z.string().min(1),
  decimals: z.number().int().min(0).max(6).optional()
    .describe("digits shown after the decimal point in tables and charts (exports keep every digit); by unit when absent, see precision.ts"),
  compute: computeSchema,
  levels: z.array(z.enum(indicatorLevels)).min(1),
  summable: z.boolean().describe("whether figures of areas may be added up (counts yes; rates and shares never)"),
  breaks: z.array(z.strictObject({ date: z.iso.date(), explanation: titles, source: z.url() })).default([]),
  quality: z.array(titles).default([]),
});
export type Indicator = z.infer<typeof indicatorSchema>;

const fileSchema = z.strictObject({ indicators: z.array(indicatorSchema) });

/** The catalogue shipped with the monitor (data/indicators). */
export const defaultIndicatorDir = fileURLToPath(new URL("../../data/indicators/", import.meta.url));

/** The indicators every formula refers to. */
export function referencesOf(compute: IndicatorCompute): string[] {
  switch (compute.kind) {
    case "count": case "published": return [];
    case "rate": return [compute.count, compute.population];
    case "share": return [compute.part, compute.whole];
    case "balance": return [compute.plus, compute.minus];
    case "gap": return [compute.of, compute.against];
    case "diversity": case "rank": return [compute.of];
  }
}

/**
 * Validates the indicators of several YAML texts (file name -> text) as one catalogue. Throws MigmonError naming
 * the file, the indicator and the field for anything outside the schema, and for a duplicate id, a formula naming
 * an unknown indicator, a cycle, a summable formula over an indicator that is not, or a rate or share declared
 * summable.
 */
export function parseIndicatorCatalogue(files: ReadonlyMap<string, string>): Indicator[] {
  const all: Indicator[] = [];
  const fileOf = new Map<string, string>();
  for (const [file, text] of files) {
    let raw: unknown;
    try {
      raw = parseYaml(text);
    } catch (error) {
      throw new MigmonError(`${file}: not valid YAML: ${(error as Error).message.split("\n")[0]}`);
    }
    const result = fileSchema.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0];
      const index = typeof issue?.path[1] === "number" ? issue.path[1] : undefined;
      const which = index === undefined ? "" : ` (${(raw as { indicators: { id?: string }[] }).indicators[index]?.id ?? "?"})`;
      throw new MigmonError(`${file}: ${issue?.path.join(".") ?? ""}${which}: ${issue?.message ?? "invalid"}`);
    }
    for (const indicator of result.data.indicators) {
      if (fileOf.has(indicator.id)) throw new MigmonError(`${file}: indicator ${indicator.id} is also defined in ${fileOf.get(indicator.id)}`);
      fileOf.set(indicator.id, file);
      all.push(indicator);
    }
  }
  const byId = new Map(all.map((i) => [i.id, i]));
  for (const indicator of all) {
    const where = `${fileOf.get(indicator.id)}: ${indicator.id}`;
    for (const ref of referencesOf(indicator.compute)) {
      if (!byId.has(ref)) throw new MigmonError(`${where}: formula refers to unknown indicator ${ref}`);
    }
    const kind = indicator.compute.kind;
    if (indicator.summable && (kind === "rate" || kind === "share" || kind === "gap" || kind === "diversity" || kind === "published" || kind === "rank")) {
      throw new MigmonError(`${where}: a ${kind} cannot be summable`);
    }
    if (indicator.summable && kind === "balance" && referencesOf(indicator.compute).some((r) => !byId.get(r)?.summable)) {
      throw new MigmonError(`${where}: a balance is summable only when both its terms are`);
    }
    if (kind === "count" || kind === "published") {
      for (const input of indicator.compute.inputs) {
        if (kind === "published" && input.sum.length > 0) throw new MigmonError(`${where}: a published figure cannot be summed over ${input.sum.join(", ")}`);
        if (indicator.compute.inputs.every((i) => i.alternative)) throw new MigmonError(`${where}: every input is an alternative; one must be read by default`);
        if (input.groups !== undefined && !input.breakdown.includes(input.groups)) throw new MigmonError(`${where}: ${input.dataset} groups ${input.groups}, which is not one of its breakdown dimensions`);
        for (const [dim, codes] of Object.entries(input.filter)) {
          if (codes.length > 1 && !input.sum.includes(dim) && !input.breakdown.includes(dim)) {
            throw new MigmonError(`${where}: ${input.dataset} filter ${dim} has several codes but ${dim} is neither summed nor a breakdown`);
          }
        }
      }
    }
  }
  const visiting = new Set<string>();
  const done = new Set<string>();
  const visit = (i: string, chain: string[]): void => {
    if (done.has(i)) return;
    if (visiting.has(i)) throw new MigmonError(`${fileOf.get(i)}: indicator formulas form a cycle: ${[...chain, i].join(" -> ")}`);
    visiting.add(i);
    for (const ref of referencesOf(byId.get(i)!.compute)) visit(ref, [...chain, i]);
    visiting.delete(i);
    done.add(i);
  };
  for (const indicator of all) visit(indicator.id, []);
  return all;
}

/** Reads and validates every `*.yaml` of a folder (data/indicators by default) as one catalogue; see parseIndicatorCatalogue. */
export async function loadIndicatorCatalogue(dir: string = defaultIndicatorDir): Promise<Indicator[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".yaml")).sort();
  const files = new Map<string, string>();
  for (const name of names) files.set(name, await readFile(path.join(dir, name), "utf8"));
  return parseIndicatorCatalogue(files);
}

/** The indicator with this id; NotFoundError naming it otherwise. */
export function findIndicator(catalogue: readonly Indicator[], wanted: string): Indicator {
  const hit = catalogue.find((i) => i.id === wanted);
  if (!hit) throw new NotFoundError(`indicator ${JSON.stringify(wanted)} is not in the catalogue (see \`migmon indicators\`)`);
  return hit;
}

/**
 * The register topics a name stands for: an indicator's declared `topics` when the name is an indicator id of the
 * catalogue, else the name itself (a topic of the register, e.g. `civic-integration-trajectories`).
 */
export function topicsOf(catalogue: readonly Indicator[], name: string): readonly string[] {
  return catalogue.find((i) => i.id === name)?.topics ?? [name];
}

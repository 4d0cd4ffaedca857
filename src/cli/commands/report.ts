import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { UsageError } from "../../core/index.ts";
import type { ReportRequest } from "../../publications/generateReports.ts";
import { publicationKinds } from "../../publications/kinds.ts";
import type { PublicationKind } from "../../publications/kinds.ts";
import type { CliContext } from "../context.ts";
import { withStore } from "../open-store.ts";
import { parseAsOf, parseLanguage } from "../options.ts";

interface ReportOptions {
  geo?: string;
  all?: boolean;
  group?: string;
  factsheet: string;
  lang: string;
  asOf?: string;
  format: string;
  out?: string;
  apiBase: string;
}

async function readEdition(dirOrFile: string, cwd: string) {
  const resolved = path.resolve(cwd, dirOrFile);
  const file = resolved.endsWith(".json") ? resolved : path.join(resolved, "edition.json");
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new UsageError(`no edition at ${dirOrFile}: give a folder written by \`migmon report\` (with its edition.json) or the edition.json itself`);
  }
  const { parseEdition } = await import("../../publications/edition.ts");
  return parseEdition(text, file);
}

/** `migmon report diff <editionA> <editionB>`: every sentence and table cell that changed, one per line on stdout. */
async function diffCommand(context: CliContext, a: string | undefined, b: string | undefined): Promise<void> {
  if (a === undefined || b === undefined) throw new UsageError("report diff needs two editions: migmon report diff <editionA> <editionB>");
  const { diffEditions } = await import("../../publications/edition.ts");
  const changes = diffEditions(await readEdition(a, context.cwd), await readEdition(b, context.cwd));
  for (const c of changes) {
    const what = c.kind === "changed" ? `${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)}` : JSON.stringify(c.after ?? c.before);
    context.stdout.write(`${c.kind}\t${c.document}\t${c.key}\t${what}\n`);
  }
  context.stderr.write(`report diff: ${changes.length} sentences and cells differ\n`);
}

/**
 * `migmon report <monitor|factsheet|profile|group|catalogue>`: the publications generated from the store in one
 * language, as HTML (and PDF) with an edition.json; `migmon report diff A B` compares two editions.
 */
export function registerReportCommand(program: Command, context: CliContext): void {
  program
    .command("report")
    .description("generate publications from the store as HTML or PDF: the monitor report, a fact sheet, municipal profiles, a group profile or the source catalogue; `report diff A B` lists what changed between two editions")
    .argument("<kind>", `${publicationKinds.join(", ")}, or diff`)
    .argument("[editions...]", "with diff: the two edition folders (or their edition.json) to compare")
    .option("--geo <code>", "profile: the municipality's REFNIS code (e.g. 11002)")
    .option("--all", "profile: every municipality on the boundaries of the latest 1 January with data")
    .option("--group <name>", "group: a group of data/publications/groups.yaml (e.g. southern-europe)")
    .option("--factsheet <name>", "factsheet: its template in data/publications/templates", "women")
    .option("--lang <lang>", "nl, fr or en", "en")
    .option("--as-of <date>", "the edition as published on this date (default: the latest releases)")
    .option("--format <format>", "html or pdf (pdf also writes the html)", "html")
    .option("--out <dir>", "output folder (default var/reports/<kind>)")
    .option("--api-base <url>", "where the query links of every figure point (a `migmon serve`)", "http://127.0.0.1:8080")
    .action(async (kind: string, editions: string[], o: ReportOptions) => {
      if (kind === "diff") return diffCommand(context, editions[0], editions[1]);
      if (!(publicationKinds as readonly string[]).includes(kind)) throw new UsageError(`unknown report kind ${JSON.stringify(kind)}: give one of ${publicationKinds.join(", ")} or diff`);
      if (editions.length > 0) throw new UsageError(`report ${kind} takes no further arguments (got ${editions.join(" ")})`);
      if (o.format !== "html" && o.format !== "pdf") throw new UsageError(`--format must be html or pdf (got ${o.format})`);
      if (o.geo !== undefined && o.all === true) throw new UsageError("give --geo or --all, not both");
      const request: ReportRequest = {
        kind: kind as PublicationKind, lang: parseLanguage(o.lang),
        ...(o.geo === undefined ? {} : { geo: o.geo }), ...(o.all === true ? { all: true } : {}),
        ...(o.group === undefined ? {} : { group: o.group }), factsheet: o.factsheet,
      };
      const asOf = parseAsOf(o.asOf) ?? null;
      const outDir = path.resolve(context.cwd, o.out ?? path.join("var", "reports", kind));
      // The publication stack (charts, maps, linkedom, Chromium's driver) is loaded when a report is made (issue 16).
      const [{ generateReports, plannedDocuments }, { reportEnvironment }, { writeDocuments }] = await Promise.all([
        import("../../publications/generateReports.ts"), import("../report/environment.ts"), import("../report/writeDocuments.ts")]);
      await withStore(context, async (store) => {
        const env = await reportEnvironment(context, store, asOf, o.apiBase);
        const names = await plannedDocuments(request, env);
        const summary = await writeDocuments(context, generateReports(request, env, names), names.length, outDir, o.format === "pdf", env.data.book, o.apiBase);
        for (const file of summary.files) context.stdout.write(`${file}\n`);
      });
    });
}

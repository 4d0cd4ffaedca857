import type { Command } from "commander";
import { MigmonError } from "../../core/index.ts";
import type { CliContext } from "../context.ts";
import { withStore } from "../open-store.ts";
import { chooseFormat, writeRows } from "../output.ts";
import type { Row } from "../output.ts";

const columns = ["check", "series", "unit", "period", "value", "compared", "difference", "missing"] as const;

/** `migmon check <dataset>`: the consistency checks the catalogue declares for a dataset, on the latest data in the store. */
export function registerCheckCommand(program: Command, context: CliContext): void {
  program
    .command("check")
    .description(
      "run the consistency checks data/sources.yaml declares for a dataset: parents equal the sum of their children " +
        "(parent-sum), a total equals another dataset's within a tolerance (cross-source). Prints one row per failure: " +
        "unit is the parent (or the matched code), compared the sum of the children (or the other dataset's value), " +
        "missing the children without a value; exit 1 when any check fails")
    .argument("<dataset>", "dataset id or code, e.g. eurostat:demo_r_gind3")
    .option("--format <format>", "table, csv or json (default: table on a terminal, csv otherwise)")
    .action(async (name: string, options: { format?: string }) => {
      const format = chooseFormat(context, options.format);
      const [{ findEntry, loadCatalogue }, { runDatasetChecks }] = await Promise.all([import("../../ingest/catalogue.ts"), import("../../ingest/checks/run.ts")]);
      const entry = findEntry(await loadCatalogue(), name);
      const outcomes = await withStore(context, (store) => runDatasetChecks(store, entry));
      const rows: Row[] = outcomes.flatMap((o) => o.failures.map((f) => ({
        check: o.label, series: f.series, unit: f.unit, period: f.period, value: f.value, compared: f.compared,
        difference: f.difference, missing: f.missing.join(" "),
      })));
      writeRows(context, columns, rows, format);
      for (const o of outcomes) {
        context.stderr.write(`${entry.id}: ${o.label}: ${o.compared} compared, ${o.failures.length} failed${o.check.note ? ` (${o.check.note})` : ""}\n`);
      }
      const failed = outcomes.reduce((n, o) => n + o.failures.length, 0);
      if (failed > 0) {
        const checks = outcomes.filter((o) => o.failures.length > 0).length;
        throw new MigmonError(`${entry.id}: ${checks} of ${outcomes.length} checks failed (${failed} failing comparisons)`);
      }
    });
}

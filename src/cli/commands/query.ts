import type { Command } from "commander";
import { makeDatasetId, splitSeriesKey } from "../../core/index.ts";
import { findEntry, loadCatalogue } from "../../ingest/catalogue.ts";
import type { CliContext } from "../context.ts";
import { withStore } from "../open-store.ts";
import { collect, parseAsOf, parsePeriodOption, parseWhere } from "../options.ts";
import { chooseFormat, writeRows } from "../output.ts";
import type { Row } from "../output.ts";
import { UsageError } from "../../core/index.ts";

/** `migmon query <dataset>`: observations, latest or as published on a date. */
export function registerQueryCommand(program: Command, context: CliContext): void {
  program
    .command("query")
    .description("print observations of a dataset: latest, or as published on a date (CSV columns: dimension codes, period, value, flags)")
    .argument("<dataset>", "dataset id or code")
    .option("--where <dim=codes>", "keep only these codes of a dimension, e.g. --where geo=BE,NL (repeatable)", collect, [])
    .option("--from <period>", "first period, e.g. 2010 or 2015-01")
    .option("--to <period>", "last period")
    .option("--as-of <date>", "as published on this date (the releases retrieved up to its end)")
    .option("--format <format>", "table, csv or json (default: table on a terminal, csv otherwise)")
    .action(async (name: string, options: { where: string[]; from?: string; to?: string; asOf?: string; format?: string }) => {
      const format = chooseFormat(context, options.format);
      const entry = findEntry(await loadCatalogue(), name);
      const id = makeDatasetId(entry.publisher, entry.code);
      const where = parseWhere(options.where);
      const from = parsePeriodOption("--from", options.from);
      const to = parsePeriodOption("--to", options.to);
      const asOf = parseAsOf(options.asOf);
      const { dimensions, observations } = await withStore(context, async (store) => {
        const dataset = await store.getDataset(id);
        for (const dim of Object.keys(where)) {
          if (!dataset.dimensions.includes(dim)) {
            throw new UsageError(`--where ${dim}: ${id} has no dimension ${dim} (dimensions: ${dataset.dimensions.join(", ")})`);
          }
        }
        const observations = await store.query({ dataset: id, where, ...(from ? { from } : {}), ...(to ? { to } : {}), ...(asOf ? { asOf } : {}) });
        return { dimensions: dataset.dimensions, observations };
      });
      const rows: Row[] = observations.map((o) => {
        const row: Record<string, string | number | null> = {};
        splitSeriesKey(o.series).forEach((code, i) => { row[dimensions[i] ?? `dim${i}`] = code; });
        row.period = o.period;
        row.value = o.value;
        row.flags = o.flags;
        row.release = o.release;
        return row;
      });
      const columns = [...dimensions, "period", "value", "flags", ...(format === "csv" ? [] : ["release"])];
      writeRows(context, columns, rows, format);
    });
}

import type { Command } from "commander";
import { splitSeriesKey } from "../../core/index.ts";
import type { ObservationQuery, StoredObservation } from "../../store/store.ts";
import type { CliContext } from "../context.ts";
import { resolveDatasetId } from "../dataset-id.ts";
import { withStore } from "../open-store.ts";
import { collect, parseAsOf, parsePeriodOption, parseWhere } from "../options.ts";
import { chooseFormat, writeRows } from "../output.ts";
import type { Row } from "../output.ts";
import { streamRows } from "../streamOutput.ts";
import { UsageError } from "../../core/index.ts";

/** Rows read from the store at a time unless --page-rows says otherwise. */
const defaultPageRows = 10_000;

function parsePageRows(text: string | undefined): number {
  if (text === undefined) return defaultPageRows;
  if (!/^[1-9]\d{0,6}$/.test(text)) throw new UsageError(`--page-rows must be a whole number from 1 to 9999999, not ${JSON.stringify(text)}`);
  return Number(text);
}

function rowOf(o: StoredObservation, dimensions: readonly string[]): Row {
  const row: Record<string, string | number | null> = {};
  splitSeriesKey(o.series).forEach((code, i) => { row[dimensions[i] ?? `dim${i}`] = code; });
  row.period = o.period;
  row.value = o.value;
  row.flags = o.flags;
  row.release = o.release;
  return row;
}

/**
 * `migmon query <dataset>`: observations, latest or as published on a date. CSV and JSON are written page by page
 * as the store reads them (Store.queryPage), so a dataset of millions of rows never sits in memory whole; a table
 * on a terminal needs every row's width first and is built whole.
 */
export function registerQueryCommand(program: Command, context: CliContext): void {
  program
    .command("query")
    .description("print observations of a dataset: latest, as loaded into this store by a date (--as-of), or as the publisher had " +
      "published it by a date (--published-as-of) (CSV columns: dimension codes, period, value, flags)")
    .argument("<dataset>", "dataset id or code: a catalogue dataset, or an agency delivery in the store (agency:<code>)")
    .option("--where <dim=codes>", "keep only these codes of a dimension, e.g. --where geo=BE,NL (repeatable)", collect, [])
    .option("--from <period>", "first period, e.g. 2010 or 2015-01")
    .option("--to <period>", "last period")
    .option("--as-of <date>", "as loaded into this store by this date or instant: the newest release retrieved by the end of it")
    .option("--published-as-of <date>", "as the publisher had published it by this date or instant: the release with the newest " +
      "publisher's last-update stamp (the releases list's source_updated_at) on or before it; releases without a stamp do not count. " +
      "Default without either: the latest release loaded")
    .option("--format <format>", "table, csv or json (default: table on a terminal, csv otherwise)")
    .option("--page-rows <n>", `rows read from the store and written at a time, which bounds memory (default ${defaultPageRows})`)
    .action(async (name: string, options: { where: string[]; from?: string; to?: string; asOf?: string; publishedAsOf?: string; format?: string; pageRows?: string }) => {
      const format = chooseFormat(context, options.format);
      const pageRows = parsePageRows(options.pageRows);
      const where = parseWhere(options.where);
      const from = parsePeriodOption("--from", options.from);
      const to = parsePeriodOption("--to", options.to);
      const asOf = parseAsOf(options.asOf);
      const publishedAsOf = parseAsOf(options.publishedAsOf, "--published-as-of");
      if (asOf && publishedAsOf) throw new UsageError("--as-of and --published-as-of exclude each other: give one");
      // Loaded when the command runs, not when the CLI starts (issue 16: --help stays light).
      const [{ walkPages }, { explainEmptyQuery }] = await Promise.all([import("../../store/walk-pages.ts"), import("../../indicators/observationRequest.ts")]);
      await withStore(context, async (store) => {
        const id = await resolveDatasetId(store, name);
        const dataset = await store.getDataset(id);
        for (const dim of Object.keys(where)) {
          if (!dataset.dimensions.includes(dim)) {
            throw new UsageError(`--where ${dim}: ${id} has no dimension ${dim} (dimensions: ${dataset.dimensions.join(", ")})`);
          }
        }
        let q: ObservationQuery = { dataset: id, where, ...(from ? { from } : {}), ...(to ? { to } : {}), ...(asOf ? { asOf } : {}),
          ...(publishedAsOf ? { publishedAsOf } : {}) };
        // An empty latest answer is explained as the API explains it: a code written another way is corrected (noted),
        // an unknown code or a period range outside the data is refused naming what there is.
        if (!asOf && !publishedAsOf && (await store.queryPage(q, { limit: 1 })).observations.length === 0) {
          const corrected = await explainEmptyQuery(store, q);
          for (const note of corrected.notes) context.stderr.write(`migmon: note: ${note}\n`);
          q = { ...q, where: corrected.where };
        }
        const { dimensions } = dataset;
        const columns = [...dimensions, "period", "value", "flags", ...(format === "csv" ? [] : ["release"])];
        let read = 0;
        const blocks = (async function* () {
          for await (const page of walkPages(store, q, pageRows)) {
            read += page.observations.length;
            yield page.observations.map((o) => rowOf(o, dimensions));
          }
        })();
        // An empty answer for a date says why, so it is not read as "the dataset has no such figures".
        const noteIfEmpty = () => {
          if (read > 0) return;
          if (asOf) context.stderr.write(`${id}: no release was loaded into this store by ${asOf}, or none has such observations (see \`migmon releases ${id}\`)\n`);
          if (publishedAsOf) context.stderr.write(`${id}: no release carries a publisher's stamp on or before ${publishedAsOf}, or none has such observations (see source_updated_at in \`migmon releases ${id}\`)\n`);
        };
        if (format === "table") {
          const rows: Row[] = [];
          for await (const block of blocks) rows.push(...block);
          writeRows(context, columns, rows, format);
          noteIfEmpty();
          return;
        }
        await streamRows(context, columns, blocks, format);
        noteIfEmpty();
      });
    });
}

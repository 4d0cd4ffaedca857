import type { Command } from "commander";
import { splitSeriesKey } from "../../core/index.ts";
import type { ReleaseId } from "../../core/index.ts";
import type { CliContext } from "../context.ts";
import { resolveDatasetId } from "../dataset-id.ts";
import { withStore } from "../open-store.ts";
import { parseReleaseId } from "../options.ts";
import { chooseFormat, writeRows } from "../output.ts";
import type { Row } from "../output.ts";

/** `migmon diff <dataset> <releaseA> <releaseB>`: what changed between two vintages. */
export function registerDiffCommand(program: Command, context: CliContext): void {
  program
    .command("diff")
    .description("what changed between two releases of a dataset: added, removed, changed value, changed flags")
    .argument("<dataset>", "dataset id or code: a catalogue dataset, or an agency delivery in the store (agency:<code>)")
    .argument("<releaseA>", "the older release number")
    .argument("<releaseB>", "the newer release number")
    .option("--format <format>", "table, csv or json (default: table on a terminal, csv otherwise)")
    .action(async (name: string, a: string, b: string, options: { format?: string }) => {
      const format = chooseFormat(context, options.format);
      const from = parseReleaseId("<releaseA>", a) as ReleaseId;
      const to = parseReleaseId("<releaseB>", b) as ReleaseId;
      const { checkDiffReleases } = await import("../../store/diff.ts");
      checkDiffReleases(from, to, { from: "<releaseA>", to: "<releaseB>" });
      const { id, dimensions, changes } = await withStore(context, async (store) => {
        const id = await resolveDatasetId(store, name);
        return { id, dimensions: (await store.getDataset(id)).dimensions, changes: await store.diff(id, from, to) };
      });
      const rows: Row[] = changes.map((c) => {
        const row: Record<string, string | number | null> = {};
        splitSeriesKey(c.series).forEach((code, i) => { row[dimensions[i] ?? `dim${i}`] = code; });
        row.period = c.period;
        row.change = c.change;
        row.value_before = c.before?.value ?? null;
        row.flags_before = c.before?.flags ?? null;
        row.value_after = c.after?.value ?? null;
        row.flags_after = c.after?.flags ?? null;
        return row;
      });
      writeRows(context, [...dimensions, "period", "change", "value_before", "flags_before", "value_after", "flags_after"], rows, format);
      context.stderr.write(`${id}: ${changes.length} changes from release ${from} to release ${to}\n`);
    });
}

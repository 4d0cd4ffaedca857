import type { Command } from "commander";
import type { CliContext } from "../context.ts";
import { resolveDatasetId } from "../dataset-id.ts";
import { withStore } from "../open-store.ts";
import { chooseFormat, writeRows } from "../output.ts";

/** `migmon releases <dataset>`: the vintages of one dataset. */
export function registerReleasesCommand(program: Command, context: CliContext): void {
  program
    .command("releases")
    .description("list the releases (vintages) of one dataset: when retrieved, the publisher's update date, what changed, the unit it was published in")
    .argument("<dataset>", "dataset id or code: a catalogue dataset, or an agency delivery in the store (agency:<code>)")
    .option("--format <format>", "table, csv or json (default: table on a terminal, csv otherwise)")
    .action(async (name: string, options: { format?: string }) => {
      const format = chooseFormat(context, options.format);
      // Each release with the unit it recorded: a later description with another unit does not relabel earlier releases.
      const releases = await withStore(context, async (store) => {
        const id = await resolveDatasetId(store, name);
        return Promise.all((await store.listReleases(id)).map(async (r) => ({ ...r, unit: (await store.getDataset(id, { release: r.id })).unit })));
      });
      const rows = releases.map((r) => ({
        release: r.id, retrieved_at: r.retrievedAt, source_updated_at: r.sourceUpdatedAt, format: r.format,
        observations: r.observations, added: r.added, changed: r.changed, removed: r.removed, unit: r.unit,
        checksum: format === "table" ? r.checksum.slice(0, 12) : r.checksum, source: r.sourceUri,
      }));
      writeRows(context, ["release", "retrieved_at", "source_updated_at", "format", "observations", "added", "changed", "removed", "unit", "checksum", "source"], rows, format);
    });
}

import type { Command } from "commander";
import type { CliContext } from "../context.ts";
import { withStore } from "../open-store.ts";
import { chooseFormat, writeRows } from "../output.ts";

/** `migmon datasets`: what the store holds. */
export function registerDatasetsCommand(program: Command, context: CliContext): void {
  program
    .command("datasets")
    .description("list the datasets in the store with their latest release")
    .option("--format <format>", "table, csv or json (default: table on a terminal, csv otherwise)")
    .action(async (options: { format?: string }) => {
      const format = chooseFormat(context, options.format);
      const summaries = await withStore(context, (store) => store.listDatasets());
      const rows = summaries.map((s) => ({
        dataset: s.dataset.id,
        dimensions: s.dataset.dimensions.join(","),
        releases: s.releases,
        latest_release: s.latestRelease?.id ?? null,
        retrieved_at: s.latestRelease?.retrievedAt ?? null,
        source_updated_at: s.latestRelease?.sourceUpdatedAt ?? null,
        observations: s.observations,
        title: s.dataset.title.en,
      }));
      writeRows(context, ["dataset", "dimensions", "releases", "latest_release", "retrieved_at", "source_updated_at", "observations", "title"], rows, format);
    });
}

import type { Command } from "commander";
import path from "node:path";
import type { CliContext } from "../context.ts";
import { withStore } from "../open-store.ts";

/** `migmon import --parquet DIR`: loads a folder written by `migmon export --parquet` into an empty store. */
export function registerImportCommand(program: Command, context: CliContext): void {
  program
    .command("import")
    .description("load a folder written by migmon export --parquet into an empty store: the same releases, versions and counts")
    .requiredOption("--parquet <dir>", "the folder holding releases.parquet and dataset=<id>/release=<n>/part.parquet")
    .action(async (options: { parquet: string }) => {
      const dir = path.resolve(context.cwd, options.parquet);
      const { importParquet } = await import("../../store/parquet-import.ts");
      const summary = await withStore(context, (store) => importParquet(store, dir, (dataset, release) => {
        context.stderr.write(`loaded ${dataset} release ${release}\n`);
      }));
      context.stdout.write(`${dir}: ${summary.datasets} datasets, ${summary.releases} releases loaded\n`);
    });
}

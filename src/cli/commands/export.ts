import type { Command } from "commander";
import path from "node:path";
import { UsageError } from "../../core/index.ts";
import type { CliContext } from "../context.ts";
import { withStore } from "../open-store.ts";

/** `migmon export --parquet DIR`: every release of the store as hive-partitioned Parquet (parquet-export.ts). */
export function registerExportCommand(program: Command, context: CliContext): void {
  program
    .command("export")
    .description("write every release of every dataset as Parquet: DIR/dataset=<id>/release=<n>/part.parquet and DIR/releases.parquet")
    .requiredOption("--parquet <dir>", "a new or empty folder to write into")
    .action(async (options: { parquet: string }) => {
      if (options.parquet === "") throw new UsageError("export --parquet: name a folder");
      const dir = path.resolve(context.cwd, options.parquet);
      const { exportParquet } = await import("../../store/parquet-export.ts");
      const summary = await withStore(context, (store) => exportParquet(store, dir, (dataset, release) => {
        context.stderr.write(`wrote ${dataset} release ${release}\n`);
      }));
      context.stdout.write(`${dir}: ${summary.datasets} datasets, ${summary.releases} releases, ${summary.observations} observation rows\n`);
    });
}

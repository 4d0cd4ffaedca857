import type { Command } from "commander";
import { MigmonError, UsageError } from "../../core/index.ts";
import type { CliContext } from "../context.ts";
import { withStore } from "../open-store.ts";
import { chooseFormat, writeRows } from "../output.ts";
import type { Row } from "../output.ts";
import { defaultOfflineDir } from "../settings.ts";

/** `migmon update`: every dataset of the catalogue, live or from the offline folder; one failure does not stop the rest. */
export function registerUpdateCommand(program: Command, context: CliContext): void {
  program
    .command("update")
    .description("ingest every dataset of the source catalogue from the publishers' live endpoints (a dataset without one is skipped " +
      "with the reason; MIGMON_<PUBLISHER>_API replaces a publisher's root, e.g. MIGMON_OECD_API), or with --offline from a folder of publisher files")
    .option("--offline [dir]", "read the publisher files from this folder (default: MIGMON_OFFLINE_DIR, or ../shared/data when it exists)")
    .option("--only <ids>", "comma-separated dataset ids or codes to update")
    .option("--format <format>", "summary as table, csv or json (default: table on a terminal, csv otherwise)")
    .option("--allow-shrink", "load releases that hold no observations or remove more of a dataset's latest observations than its " +
      "max_shrink allows (default half); without it each such dataset fails with the counts and keeps its data")
    .action(async (options: { offline?: string | boolean; only?: string; format?: string; allowShrink?: boolean }) => {
      const format = chooseFormat(context, options.format);
      let dir: string | null = null;
      if (options.offline) {
        dir = typeof options.offline === "string" ? options.offline : defaultOfflineDir(context);
        if (!dir) throw new UsageError("no offline folder: give --offline DIR or set MIGMON_OFFLINE_DIR");
      }
      // The ingest pipeline (parsers, DuckDB) is loaded when the command runs, not when the CLI starts (issue 16).
      const [{ loadCatalogue }, { NoLiveEndpointError }, { NoOfflineCopyError, describeResult, ingestEntry }] = await Promise.all([
        import("../../ingest/catalogue.ts"), import("../../ingest/live.ts"), import("../ingest-entry.ts")]);
      const wanted = options.only?.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
      const catalogue = (await loadCatalogue()).filter((e) => !wanted || wanted.includes(e.id) || wanted.includes(e.code.toLowerCase()));
      if (wanted && catalogue.length === 0) throw new UsageError(`--only matches no dataset of the catalogue: ${options.only}`);
      const rows: Row[] = [];
      let failed = 0;
      await withStore(context, async (store) => {
        for (const entry of catalogue) {
          try {
            const result = await ingestEntry(context, store, entry, dir ? { kind: "offline", dir } : { kind: "live" },
              { allowShrink: options.allowShrink === true });
            context.stderr.write(`${describeResult(entry.id, result)}\n`);
            const r = result.release;
            rows.push({ dataset: entry.id, status: result.status, release: r.id, observations: r.observations,
              added: r.added, changed: r.changed, removed: r.removed, note: null });
          } catch (error) {
            if (!(error instanceof MigmonError)) throw error;
            const skipped = error instanceof NoOfflineCopyError || error instanceof NoLiveEndpointError;
            if (!skipped) failed++;
            context.stderr.write(`${entry.id}: ${skipped ? "skipped" : "FAILED"}: ${error.message}\n`);
            rows.push({ dataset: entry.id, status: skipped ? "skipped" : "failed", release: null, observations: null,
              added: null, changed: null, removed: null, note: error.message });
          }
        }
      });
      writeRows(context, ["dataset", "status", "release", "observations", "added", "changed", "removed", "note"], rows, format);
      if (failed > 0) throw new MigmonError(`${failed} of ${catalogue.length} datasets failed (see above); the others were updated`);
    });
}

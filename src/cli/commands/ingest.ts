import { existsSync } from "node:fs";
import type { Command } from "commander";
import type { CliContext } from "../context.ts";
import type { IngestOrigin } from "../ingest-entry.ts";
import { withStore } from "../open-store.ts";
import { defaultOfflineDir } from "../settings.ts";
import { UsageError } from "../../core/index.ts";

/** The options of `migmon ingest`, as commander gives them. */
interface IngestOptions {
  readonly file?: string;
  readonly format?: string;
  readonly offline?: string | boolean;
  readonly describe?: string;
  readonly allowShrink?: boolean;
  readonly json?: boolean;
}

/** `migmon ingest <dataset>`: one new release of one dataset, from the live source or a local file. */
export function registerIngestCommand(program: Command, context: CliContext): void {
  program
    .command("ingest")
    .description("load a new release of a catalogue dataset: from the publisher's live endpoint, a local file, or the offline folder; " +
      "or an agency's CSV/XLSX table checked against its YAML description (--file F --describe D.yaml), loaded only when it has no problem")
    .argument("<dataset>", "dataset id or code, e.g. eurostat:migr_asyappctza or migr_asyappctza; agency:<code> for a delivery")
    .option("--file <path>", "a local file in any supported format (gzip allowed) instead of downloading")
    .option("--format <format>", "the file's format (tsv, sdmx-csv, jsonstat, legacy-csv, sdmx-ml); detected when not given")
    .option("--offline [dir]", "take the publisher file from the offline folder (default: MIGMON_OFFLINE_DIR or ../shared/data)")
    .option("--describe <yaml>", "an agency delivery: the YAML description of the CSV or XLSX given with --file (see data/deliveries/examples)")
    .option("--allow-shrink", "load the release even when it holds no observations or removes more of the dataset's latest observations " +
      "than its max_shrink in data/sources.yaml allows (default half); without it such a release is refused and the store left as it was")
    .option("--json", "print the release as JSON")
    .action(async (name: string, options: IngestOptions) => {
      if (options.describe !== undefined) {
        await ingestAgencyDelivery(context, name, options);
        return;
      }
      // The ingest pipeline (parsers, DuckDB) is loaded when the command runs, not when the CLI starts (issue 16).
      const [{ findEntry, loadCatalogue }, { describeResult, ingestEntry }] = await Promise.all([import("../../ingest/catalogue.ts"), import("../ingest-entry.ts")]);
      const entry = findEntry(await loadCatalogue(), name);
      const origin = originOf(context, options);
      const result = await withStore(context, (store) => ingestEntry(context, store, entry, origin, { allowShrink: options.allowShrink === true }));
      context.stdout.write(options.json
        ? `${JSON.stringify({ dataset: entry.id, status: result.status, format: result.format, release: result.release, metadataChanged: result.metadataChanged }, null, 2)}\n`
        : `${describeResult(entry.id, result)}\n`);
    });
}

function originOf(context: CliContext, options: { file?: string; format?: string; offline?: string | boolean }): IngestOrigin {
  if (options.file && options.offline) throw new UsageError("--file and --offline exclude each other");
  if (options.format && !options.file) throw new UsageError("--format goes with --file");
  if (options.file) return { kind: "file", file: options.file, ...(options.format ? { format: options.format } : {}) };
  if (options.offline) {
    const dir = typeof options.offline === "string" ? options.offline : defaultOfflineDir(context);
    if (!dir) throw new UsageError("no offline folder: give --offline DIR or set MIGMON_OFFLINE_DIR");
    return { kind: "offline", dir };
  }
  return { kind: "live" };
}

/**
 * `migmon ingest agency:<code> --file F --describe D.yaml`: the delivery is checked against its description;
 * every problem is printed on its own line (stderr, or as JSON on stdout with --json) and nothing is loaded
 * unless there is none.
 */
async function ingestAgencyDelivery(context: CliContext, name: string, options: IngestOptions): Promise<void> {
  if (!options.file) throw new UsageError("--describe goes with --file (the delivered CSV or XLSX)");
  if (options.offline || options.format) throw new UsageError("--describe excludes --offline and --format (the description states the format)");
  const file = options.file;
  const describe = options.describe as string;
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  if (!existsSync(describe)) throw new UsageError(`no such file: ${describe}`);
  const [{ DeliveryRejectedError, formatDeliveryProblem, ingestDelivery }, { inputLimitsFromEnv }, { describeResult }] = await Promise.all([
    import("../../ingest/delivery.ts"), import("../../ingest/sources/input/limits.ts"), import("../ingest-entry.ts")]);
  try {
    const result = await withStore(context, (store) => ingestDelivery({
      store, file, descriptionFile: describe, dataset: name, ...(context.now ? { now: context.now } : {}), limits: inputLimitsFromEnv(context.env),
      ...(options.allowShrink === true ? { allowShrink: true } : {}),
    }));
    const id = result.release.dataset;
    context.stdout.write(options.json
      ? `${JSON.stringify({ dataset: id, status: result.status, format: result.format, release: result.release, metadataChanged: result.metadataChanged }, null, 2)}\n`
      : `${describeResult(id, result)}\n`);
  } catch (error) {
    if (!(error instanceof DeliveryRejectedError)) throw error;
    if (options.json) context.stdout.write(`${JSON.stringify({ dataset: name, status: "rejected", problems: error.problems }, null, 2)}\n`);
    else for (const problem of error.problems) context.stderr.write(`${formatDeliveryProblem(error.file, problem)}\n`);
    throw error;
  }
}

import type { Command } from "commander";
import type { LiveEndpoint } from "../../ingest/live.ts";
import type { CliContext } from "../context.ts";
import { chooseFormat, writeRows } from "../output.ts";
import { parseLanguage } from "../options.ts";

/** `migmon sources`: the catalogue of statistical sources the monitor follows. */
export function registerSourcesCommand(program: Command, context: CliContext): void {
  program
    .command("sources")
    .description("list the statistical sources (datasets) the monitor follows, from data/sources.yaml; " +
      "the live column says yes, or no with the reason when the publisher has no live endpoint for a dataset (update skips it)")
    .option("--theme <theme>", "only one theme: flows, stocks, processes, integration, context")
    .option("--lang <lang>", "language of the titles: nl, fr or en", "en")
    .option("--format <format>", "table, csv or json (default: table on a terminal, csv otherwise)")
    .action(async (options: { theme?: string; lang: string; format?: string }) => {
      const lang = parseLanguage(options.lang);
      const format = chooseFormat(context, options.format);
      const [{ loadCatalogue }, { liveEndpointOf }] = await Promise.all([import("../../ingest/catalogue.ts"), import("../../ingest/live.ts")]);
      const catalogue = await loadCatalogue();
      const rows = catalogue
        .filter((e) => !options.theme || e.theme === options.theme)
        .map((e) => ({
          id: e.id, theme: e.theme, frequency: e.frequency, update: e.update, format: e.download.format,
          live: liveColumn(liveEndpointOf(e)), offline: e.offline ? e.offline.file : null, title: e.title[lang], page: e.page, licence: e.licence,
        }));
      const columns = format === "table" ? ["id", "theme", "frequency", "format", "live", "title"] : Object.keys(rows[0] ?? { id: "" });
      writeRows(context, columns, rows, format);
    });
}

/** `yes`, or `no: <reason>` for a dataset that `migmon update` cannot download. */
function liveColumn(endpoint: LiveEndpoint): string {
  return endpoint.available ? "yes" : `no: ${endpoint.reason}`;
}

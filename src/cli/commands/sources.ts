import type { Command } from "commander";
import { loadCatalogue } from "../../ingest/catalogue.ts";
import type { CliContext } from "../context.ts";
import { chooseFormat, writeRows } from "../output.ts";
import { parseLanguage } from "../options.ts";

/** `migmon sources`: the catalogue of statistical sources the monitor follows. */
export function registerSourcesCommand(program: Command, context: CliContext): void {
  program
    .command("sources")
    .description("list the statistical sources (datasets) the monitor follows, from data/sources.yaml")
    .option("--theme <theme>", "only one theme: flows, stocks, processes, integration, context")
    .option("--lang <lang>", "language of the titles: nl, fr or en", "en")
    .option("--format <format>", "table, csv or json (default: table on a terminal, csv otherwise)")
    .action(async (options: { theme?: string; lang: string; format?: string }) => {
      const lang = parseLanguage(options.lang);
      const format = chooseFormat(context, options.format);
      const catalogue = await loadCatalogue();
      const rows = catalogue
        .filter((e) => !options.theme || e.theme === options.theme)
        .map((e) => ({
          id: e.id, theme: e.theme, frequency: e.frequency, update: e.update, format: e.download.format,
          offline: e.offline ? e.offline.file : null, title: e.title[lang], page: e.page, licence: e.licence,
        }));
      const columns = format === "table" ? ["id", "theme", "frequency", "format", "title"] : Object.keys(rows[0] ?? { id: "" });
      writeRows(context, columns, rows, format);
    });
}

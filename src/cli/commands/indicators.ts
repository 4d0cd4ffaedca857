import type { Command } from "commander";
import { UsageError } from "../../core/index.ts";
import type { CliContext } from "../context.ts";
import { parseLanguage } from "../options.ts";
import { chooseFormat, writeRows } from "../output.ts";

const themes = ["flows", "stocks", "processes", "integration", "context"];

/** `migmon indicators`: the indicator catalogue, optionally one theme, titles in a language. */
export function registerIndicatorsCommand(program: Command, context: CliContext): void {
  program
    .command("indicators")
    .description("list the indicators of the catalogue (id, theme, title, unit, levels, summable)")
    .option("--theme <theme>", `only this theme: ${themes.join(", ")}`)
    .option("--lang <lang>", "language of the titles: nl, fr or en", "en")
    .option("--format <format>", "table, csv or json (default: table on a terminal, csv otherwise)")
    .action(async (options: { theme?: string; lang: string; format?: string }) => {
      const lang = parseLanguage(options.lang);
      const format = chooseFormat(context, options.format);
      if (options.theme !== undefined && !themes.includes(options.theme)) {
        throw new UsageError(`--theme must be one of ${themes.join(", ")}, not ${JSON.stringify(options.theme)}`);
      }
      const { loadIndicatorCatalogue } = await import("../../indicators/catalogue.ts");
      const catalogue = await loadIndicatorCatalogue();
      const rows = catalogue.filter((i) => options.theme === undefined || i.theme === options.theme).map((i) => ({
        id: i.id, theme: i.theme, title: i.title[lang], unit: i.unit, levels: i.levels.join(" "), summable: i.summable,
        data: [...new Set(i.compute.kind === "count" || i.compute.kind === "published" ? i.compute.inputs.map((x) => x.availability) : ["formula"])].join(" "),
      }));
      writeRows(context, ["id", "theme", "title", "unit", "levels", "summable", "data"], rows, format);
    });
}

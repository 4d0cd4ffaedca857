import type { Command } from "commander";
import { UsageError } from "../../core/index.ts";
import { indicatorLevels } from "../../indicators/levels.ts";
import type { IndicatorLevel } from "../../indicators/levels.ts";
import type { IndicatorResult } from "../../indicators/result.ts";
import type { CliContext } from "../context.ts";
import { indicatorFormats } from "../indicator/formats.ts";
import { withStore } from "../open-store.ts";
import { parseAsOf, parseLanguage, parsePeriodOption } from "../options.ts";

/** Keeps the `top` largest figures of each area and period (top origins); the others are left out. */
export function keepTop(result: IndicatorResult, top: number): IndicatorResult {
  const groups = new Map<string, IndicatorResult["values"][number][]>();
  for (const v of result.values) {
    const k = `${v.geo}|${v.period}`;
    groups.set(k, [...(groups.get(k) ?? []), v]);
  }
  const values = [...groups.values()].flatMap((list) => [...list].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity)).slice(0, top));
  return { ...result, values };
}

/** `migmon indicator <id>`: one indicator for areas or a level and a period range, in any output format. */
export function registerIndicatorCommand(program: Command, context: CliContext): void {
  program
    .command("indicator")
    .description("compute one indicator for areas (--geo) or a whole level (--level), with flags, intervals and notes")
    .argument("<id>", "indicator id (see `migmon indicators`)")
    .option("--geo <codes>", "areas, comma-separated: REFNIS (02000, 11002), Belgian NUTS (BE2), countries (NL), EU27_2020, or names in nl/fr/en (Gent)")
    .option("--level <level>", `every area of a level: ${indicatorLevels.join(", ")}`)
    .option("--from <period>", "first period, e.g. 2010")
    .option("--to <period>", "last period")
    .option("--as-of <date>", "as loaded into this store by this date: the newest release of each dataset retrieved by its end (latest when absent)")
    .option("--boundaries <year>", "municipal figures on the municipalities of 1 January of this year (merger crosswalk)")
    .option("--dataset <id>", "use only this input dataset of the indicator (one it reads; others are refused)")
    .option("--top <n>", "keep the n largest breakdown figures of each area and period (top origins)")
    .option("--lang <lang>", "language of exported texts: nl, fr or en", "en")
    .option("--format <format>", `${indicatorFormats.join(", ")} (default: table on a terminal, csv otherwise)`)
    .option("--out <file>", "write to this file instead of stdout")
    .action(async (id: string, o: { geo?: string; level?: string; from?: string; to?: string; asOf?: string; boundaries?: string; dataset?: string; top?: string; lang: string; format?: string; out?: string }) => {
      const lang = parseLanguage(o.lang);
      if (o.geo === undefined && o.level === undefined) throw new UsageError("give --geo CODES or --level LEVEL");
      if (o.level !== undefined && !(indicatorLevels as readonly string[]).includes(o.level)) {
        throw new UsageError(`--level must be one of ${indicatorLevels.join(", ")}, not ${JSON.stringify(o.level)}`);
      }
      if (o.boundaries !== undefined && !/^\d{4}$/.test(o.boundaries)) throw new UsageError(`--boundaries must be a year, not ${JSON.stringify(o.boundaries)}`);
      if (o.top !== undefined && !/^[1-9]\d*$/.test(o.top)) throw new UsageError(`--top must be a whole number >= 1, not ${JSON.stringify(o.top)}`);
      const from = parsePeriodOption("--from", o.from);
      const to = parsePeriodOption("--to", o.to);
      const asOf = parseAsOf(o.asOf);
      // The indicator engine and the exporters (exceljs, parquet) are loaded when the command runs (issue 16).
      const [{ answerIndicatorRequest }, { engineContext }, { tableDisplay, writeNotes }, { writeResult }] = await Promise.all([
        import("../../indicators/answerRequest.ts"), import("../indicator/engineContext.ts"), import("../indicator/tableDisplay.ts"),
        import("../indicator/writeResult.ts")]);
      const { result, display } = await withStore(context, async (store) => {
        const ctx = await engineContext(store);
        const answer = await answerIndicatorRequest(ctx, id, {
          ...(o.geo ? { geos: o.geo.split(",").map((g) => g.trim()).filter(Boolean) } : {}),
          ...(o.level ? { level: o.level as IndicatorLevel } : {}),
          ...(from ? { from } : {}), ...(to ? { to } : {}), ...(asOf ? { asOf } : {}),
          ...(o.boundaries ? { boundaries: Number(o.boundaries) } : {}),
          ...(o.dataset ? { dataset: o.dataset } : {}),
        });
        return { result: answer, display: tableDisplay(ctx, id, lang) };
      });
      writeNotes(context, result.notes);
      await writeResult(context, o.top ? keepTop(result, Number(o.top)) : result, o.format, lang, o.out, display);
    });
}

import type { Command } from "commander";
import type { CliContext } from "../context.ts";
import { indicatorFormats } from "../indicator/formats.ts";
import { withStore } from "../open-store.ts";
import { parseAsOf, parseLanguage, parsePeriodOption } from "../options.ts";

/** `migmon compare <id> --set ...`: one indicator for a comparison set, side by side. */
export function registerCompareCommand(program: Command, context: CliContext): void {
  program
    .command("compare")
    .description("compute one indicator for a comparison set: flanders-belgium-europe, municipality:<REFNIS>[:k] or codes")
    .argument("<id>", "indicator id")
    .requiredOption("--set <set>", "flanders-belgium-europe (BE2 BE1 BE3 BE NL FR DE LU EU27_2020), municipality:<REFNIS or name>[:k] (with its arrondissement, province, region, Belgium and k similar municipalities, default 5) or comma-separated codes")
    .option("--from <period>", "first period")
    .option("--to <period>", "last period")
    .option("--as-of <date>", "as loaded into this store by this date: the newest release of each dataset retrieved by its end (latest when absent)")
    .option("--lang <lang>", "language of exported texts: nl, fr or en", "en")
    .option("--format <format>", `${indicatorFormats.join(", ")} (default: table on a terminal, csv otherwise)`)
    .option("--out <file>", "write to this file instead of stdout")
    .action(async (id: string, o: { set: string; from?: string; to?: string; asOf?: string; lang: string; format?: string; out?: string }) => {
      const lang = parseLanguage(o.lang);
      // The indicator engine and the exporters (exceljs, parquet) are loaded when the command runs (issue 16).
      const [{ answerIndicatorRequest }, { readComparisonSet }, { municipalityComparisonSet }, { engineContext }, { tableDisplay, writeNotes }, { writeResult }] =
        await Promise.all([import("../../indicators/answerRequest.ts"), import("../../indicators/comparison.ts"), import("../../indicators/municipalitySet.ts"),
          import("../indicator/engineContext.ts"), import("../indicator/tableDisplay.ts"), import("../indicator/writeResult.ts")]);
      const set = readComparisonSet(o.set);
      const from = parsePeriodOption("--from", o.from);
      const to = parsePeriodOption("--to", o.to);
      const asOf = parseAsOf(o.asOf);
      const { result, display } = await withStore(context, async (store) => {
        const ctx = await engineContext(store);
        const geos = set.kind === "codes" ? set.codes : await municipalityComparisonSet(ctx, set.code, set.k);
        const answer = await answerIndicatorRequest(ctx, id, { geos, ...(from ? { from } : {}), ...(to ? { to } : {}), ...(asOf ? { asOf } : {}) });
        return { result: answer, display: tableDisplay(ctx, id, lang) };
      });
      writeNotes(context, result.notes);
      await writeResult(context, result, o.format, lang, o.out, display);
    });
}

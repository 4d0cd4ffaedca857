import { UsageError, comparePeriods } from "../core/index.ts";
import type { Period } from "../core/index.ts";
import { eurostatCountryCodes } from "../reference/areaNames.ts";
import type { ObservationQuery, Store } from "../store/store.ts";
import { NoFiguresError } from "./answerRequest.ts";

/**
 * Why a query of a dataset's observations (`migmon query`, `GET /api/datasets/{id}/observations`) came back empty,
 * said the same way for both. Called only for an empty first answer, so a query that finds rows costs nothing
 * more. A code written another way than the store writes it is corrected (a World Bank id `SM.POP.NETM` is stored
 * as `SM_POP_NETM`, because a dot separates the codes of a series key; Eurostat's `EL` is `GR`); a code the
 * dataset never had is refused naming the codes it has; a period range outside the data names the periods there
 * are; a combination of valid codes with no figure says so.
 */

/** A corrected filter to run again, with what was corrected. */
export interface CorrectedQuery {
  readonly where: Record<string, string[]>;
  readonly notes: readonly string[];
}

function listed(codes: readonly string[]): string {
  const shown = codes.slice(0, 12).join(", ");
  return codes.length > 12 ? `${shown} and ${codes.length - 12} more` : shown;
}

/** Periods as their first and last: `2009-2015`, or the one period. */
function span(periods: readonly Period[]): string {
  const sorted = [...periods].sort(comparePeriods);
  return sorted.length === 1 ? sorted[0]! : `${sorted[0]}-${sorted.at(-1)}`;
}

/** What a code may have been meant as, among the codes the dimension has. */
function correction(code: string, present: ReadonlySet<string>): { code: string; note: string } | null {
  const underscored = code.replace(/\./g, "_");
  if (underscored !== code && present.has(underscored)) return { code: underscored, note: `${code} is stored as ${underscored} (a dot separates the codes of a series key)` };
  const iso = eurostatCountryCodes.get(code);
  if (iso !== undefined && present.has(iso)) return { code: iso, note: `${code} is Eurostat's code for ${iso} (ISO 3166), as the store codes it` };
  const upper = code.toUpperCase();
  if (upper !== code && present.has(upper)) return { code: upper, note: `${code} is written ${upper}` };
  return null;
}

/**
 * Explains an empty answer to `query` (see the module comment). Returns the corrected filter when codes were
 * written another way; throws UsageError (exit 2, HTTP 400) naming unknown codes with the codes the dimension has,
 * and NoFiguresError (exit 1, HTTP 404) for a period range outside the data (naming the periods there are) or for
 * valid codes without any figure together.
 */
export async function explainEmptyQuery(store: Store, query: ObservationQuery): Promise<CorrectedQuery> {
  const version = { ...(query.asOf === undefined ? {} : { asOf: query.asOf }), ...(query.release === undefined ? {} : { release: query.release }) };
  const where: Record<string, string[]> = {};
  const notes: string[] = [];
  const unknown: string[] = [];
  for (const [dimension, codes] of Object.entries(query.where ?? {})) {
    const present = new Set((await store.sum({ dataset: query.dataset, ...version }, [dimension])).map((a) => a.codes[0]!));
    where[dimension] = [];
    for (const code of codes) {
      if (present.has(code)) {
        where[dimension].push(code);
        continue;
      }
      const fixed = correction(code, present);
      if (fixed !== null) {
        where[dimension].push(fixed.code);
        notes.push(fixed.note);
      } else {
        unknown.push(`${dimension} ${JSON.stringify(code)} (it has ${listed([...present].sort())})`);
      }
    }
  }
  if (unknown.length > 0) throw new UsageError(`${query.dataset} has no ${unknown.join("; no ")}`);
  if (notes.length > 0) return { where, notes };
  const filter = Object.entries(where).map(([d, c]) => `${d}=${c.join(",")}`).join(" ");
  const periods = [...new Set((await store.sum({ dataset: query.dataset, where, ...version }, [])).map((a) => a.period))];
  const inRange = periods.filter((p) => (query.from === undefined || comparePeriods(p, query.from) >= 0) && (query.to === undefined || comparePeriods(p, query.to) <= 0));
  const asked = `${filter === "" ? "" : ` for ${filter}`}`;
  if (periods.length > 0 && inRange.length === 0) {
    throw new NoFiguresError(`no observations of ${query.dataset}${asked} from ${query.from ?? "the start"} to ${query.to ?? "the end"}; it has ${span(periods)}`);
  }
  if (filter === "") throw new NoFiguresError(`no observations of ${query.dataset}${query.asOf === undefined && query.release === undefined ? "" : " in that version"}`);
  throw new NoFiguresError(`no observations of ${query.dataset}${asked}: these codes have no figure together`);
}

import type { DatasetId, Period, ReleaseId } from "../core/index.ts";
import { MigmonError, NotFoundError } from "../core/index.ts";

/**
 * What the impact model reads from the observation store: sums over dimensions (Store.sum has this shape) and the
 * list of datasets. Passed in by the caller (cli, server, bench, tests), since src/impact does not import the store.
 */
export interface FigureSource {
  sum(
    q: { readonly dataset: DatasetId; readonly where?: Readonly<Record<string, readonly string[]>>; readonly from?: Period; readonly to?: Period },
    keep: readonly string[],
  ): Promise<readonly { readonly codes: readonly string[]; readonly period: Period; readonly value: number | null; readonly flags: string; readonly release: ReleaseId }[]>;
  listDatasets(): Promise<readonly { readonly dataset: { readonly id: DatasetId } }[]>;
}

/** The datasets the baseline reads. */
export const baselineDatasets = {
  municipalAgeGroups: "statbel:pop_by_municipality_nationality_sex_agegroup" as DatasetId,
  temporaryProtection: "eurostat:migr_asytpsm" as DatasetId,
  asylumApplicants: "eurostat:migr_asyappctza" as DatasetId,
  civicIntegrationStarts: "agency:civic_integration_starts" as DatasetId,
};

/** Non-Belgian residents on 1 January by municipality (codes of that year), sex and Statbel age group. */
export interface MunicipalStocks {
  /** Years with a stock on 1 January, ascending. */
  readonly years: readonly number[];
  /** `refnis|sex|age_group` -> year -> persons. */
  readonly cells: ReadonlyMap<string, ReadonlyMap<number, number>>;
  readonly source: string;
}

/** A national annual series with its source. */
export interface NationalSeries {
  readonly years: readonly number[];
  readonly values: readonly number[];
  readonly source: string;
}

async function requireDataset(source: FigureSource, id: DatasetId, hint: string): Promise<void> {
  const held = await source.listDatasets();
  if (!held.some((d) => d.dataset.id === id)) throw new NotFoundError(`the store holds no ${id}; ${hint}`);
}

const releasesOf = (rows: readonly { release: ReleaseId }[]) => [...new Set(rows.map((r) => Number(r.release)))].sort((a, b) => a - b).join(", ");

/**
 * Reads the non-Belgian (ETR) population by municipality, sex and age group on 1 January of every year the store
 * holds, from Statbel's municipal file. Cells the file leaves out are absent (a municipality with no non-Belgian
 * women of an age group has no row), which the changes treat as 0.
 * @throws NotFoundError when the dataset is not loaded (with the command that loads it).
 */
export async function readMunicipalStocks(source: FigureSource): Promise<MunicipalStocks> {
  const id = baselineDatasets.municipalAgeGroups;
  await requireDataset(source, id, `load it with \`migmon update --offline --only ${id}\``);
  const rows = await source.sum({ dataset: id, where: { nationality: ["ETR"] } }, ["refnis", "sex", "age_group"]);
  const cells = new Map<string, Map<number, number>>();
  const years = new Set<number>();
  for (const r of rows) {
    if (r.value === null) continue;
    const year = Number(r.period.slice(0, 4));
    years.add(year);
    const key = r.codes.join("|");
    let byYear = cells.get(key);
    if (byYear === undefined) cells.set(key, (byYear = new Map()));
    byYear.set(year, r.value);
  }
  if (years.size < 3) throw new MigmonError(`${id} holds ${years.size} years of non-Belgian population; the baseline needs at least 3`);
  return { years: [...years].sort((a, b) => a - b), cells, source: `${id} (Statbel), non-Belgians on 1 January, release ${releasesOf(rows)}` };
}

/**
 * Reads asylum applicants in Belgium by year (all citizenships, both sexes, all ages, applicant type ASY_APP)
 * from Eurostat's migr_asyappctza.
 */
export async function readAsylumApplicants(source: FigureSource): Promise<NationalSeries> {
  const id = baselineDatasets.asylumApplicants;
  await requireDataset(source, id, `load it with \`migmon update --offline --only ${id}\``);
  const rows = await source.sum({ dataset: id, where: { geo: ["BE"], citizen: ["TOTAL"], sex: ["T"], age: ["TOTAL"], asyl_app: ["ASY_APP"] } }, []);
  const kept = rows.filter((r) => r.value !== null).sort((a, b) => a.period.localeCompare(b.period));
  return { years: kept.map((r) => Number(r.period)), values: kept.map((r) => r.value!), source: `${id} (Eurostat), Belgium, asylum applicants, release ${releasesOf(rows)}` };
}

/**
 * The size of the 2022 temporary-protection wave in Belgium: beneficiaries at the end of December 2022 from
 * Eurostat's migr_asytpsm (all citizenships in the file, both sexes, all ages). The stock started from nothing in
 * March 2022, so the December stock is the year's arrivals net of departures.
 */
export async function readTemporaryProtection2022(source: FigureSource): Promise<{ persons: number; source: string }> {
  const id = baselineDatasets.temporaryProtection;
  await requireDataset(source, id, `load it with \`migmon update --offline --only ${id}\``);
  const rows = await source.sum({ dataset: id, where: { geo: ["BE"], sex: ["T"], age: ["TOTAL"] }, from: "2022-12" as Period, to: "2022-12" as Period }, []);
  const value = rows[0]?.value ?? null;
  if (value === null) throw new MigmonError(`${id} has no figure for Belgium in 2022-12`);
  return { persons: value, source: `${id} (Eurostat), Belgium, beneficiaries of temporary protection at the end of 2022-12, release ${releasesOf(rows)}` };
}

/**
 * The yearly growth of the stock of temporary-protection beneficiaries in Belgium after the 2022 wave: December
 * stock of each year minus that of the year before, for 2023 on (years with a December figure only), from Eurostat's
 * migr_asytpsm. The stock is net of departures, so these are net arrivals.
 */
export async function readTemporaryProtectionAdditions(source: FigureSource): Promise<NationalSeries> {
  const id = baselineDatasets.temporaryProtection;
  await requireDataset(source, id, `load it with \`migmon update --offline --only ${id}\``);
  const rows = await source.sum({ dataset: id, where: { geo: ["BE"], sex: ["T"], age: ["TOTAL"] } }, []);
  const december = new Map<number, number>();
  for (const r of rows) if (r.value !== null && r.period.endsWith("-12")) december.set(Number(r.period.slice(0, 4)), r.value);
  const years: number[] = [];
  const values: number[] = [];
  for (const y of [...december.keys()].sort((a, b) => a - b)) {
    const before = december.get(y - 1);
    if (y > 2022 && before !== undefined) {
      years.push(y);
      values.push(december.get(y)! - before);
    }
  }
  return { years, values, source: `${id} (Eurostat), Belgium, growth of the December stock of temporary-protection beneficiaries ${years[0] ?? "-"}-${years.at(-1) ?? "-"}, release ${releasesOf(rows)}` };
}

/**
 * Started civic-integration trajectories by municipality in the latest year of an agency delivery, or null when no
 * delivery is loaded: the allocation key the agency's own data gives (see README, "Allocation").
 */
export async function readDeliveredStarts(source: FigureSource): Promise<{ year: number; byMunicipality: Map<string, number>; source: string } | null> {
  const id = baselineDatasets.civicIntegrationStarts;
  const held = await source.listDatasets();
  if (!held.some((d) => d.dataset.id === id)) return null;
  const rows = await source.sum({ dataset: id, where: { citizen: ["TOTAL"] } }, ["geo"]);
  const kept = rows.filter((r) => r.value !== null && /^\d{5}$/.test(r.codes[0]!) && !/000$/.test(r.codes[0]!));
  if (kept.length === 0) return null;
  const year = Math.max(...kept.map((r) => Number(r.period.slice(0, 4))));
  const byMunicipality = new Map<string, number>();
  for (const r of kept) if (Number(r.period.slice(0, 4)) === year) byMunicipality.set(r.codes[0]!, r.value!);
  return { year, byMunicipality, source: `${id} (agency delivery), started trajectories ${year}, release ${releasesOf(kept)}` };
}

/**
 * Everything the model reads from the store for a scenario: the municipal stocks, asylum applicants, the 2022
 * temporary-protection wave (when a shock is sized like it), the continuing temporary-protection arrivals (when the
 * scenario includes them) and an agency delivery of started trajectories.
 */
export async function readImpactFigures(source: FigureSource, needs: { readonly wave2022: boolean; readonly continuing: boolean }): Promise<{
  stocks: MunicipalStocks; asylum: NationalSeries; temporaryProtection2022: { persons: number; source: string } | null;
  temporaryProtectionAdditions: NationalSeries | null;
  thirdCountryShares: NationalSeries | null;
  deliveredStarts: { year: number; byMunicipality: Map<string, number>; source: string } | null;
}> {
  return {
    stocks: await readMunicipalStocks(source),
    asylum: await readAsylumApplicants(source),
    temporaryProtection2022: needs.wave2022 ? await readTemporaryProtection2022(source) : null,
    temporaryProtectionAdditions: needs.continuing ? await readTemporaryProtectionAdditions(source) : null,
    thirdCountryShares: await readThirdCountryShares(source),
    deliveredStarts: await readDeliveredStarts(source),
  };
}

/**
 * Inflows of foreign population into Belgium by year (OECD International Migration Database, measure B11, all
 * citizenships, both sexes), the national flow the back-test checks; null when oecd:df_mig is not loaded.
 */
export async function readNationalInflows(source: FigureSource): Promise<NationalSeries | null> {
  const id = "oecd:df_mig" as DatasetId;
  const held = await source.listDatasets();
  if (!held.some((d) => d.dataset.id === id)) return null;
  const rows = await source.sum({ dataset: id, where: { ref_area: ["BE"], measure: ["B11"], citizenship: ["TOTAL"], sex: ["_T"] } }, []);
  const kept = rows.filter((r) => r.value !== null).sort((a, b) => a.period.localeCompare(b.period));
  if (kept.length === 0) return null;
  return { years: kept.map((r) => Number(r.period)), values: kept.map((r) => r.value!), source: `${id} (OECD), Belgium, inflows of foreign population, release ${releasesOf(rows)}` };
}

/**
 * The share of third-country nationals among foreign immigrants to Belgium by year, from Eurostat's immigration by
 * citizenship (the third-party long table of migr_imm1ctz, `eurostat:migr_imm1ctz_derived`), with the publisher's
 * own aggregates: (NEU27_2020_FOR - EFTA_FOR) / (EU27_2020_FOR + NEU27_2020_FOR), i.e. citizens of countries outside
 * the EU27 (from 2020) and EFTA over all foreign citizens (unknown citizenship counts as third-country, stateless
 * persons are left out). Null when the dataset is not loaded or holds none of these years.
 */
export async function readThirdCountryShares(source: FigureSource): Promise<NationalSeries | null> {
  const id = "eurostat:migr_imm1ctz_derived" as DatasetId;
  const held = await source.listDatasets();
  if (!held.some((d) => d.dataset.id === id)) return null;
  const rows = await source.sum({ dataset: id, where: { geo: ["BE"], citizen: ["EU27_2020_FOR", "NEU27_2020_FOR", "EFTA_FOR"] } }, ["citizen"]);
  const byYear = new Map<number, Map<string, number>>();
  for (const r of rows) {
    if (r.value === null) continue;
    const y = Number(r.period.slice(0, 4));
    if (!byYear.has(y)) byYear.set(y, new Map());
    byYear.get(y)!.set(r.codes[0]!, r.value);
  }
  const years: number[] = [];
  const values: number[] = [];
  for (const y of [...byYear.keys()].sort((a, b) => a - b)) {
    const m = byYear.get(y)!;
    const eu = m.get("EU27_2020_FOR");
    const neu = m.get("NEU27_2020_FOR");
    const efta = m.get("EFTA_FOR");
    if (eu === undefined || neu === undefined || efta === undefined || eu + neu <= 0) continue;
    years.push(y);
    values.push((neu - efta) / (eu + neu));
  }
  if (years.length === 0) return null;
  return { years, values, source: `${id} (Eurostat migr_imm1ctz, long table by a third party), Belgium, (NEU27_2020_FOR - EFTA_FOR) / (EU27_2020_FOR + NEU27_2020_FOR), release ${releasesOf(rows)}` };
}

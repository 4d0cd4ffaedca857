import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import type { Lang } from "../../src/i18n/index.ts";
import type { ChartEvent, ChoroplethInput, LineChartInput, LineSeries, MapShape, MapValue } from "../../src/charts/index.ts";
import type { BoundaryLayer } from "../../src/reference/boundaries.ts";
import { loadBoundaries } from "../../src/reference/boundaries.ts";
import { sharedData, sharedDataDir } from "../shared-data.ts";

/**
 * Inputs of the chart tests built from the real publisher files in ../shared/data, read here by a route of
 * their own (not the project's parsers), and the register events copied in test/fixtures/charts/events.json.
 */

interface FixtureEvent {
  readonly id: string;
  readonly date: string;
  readonly kind: ChartEvent["kind"];
  readonly direction: ChartEvent["direction"];
  readonly checked: boolean;
  readonly title: Record<Lang, string>;
  readonly summary: Record<Lang, string>;
  readonly source: string;
}

const fixtureEvents = (JSON.parse(readFileSync(new URL("../fixtures/charts/events.json", import.meta.url), "utf8")) as { events: FixtureEvent[] }).events;

/** Register events by id, in a language. */
export function registerEvents(ids: readonly string[], lang: Lang): ChartEvent[] {
  return ids.map((id) => {
    const e = fixtureEvents.find((x) => x.id === id);
    if (e === undefined) throw new Error(`no event ${id} in test/fixtures/charts/events.json`);
    return { date: e.date, label: e.title[lang], kind: e.kind, direction: e.direction, checked: e.checked, summary: e.summary[lang], source: e.source };
  });
}

/**
 * The CNMIGRAT rows (net migration incl. statistical adjustment) of demo_r_gind3 for some geo codes, from the
 * Eurostat bulk TSV: `:` is a missing value, a letter after the figure is its flag (`43110 b`).
 */
export function netMigrationSeries(codes: readonly string[], labels: Readonly<Record<string, string>>): LineSeries[] {
  const lines = readFileSync(sharedData("eurostat/bulk-tsv/demo_r_gind3_CNMIGRAT_subset.tsv"), "utf8").split("\n");
  const years = (lines[0] as string).split("\t").slice(1).map((y) => y.trim());
  return codes.map((code) => {
    const line = lines.find((l) => l.startsWith(`CNMIGRAT,${code}\t`));
    if (line === undefined) throw new Error(`no CNMIGRAT row for ${code}`);
    const cells = line.split("\t").slice(1);
    const points = cells.map((cell, i) => {
      const m = /^\s*(:|-?\d+(?:\.\d+)?)\s*([a-z]*)\s*$/.exec(cell);
      if (!m) throw new Error(`unreadable cell ${JSON.stringify(cell)} for ${code}`);
      return { period: years[i] as string, value: m[1] === ":" ? null : Number(m[1]), flags: m[2] as string };
    });
    return { key: code, label: labels[code] ?? code, points };
  });
}

const monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * Monthly asylum applications lodged in Belgium by citizens of some countries, from the UNHCR PopStats export
 * (no header: asylum country, origin, year, month name, value); `*` is a value suppressed to protect small
 * counts: null with flag c, as the project's UNHCR parser reads it.
 */
export function belgianAsylumMonthly(origins: readonly string[], labels: Readonly<Record<string, string>>): LineSeries[] {
  const text = gunzipSync(readFileSync(sharedData("unhcr/unhcr_popstats_asylum_seekers_monthly_2012-2017_noheader.csv.gz"))).toString("utf8");
  const records = parse(text, { relax_column_count: false }) as string[][];
  return origins.map((origin) => {
    const points = records
      .filter((r) => r[0] === "Belgium" && r[1] === origin)
      .map((r) => {
        const month = monthNames.indexOf(r[3] as string) + 1;
        const suppressed = (r[4] as string).trim() === "*";
        return { period: `${r[2]}-${String(month).padStart(2, "0")}`, value: suppressed ? null : Number(r[4]), flags: suppressed ? "c" : "" };
      })
      .sort((a, b) => (a.period < b.period ? -1 : 1));
    if (points.length === 0) throw new Error(`no Belgian rows for origin ${origin}`);
    return { key: origin, label: labels[origin] ?? origin, points };
  });
}

const areaNames: Record<Lang, Record<string, string>> = {
  nl: { BE: "België", BE1: "Brussels Hoofdstedelijk Gewest", BE2: "Vlaams Gewest", BE3: "Waals Gewest", Ukraine: "Oekraïne", Armenia: "Armenië" },
  fr: { BE: "Belgique", BE1: "Région de Bruxelles-Capitale", BE2: "Région flamande", BE3: "Région wallonne", Ukraine: "Ukraine", Armenia: "Arménie" },
  en: { BE: "Belgium", BE1: "Brussels-Capital Region", BE2: "Flemish Region", BE3: "Walloon Region", Ukraine: "Ukraine", Armenia: "Armenia" },
};

const netMigrationUnit: Record<Lang, string> = { nl: "personen (netto migratie)", fr: "personnes (migration nette)", en: "persons (net migration)" };
const netMigrationTitle: Record<Lang, string> = {
  nl: "Netto migratie (incl. statistische correctie), België en gewesten, 2000-2019",
  fr: "Migration nette (y compris ajustement statistique), Belgique et régions, 2000-2019",
  en: "Net migration (incl. statistical adjustment), Belgium and regions, 2000-2019",
};
const asylumUnit: Record<Lang, string> = { nl: "asielaanvragen per maand", fr: "demandes d’asile par mois", en: "asylum applications per month" };
const asylumTitle: Record<Lang, string> = {
  nl: "Asielaanvragen in België door burgers van Oekraïne en Armenië, 2012-2017",
  fr: "Demandes d’asile en Belgique de citoyens d’Ukraine et d’Arménie, 2012-2017",
  en: "Asylum applications in Belgium by citizens of Ukraine and Armenia, 2012-2017",
};

/** Net migration of Belgium and its three regions (demo_r_gind3, 2000-2019) with two register events. */
export function netMigrationChart(lang: Lang): LineChartInput {
  return {
    series: netMigrationSeries(["BE", "BE1", "BE2", "BE3"], areaNames[lang]),
    events: registerEvents(["federal-2011-family-reunification-reform", "walloon-2014-reception-pathway"], lang),
    unit: netMigrationUnit[lang],
    title: netMigrationTitle[lang],
    lang,
  };
}

/** Monthly asylum applications in Belgium by Ukrainians and Armenians (UNHCR, 2012-2017) with two events. */
export function asylumMonthlyChart(lang: Lang): LineChartInput {
  return {
    series: belgianAsylumMonthly(["Ukraine", "Armenia"], areaNames[lang]),
    events: registerEvents(["federal-2015-asylum-influx", "eu-2016-eu-turkey-statement"], lang),
    unit: asylumUnit[lang],
    title: asylumTitle[lang],
    lang,
  };
}

/** Shapes of a boundary layer from the real TopoJSON files, through the project's loader (RFC 7946 winding). */
export function boundaryShapes(layer: BoundaryLayer): MapShape[] {
  let shapes = shapeCache.get(layer);
  if (shapes === undefined) {
    shapes = [...loadBoundaries(sharedDataDir, layer).values()];
    shapeCache.set(layer, shapes);
  }
  return shapes;
}

const shapeCache = new Map<BoundaryLayer, MapShape[]>();

const populationUnit: Record<Lang, string> = { nl: "inwoners", fr: "habitants", en: "inhabitants" };
const populationTitle: Record<Lang, string> = {
  nl: "Bevolking op 1 januari 2020 per gemeente (grenzen van 2019)",
  fr: "Population au 1er janvier 2020 par commune (limites de 2019)",
  en: "Population on 1 January 2020 by municipality (2019 boundaries)",
};

/**
 * The 581 Belgian municipalities of 2019 with their population on 1 January 2020, the `population` property of
 * the TopoJSON (Statbel figures), named in the language (Dutch names in nl and en, French names in fr).
 */
export function municipalPopulationMap(lang: Lang): ChoroplethInput {
  const shapes = boundaryShapes("municipalities");
  const values: Record<string, MapValue> = {};
  const names: Record<string, string> = {};
  for (const s of shapes) {
    const p = s.properties;
    if (typeof p.population !== "number") throw new Error(`municipality ${p.code} has no population`);
    values[p.code] = { value: p.population, flags: "" };
    names[p.code] = String(lang === "fr" ? p.name_fr : p.name_nl);
  }
  return { shapes, values, names, unit: populationUnit[lang], title: populationTitle[lang], lang, projection: "belgium", classes: { method: "jenks", count: 6 } };
}

const netRateUnit: Record<Lang, string> = { nl: "netto migratie per 1 000 inwoners (‰)", fr: "migration nette pour 1 000 habitants (‰)", en: "net migration per 1,000 inhabitants (‰)" };
const netRateTitle: Record<Lang, string> = {
  nl: "Gemiddeld bruto netto migratiecijfer per NUTS 3-regio (Eurostat, Regionaal jaarboek)",
  fr: "Taux brut moyen de migration nette par région NUTS 3 (Eurostat, Annuaire régional)",
  en: "Average crude rate of net migration by NUTS 3 region (Eurostat, Regional yearbook)",
};

/**
 * Eurostat's average crude rate of net migration by NUTS 3 region (the Regional yearbook file in
 * eurostat/regional; `:` is missing; `Dec-01` is read back as DEC01) on the NUTS 2021 level 3 shapes; regions outside the file have no figure.
 */
export function europeNetMigrationMap(lang: Lang): ChoroplethInput {
  const shapes = boundaryShapes("nuts3");
  const codes = new Set(shapes.map((s) => s.properties.code));
  const lines = readFileSync(sharedData("eurostat/regional/URE_CH08_M04_avg_crude_rate_net_migration_nuts3.csv"), "utf8").trim().split("\n").slice(1);
  const values: Record<string, MapValue> = {};
  for (const line of lines) {
    const [written, rate] = line.split(",") as [string, string];
    // A spreadsheet turned the Saarland codes DEC01-DEC06 into dates (`Dec-01`) before the file was published.
    const code = written.replace(/^Dec-(0[1-6])$/, "DEC$1");
    if (!codes.has(code)) throw new Error(`NUTS 3 code ${code} of the rate file has no shape`);
    values[code] = { value: rate.trim() === ":" ? null : Number(rate), flags: "" };
  }
  const names = Object.fromEntries(shapes.map((s) => [s.properties.code, String(s.properties.NAME_LATN)]));
  return { shapes, values, names, unit: netRateUnit[lang], title: netRateTitle[lang], lang, projection: "europe", classes: { method: "quantile", count: 6 }, fractionDigits: 1 };
}

const unemploymentUnit: Record<Lang, string> = { nl: "werkloosheidsgraad (%)", fr: "taux de chômage (%)", en: "unemployment rate (%)" };
const unemploymentTitle: Record<Lang, string> = {
  nl: "Werkloosheidsgraad van buitenlanders (15-64 jaar), 2023",
  fr: "Taux de chômage des étrangers (15-64 ans), 2023",
  en: "Unemployment rate of foreign citizens (aged 15-64), 2023",
};

/**
 * Eurostat LFSA_URGAN, unemployment rate of foreign citizens aged 15-64 in 2023 (sex T, citizen FOR), by country
 * on the NUTS 2021 level 0 shapes, from the SDMX-CSV export (full variant: code and label columns). Flags kept:
 * `u` low reliability (some with a value, some without), `b`, `d`. Countries outside the file have no figure.
 */
export function foreignUnemploymentMap(lang: Lang): ChoroplethInput {
  const shapes = boundaryShapes("nuts0");
  const text = gunzipSync(readFileSync(sharedData("eurostat/sdmx-csv/unemployment_rates_yearly.csv.gz"))).toString("utf8");
  const [header, ...records] = parse(text) as string[][];
  const col = (name: string) => (header as string[]).indexOf(name);
  const [sex, age, citizen, geo, time, value, flag] = ["sex", "age", "citizen", "geo", "TIME_PERIOD", "OBS_VALUE", "OBS_FLAG"].map(col) as number[];
  const values: Record<string, MapValue> = {};
  for (const r of records) {
    if (r[sex as number] !== "T" || r[age as number] !== "Y15-64" || r[citizen as number] !== "FOR" || r[time as number] !== "2023") continue;
    const v = r[value as number] as string;
    // The file codes Greece EL, as Eurostat does; the shapes and the store use ISO GR.
    const code = r[geo as number] as string;
    values[code === "EL" ? "GR" : code === "UK" ? "GB" : code] = { value: v === "" ? null : Number(v), flags: r[flag as number] as string };
  }
  // Bosnia and Herzegovina has no NUTS shape (and no figure in 2023, only the flag u); nothing else is left out.
  const codes = new Set(shapes.map((s) => s.properties.code));
  const shapeless = Object.keys(values).filter((c) => !codes.has(c));
  if (shapeless.join() !== "BA") throw new Error(`codes without a NUTS 0 shape: ${shapeless.join(", ")}`);
  delete values.BA;
  const names = Object.fromEntries(shapes.map((s) => [s.properties.code, String(s.properties.NAME_LATN)]));
  return { shapes, values, names, unit: unemploymentUnit[lang], title: unemploymentTitle[lang], lang, projection: "europe", classes: { method: "jenks", count: 5 }, fractionDigits: 1 };
}

const provinceNetTitle: Record<Lang, string> = {
  nl: "Netto migratie per NUTS 2-regio (provincie) van België, 2018",
  fr: "Migration nette par région NUTS 2 (province) de Belgique, 2018",
  en: "Net migration by NUTS 2 region (province) of Belgium, 2018",
};

/**
 * Net migration in 2018 (demo_r_gind3 CNMIGRAT, the bulk TSV) of the 11 Belgian NUTS 2 regions on the NUTS 2021
 * level 2 shapes of Belgium (the Belgian NUTS 2 codes did not change between NUTS 2016 and 2021).
 */
export function belgianNuts2NetMigrationMap(lang: Lang): ChoroplethInput {
  const shapes = boundaryShapes("nuts2").filter((s) => s.properties.code.startsWith("BE"));
  const codes = shapes.map((s) => s.properties.code).sort();
  const series = netMigrationSeries(codes, {});
  const values: Record<string, MapValue> = {};
  for (const s of series) {
    const point = s.points.find((p) => p.period === "2018");
    if (point === undefined) throw new Error(`no 2018 figure for ${s.key}`);
    values[s.key] = { value: point.value, flags: point.flags };
  }
  const names = Object.fromEntries(shapes.map((s) => [s.properties.code, String(s.properties.NAME_LATN)]));
  return { shapes, values, names, unit: netMigrationUnit[lang], title: provinceNetTitle[lang], lang, projection: "belgium", classes: { method: "jenks", count: 4 } };
}

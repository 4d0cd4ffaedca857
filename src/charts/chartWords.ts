import type { Lang } from "../i18n/index.ts";

/**
 * The words of the charts and maps (legends, tooltips, text alternatives) in nl, fr and en. They sit here rather
 * than in the src/i18n catalogues because those were being written in parallel; the shape is the same (one flat
 * object per language, `{placeholders}`), so moving them there is a copy.
 */
const en = {
  "legend.hollow": "provisional or estimated",
  "legend.unchecked": "unchecked",
  "legend.missing": "no data",
  "kind.policy": "policy",
  "kind.context": "context",
  "kind.statistical": "statistical change",
  "direction.-1": "less restrictive",
  "direction.0": "neither more nor less restrictive",
  "direction.1": "more restrictive",
  "event.unchecked": "unchecked",
  "event.source": "source",
  "value.missing": "no data",
  "column.class": "Class",
  "column.code": "Code",
  "method.quantile": "quantiles",
  "method.jenks": "natural breaks (Jenks)",
  "line.intro": "Line chart of {unit}, {from} to {to}, {count} series.",
  "line.series": "{label}: {first} in {firstPeriod}, {last} in {lastPeriod}",
  "line.gaps": "{count} figures are missing (no value, or the period is absent); the lines are left open there.",
  "list.separator": "; ",
  "line.hollow": "{count} provisional or estimated values are drawn as hollow circles.",
  "line.breaks": "{count} breaks in series are marked with a vertical bar.",
  "line.events": "Events: {list}.",
  "line.noEvents": "No events are drawn.",
  "map.intro": "Map of {unit} for {count} areas, in {classes} classes by {method}.",
  "map.range": "Lowest: {minName} ({min}); highest: {maxName} ({max}).",
  "map.missing": "{count} areas have no data (grey).",
  "map.lowReliability": "{count} areas have values of low reliability (hatched).",
} as const;

type ChartWordKey = keyof typeof en;

const nl: Readonly<Record<ChartWordKey, string>> = {
  "legend.hollow": "voorlopig of geschat",
  "legend.unchecked": "niet gecontroleerd",
  "legend.missing": "geen gegevens",
  "kind.policy": "beleid",
  "kind.context": "context",
  "kind.statistical": "statistische wijziging",
  "direction.-1": "minder restrictief",
  "direction.0": "niet meer of minder restrictief",
  "direction.1": "restrictiever",
  "event.unchecked": "niet gecontroleerd",
  "event.source": "bron",
  "value.missing": "geen gegevens",
  "column.class": "Klasse",
  "column.code": "Code",
  "method.quantile": "kwantielen",
  "method.jenks": "natuurlijke grenzen (Jenks)",
  "line.intro": "Lijngrafiek van {unit}, {from} tot {to}, {count} reeksen.",
  "line.series": "{label}: {first} in {firstPeriod}, {last} in {lastPeriod}",
  "line.gaps": "{count} cijfers ontbreken (geen waarde, of de periode ontbreekt); de lijnen blijven daar open.",
  "list.separator": "; ",
  "line.hollow": "{count} voorlopige of geschatte waarden zijn als open cirkels getekend.",
  "line.breaks": "{count} breuken in de reeks zijn met een verticaal streepje aangeduid.",
  "line.events": "Gebeurtenissen: {list}.",
  "line.noEvents": "Er zijn geen gebeurtenissen getekend.",
  "map.intro": "Kaart van {unit} voor {count} gebieden, in {classes} klassen volgens {method}.",
  "map.range": "Laagste: {minName} ({min}); hoogste: {maxName} ({max}).",
  "map.missing": "{count} gebieden hebben geen gegevens (grijs).",
  "map.lowReliability": "{count} gebieden hebben waarden met lage betrouwbaarheid (gearceerd).",
};

const fr: Readonly<Record<ChartWordKey, string>> = {
  "legend.hollow": "provisoire ou estimé",
  "legend.unchecked": "non vérifié",
  "legend.missing": "pas de données",
  "kind.policy": "politique",
  "kind.context": "contexte",
  "kind.statistical": "changement statistique",
  "direction.-1": "moins restrictif",
  "direction.0": "ni plus ni moins restrictif",
  "direction.1": "plus restrictif",
  "event.unchecked": "non vérifié",
  "event.source": "source",
  "value.missing": "pas de données",
  "column.class": "Classe",
  "column.code": "Code",
  "method.quantile": "quantiles",
  "method.jenks": "seuils naturels (Jenks)",
  "line.intro": "Graphique linéaire de {unit}, de {from} à {to}, {count} séries.",
  "line.series": "{label}\u00a0: {first} en {firstPeriod}, {last} en {lastPeriod}",
  "line.gaps": "{count} chiffres manquent (sans valeur, ou période absente)\u00a0; les lignes restent ouvertes à ces endroits.",
  "list.separator": "\u00a0; ",
  "line.hollow": "{count} valeurs provisoires ou estimées sont dessinées en cercles vides.",
  "line.breaks": "{count} ruptures de série sont marquées d’un trait vertical.",
  "line.events": "Événements\u00a0: {list}.",
  "line.noEvents": "Aucun événement n’est dessiné.",
  "map.intro": "Carte de {unit} pour {count} zones, en {classes} classes par {method}.",
  "map.range": "Minimum\u00a0: {minName} ({min})\u00a0; maximum\u00a0: {maxName} ({max}).",
  "map.missing": "{count} zones sans données (gris).",
  "map.lowReliability": "{count} zones ont des valeurs de faible fiabilité (hachurées).",
};

const words: Readonly<Record<Lang, Readonly<Record<ChartWordKey, string>>>> = { nl, fr, en };

export type { ChartWordKey };

/** Every chart word key, for the test that each has a text in every language. */
export const chartWordKeys = Object.keys(en) as ChartWordKey[];

/**
 * A chart word in a language with its `{placeholders}` filled. Throws RangeError naming the key and the
 * placeholder when a parameter is missing, so no legend or text alternative goes out with a hole.
 */
export function chartWord(lang: Lang, key: ChartWordKey, params: Readonly<Record<string, string | number>> = {}): string {
  return words[lang][key].replace(/\{([A-Za-z]+)\}/g, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined) throw new RangeError(`chart word ${key} (${lang}) needs the parameter {${name}}`);
    return String(value);
  });
}

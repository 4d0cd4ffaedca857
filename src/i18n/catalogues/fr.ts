import type { Catalogue } from "./en.ts";

// French typography puts a no-break space (U+00A0) before ":" and ";".

/** The French catalogue (Belgian usage); same keys and placeholders as en.ts. */
export const fr: Catalogue = {
  "app.name": "Migration Monitor",
  "text.colon": "\u00a0: ",

  "column.geo": "Zone",
  "column.period": "Période",
  "column.value": "Valeur",
  "column.flags": "Indicateurs de statut",
  "column.lower": "Borne inférieure",
  "column.upper": "Borne supérieure",
  "column.notes": "Notes",
  "column.source": "Source",

  "sheet.data": "Données",
  "sheet.definitions": "Définitions",
  "sheet.citation": "Citation",

  "label.indicator": "Indicateur",
  "label.title": "Titre",
  "label.definition": "Définition",
  "label.unit": "Unité",
  "label.breaks": "Ruptures de définition",
  "label.qualityNotes": "Notes de qualité",
  "label.flagsUsed": "Indicateurs de statut utilisés",
  "label.asOf": "Tel que publié le",
  "label.latest": "dernières versions",
  "label.none": "aucune",
  "label.notes": "Notes",
  "label.source": "Source",
  "label.citation": "Citation",
  "label.dataset": "Jeu de données",
  "label.datasetTitle": "Titre du jeu de données",
  "label.release": "Version",
  "label.sourceUpdated": "Mis à jour par l’éditeur",
  "label.retrieved": "Date de récupération",
  "label.licence": "Licence",
  "label.query": "Requête",

  "flag.b": "rupture de série",
  "flag.c": "confidentiel",
  "flag.d": "définition différente",
  "flag.e": "estimé",
  "flag.f": "prévision",
  "flag.n": "non significatif",
  "flag.p": "provisoire",
  "flag.r": "révisé",
  "flag.s": "estimation Eurostat",
  "flag.u": "faible fiabilité",
  "flag.z": "sans objet",

  "citation.sentence": "Source\u00a0: {sources}\u00a0; calculé par {app}, indicateur {indicator}.",
  "citation.sentenceAsOf": "Source\u00a0: {sources}\u00a0; calculé par {app}, indicateur {indicator}, tel que publié le {asOf}.",
  "citation.join": "\u00a0; ",
  "citation.release": "{publisher}, {dataset} (version {release} du {updated}, récupérée le {retrieved})",
  "citation.releaseUndated": "{publisher}, {dataset} (version {release}, récupérée le {retrieved})",
};

/**
 * The English catalogue: every interface word of the exports and citations. Its keys are the catalogue's keys;
 * nl.ts and fr.ts must have exactly the same keys (the compiler checks it) and the same `{placeholders}`.
 */
export const en = {
  "app.name": "Migration Monitor",
  "text.colon": ": ",

  "column.geo": "Area",
  "column.period": "Period",
  "column.value": "Value",
  "column.flags": "Flags",
  "column.lower": "Lower bound",
  "column.upper": "Upper bound",
  "column.notes": "Notes",
  "column.source": "Source",

  "sheet.data": "Data",
  "sheet.definitions": "Definitions",
  "sheet.citation": "Citation",

  "label.indicator": "Indicator",
  "label.title": "Title",
  "label.definition": "Definition",
  "label.unit": "Unit",
  "label.breaks": "Breaks in definition",
  "label.qualityNotes": "Quality notes",
  "label.flagsUsed": "Flags used",
  "label.asOf": "As published on",
  "label.latest": "latest releases",
  "label.none": "none",
  "label.notes": "Notes",
  "label.source": "Source",
  "label.citation": "Citation",
  "label.dataset": "Dataset",
  "label.datasetTitle": "Dataset title",
  "label.release": "Release",
  "label.sourceUpdated": "Updated by the publisher",
  "label.retrieved": "Retrieved",
  "label.licence": "Licence",
  "label.query": "Query",

  "flag.b": "break in time series",
  "flag.c": "confidential",
  "flag.d": "definition differs",
  "flag.e": "estimated",
  "flag.f": "forecast",
  "flag.n": "not significant",
  "flag.p": "provisional",
  "flag.r": "revised",
  "flag.s": "Eurostat estimate",
  "flag.u": "low reliability",
  "flag.z": "not applicable",

  "citation.sentence": "Source: {sources}; computed by {app}, indicator {indicator}.",
  "citation.sentenceAsOf": "Source: {sources}; computed by {app}, indicator {indicator}, as published on {asOf}.",
  "citation.join": "; ",
  "citation.release": "{publisher}, {dataset} (release {release} of {updated}, retrieved {retrieved})",
  "citation.releaseUndated": "{publisher}, {dataset} (release {release}, retrieved {retrieved})",
} satisfies Readonly<Record<string, string>>;

/** A key of the message catalogue. */
export type MessageKey = keyof typeof en;

/** A whole catalogue: one text for every key. */
export type Catalogue = Readonly<Record<MessageKey, string>>;

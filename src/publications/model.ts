// The publication as data, before it is written as HTML: chapters, sections and blocks with their generated
// sentences, numbered figures and tables, each carrying the references of its figures; and the annex. The HTML
// writer, the edition file and `report diff` all read this one model.
import type { Lang } from "../i18n/index.ts";
import type { PublicationKind } from "./templateSchema.ts";
import type { FigureReference } from "./reference.ts";

/** A sentence written from the numbers, with the references of every figure it states. */
export interface GeneratedSentence {
  readonly text: string;
  readonly references: readonly FigureReference[];
}

export type Block =
  | { readonly kind: "sentences"; readonly sentences: readonly GeneratedSentence[] }
  | { readonly kind: "figure"; readonly number: number; readonly title: string; readonly svg: string; readonly source: string; readonly references: readonly FigureReference[] }
  | { readonly kind: "table"; readonly number: number; readonly caption: string; readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[]; readonly notes: readonly string[]; readonly source: string; readonly references: readonly FigureReference[] }
  | { readonly kind: "events"; readonly items: readonly EventItem[] }
  | { readonly kind: "commentary"; readonly html: string; readonly needsReview: boolean; readonly fingerprint: string | null }
  | { readonly kind: "assessment"; readonly title: string; readonly reading: string; readonly limits: string; readonly query: string }
  | { readonly kind: "facts"; readonly rows: readonly (readonly [string, string])[] }
  | { readonly kind: "omitted"; readonly text: string };

/** A register event as the context chapter lists it. */
export interface EventItem {
  readonly date: string;
  readonly title: string;
  readonly summary: string;
  readonly source: string;
  readonly checked: boolean;
}

export interface Section {
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly Block[];
}

export interface Chapter {
  readonly id: string;
  readonly title: string;
  readonly sections: readonly Section[];
}

/** The methodology annex: every indicator used, the flags that occur, every release cited. */
export interface Annex {
  readonly indicators: readonly { readonly id: string; readonly title: string; readonly definition: string; readonly quality: readonly string[]; readonly breaks: readonly string[] }[];
  readonly flags: readonly { readonly code: string; readonly meaning: string }[];
  readonly releases: readonly string[];
}

/** One publication in one language at one as-of date. */
export interface Publication {
  readonly id: string;
  readonly kind: PublicationKind;
  readonly lang: Lang;
  readonly title: string;
  readonly subtitle: string | null;
  /** The edition's date: the as-of date, or the newest retrieval date among the releases it cites. */
  readonly edition: string;
  readonly chapters: readonly Chapter[];
  readonly annex: Annex;
}

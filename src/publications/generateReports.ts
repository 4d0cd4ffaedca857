// Which documents `migmon report <kind>` makes and in what order: the monitor, a fact sheet, the municipal
// profiles (one or all), a group profile, or the source catalogue, in one language, each as a publication model
// and its HTML. Documents are made one after another (they share the figure cache); printing is separate (pdf.ts).
import { UsageError } from "../core/index.ts";
import type { Lang } from "../i18n/index.ts";
import type { Indicator } from "../indicators/catalogue.ts";
import type { CatalogueEntry } from "../ingest/catalogue.ts";
import type { AreaNames } from "./areaNames.ts";
import { buildPublication } from "./buildPublication.ts";
import type { PublicationInputs } from "./buildPublication.ts";
import { publicationHtml } from "./html.ts";
import type { Publication } from "./model.ts";
import { fillTemplate, municipalSubject, profileMunicipalities } from "./profiles.ts";
import type { PublicationData } from "./publicationFiles.ts";
import { buildSourceCatalogue } from "./sourceCatalogue.ts";
import type { LatestRelease } from "./sourceCatalogue.ts";
import type { PublicationKind } from "./templateSchema.ts";

/** What to make: a kind and its choices (the options of `migmon report`). */
export interface ReportRequest {
  readonly kind: PublicationKind;
  readonly lang: Lang;
  /** profile: one municipality (REFNIS); ignored by the other kinds. */
  readonly geo?: string;
  /** profile: every municipality. */
  readonly all?: boolean;
  /** group: a group id of data/publications/groups.yaml. */
  readonly group?: string;
  /** factsheet: its template (default `women`). */
  readonly factsheet?: string;
}

/** Everything the documents read, built once by the caller. */
export interface ReportEnvironment extends Omit<PublicationInputs, "template" | "subject"> {
  readonly data: PublicationData;
  readonly names: AreaNames;
  readonly indicators: readonly Indicator[];
  readonly sources: readonly CatalogueEntry[];
  readonly latest: ReadonlyMap<string, LatestRelease>;
  readonly apiBase: string;
}

/** One made document: its file name without extension, the model and the HTML. */
export interface ReportDocument {
  readonly name: string;
  readonly publication: Publication;
  readonly html: string;
}

/** The names of the documents a request makes, before any is built (for a progress bar's total). */
export async function plannedDocuments(request: ReportRequest, env: ReportEnvironment): Promise<string[]> {
  switch (request.kind) {
    case "monitor": return [`monitor-${request.lang}`];
    case "factsheet": return [`${request.factsheet ?? "women"}-${request.lang}`];
    case "catalogue": return [`catalogue-${request.lang}`];
    case "group": {
      const group = env.data.groups.find((g) => g.id === request.group);
      if (group === undefined) throw new UsageError(`give --group with one of ${env.data.groups.map((g) => g.id).join(", ")}${request.group === undefined ? "" : ` (got ${request.group})`}`);
      return [`group-${group.id}-${request.lang}`];
    }
    case "profile": {
      if (request.all === true) return (await profileMunicipalities(env.reader)).map((code) => `profile-${code}-${request.lang}`);
      if (request.geo === undefined) throw new UsageError("give --geo <REFNIS code of a municipality> or --all for a profile");
      const unit = env.reader.ctx.geography.has(request.geo) ? env.reader.ctx.geography.versionsOf(request.geo).at(-1)! : null;
      if (unit === null || unit.level !== "municipality") throw new UsageError(`--geo ${request.geo}: not a municipality's REFNIS code (e.g. 11002 Antwerpen)`);
      return [`profile-${request.geo}-${request.lang}`];
    }
  }
}

/** Makes the documents of a request one by one; `names` are those of plannedDocuments. */
export async function* generateReports(request: ReportRequest, env: ReportEnvironment, names: readonly string[]): AsyncGenerator<ReportDocument> {
  const tc = { lang: request.lang, book: env.data.book, names: env.names, asOf: env.reader.asOf };
  const html = (p: Publication) => publicationHtml(p, env.data.book, { apiBase: env.apiBase });
  const inputs = (template: string): PublicationInputs => ({ ...env, template });
  if (request.kind === "catalogue") {
    const p = buildSourceCatalogue(env.data.template("catalogue"), env.sources, env.indicators, env.latest, request.lang, env.data.book, env.apiBase);
    yield { name: names[0]!, publication: p, html: html(p) };
    return;
  }
  if (request.kind === "monitor" || request.kind === "factsheet") {
    const id = request.kind === "monitor" ? "monitor" : request.factsheet ?? "women";
    const p = await buildPublication(env.data.template(id), inputs(id), tc);
    yield { name: names[0]!, publication: p, html: html(p) };
    return;
  }
  if (request.kind === "group") {
    const group = env.data.groups.find((g) => g.id === request.group)!;
    const template = fillTemplate(env.data.template("group"), { members: group.members });
    const list = new Intl.ListFormat(request.lang, { type: "conjunction" }).format(group.members.map((m) => env.names.label(m, request.lang)));
    const p = await buildPublication(template, inputs("group"), tc, { title: `${env.data.template("group").title[request.lang]}: ${group.title[request.lang]}`, subtitle: list });
    yield { name: names[0]!, publication: p, html: html(p) };
    return;
  }
  const profile = env.data.template("profile");
  for (const name of names) {
    const code = /^profile-(\d{5})-/.exec(name)![1]!;
    const subject = await municipalSubject(env.reader, code);
    const p = await buildPublication(fillTemplate(profile, subject), { ...inputs("profile"), subject }, tc, { title: `${profile.title[request.lang]}: ${env.names.label(code, request.lang)}` });
    yield { name, publication: p, html: html(p) };
  }
}

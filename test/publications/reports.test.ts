import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { generateReports, plannedDocuments } from "../../src/publications/generateReports.ts";
import type { ReportDocument, ReportEnvironment, ReportRequest } from "../../src/publications/generateReports.ts";
import type { Store } from "../../src/store/store.ts";
import { sharedData } from "../shared-data.ts";
import { assertPublicationSnapshot } from "./htmlSnapshot.ts";
import { allowedTokens, numberTokens, writeNumber } from "./figureWalk.ts";
import type { WalkLang } from "./figureWalk.ts";
import { buildPublicationStore, publicationApi, publicationEnvironment } from "./publicationFixture.ts";

const langs = ["nl", "fr", "en"] as const;

async function make(env: ReportEnvironment, request: ReportRequest): Promise<ReportDocument> {
  const names = await plannedDocuments(request, env);
  for await (const doc of generateReports(request, env, names)) return doc;
  throw new Error("no document");
}

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const plain = (s: string) => unescape(s.replace(/<[^>]+>/g, "")).replace(/[\u00a0]/g, " ");

/** Non-Belgians and population on 1 January 2015 by region code (2000, 3000, 4000) and for Belgium, summed from the raw Statbel file. */
function statbel2015(): Map<string, { etr: number; total: number }> {
  const lines = gunzipSync(readFileSync(sharedData("statbel/TF_SOC_POP_STRUCT_2015.txt.gz"))).toString("utf8").split("\n");
  const header = lines[0]!.split("|");
  const region = header.indexOf("CD_RGN_REFNIS");
  const nationality = header.indexOf("CD_NATLTY");
  const count = header.indexOf("MS_POPULATION");
  const out = new Map<string, { etr: number; total: number }>();
  for (const line of lines.slice(1)) {
    if (line === "") continue;
    const cells = line.split("|");
    for (const key of [cells[region]!, "BE"]) {
      const row = out.get(key) ?? { etr: 0, total: 0 };
      row.total += Number(cells[count]);
      if (cells[nationality] === "ETR") row.etr += Number(cells[count]);
      out.set(key, row);
    }
  }
  return out;
}

/** The number tokens of a text that are figures: not part of a name such as EU-27. */
function figureTokens(text: string, lang: WalkLang): string[] {
  return numberTokens(text.replace(/\p{L}-\d+/gu, ""), lang);
}

describe("publications generated from a store of the shared data", () => {
  let store: Store;
  let close: () => Promise<void>;
  let env: ReportEnvironment;
  let app: FastifyInstance;
  const monitor = new Map<string, ReportDocument>();
  before(async () => {
    ({ store, close } = await buildPublicationStore());
    env = await publicationEnvironment(store);
    app = await publicationApi(store);
    for (const lang of langs) monitor.set(lang, await make(env, { kind: "monitor", lang }));
  });
  after(async () => { await app.close(); await close(); });

  it("generateReports(monitor) states 504,130 non-Belgians (7.8 %) in the Flemish Region and 1,255,286 of 11,209,044 in Belgium on 1 January 2015, in each language's number format", () => {
    const figures = statbel2015();
    const flanders = figures.get("2000")!;
    const belgium = figures.get("BE")!;
    assert.equal(belgium.etr, 1255286, "PROVENANCE.md: ETR 1,255,286");
    assert.equal(belgium.total, 11209044, "PROVENANCE.md: sum 11,209,044");
    const expected: Record<WalkLang, RegExp[]> = {
      nl: [new RegExp(`Op 1 januari 2015 hadden ${writeNumber(flanders.etr, 0, "nl")} inwoners van het Vlaamse Gewest niet de Belgische nationaliteit \\(${writeNumber((flanders.etr / flanders.total) * 100, 1, "nl")} %\\)\\.`),
        new RegExp(`${writeNumber(belgium.etr, 0, "nl").replace(/\./g, "\\.")} van de ${writeNumber(belgium.total, 0, "nl").replace(/\./g, "\\.")} inwoners van België`)],
      fr: [new RegExp(`Au 1er janvier 2015, ${writeNumber(flanders.etr, 0, "fr")} habitants de la Région flamande n'avaient pas la nationalité belge \\(${writeNumber((flanders.etr / flanders.total) * 100, 1, "fr")} %\\)`),
        new RegExp(`${writeNumber(belgium.etr, 0, "fr")} des ${writeNumber(belgium.total, 0, "fr")} habitants de la Belgique`)],
      en: [new RegExp(`On 1 January 2015, ${writeNumber(flanders.etr, 0, "en")} inhabitants of the Flemish Region did not have Belgian nationality \\(${writeNumber((flanders.etr / flanders.total) * 100, 1, "en")}%\\)`),
        new RegExp(`${writeNumber(belgium.etr, 0, "en")} of the ${writeNumber(belgium.total, 0, "en")} inhabitants of Belgium`)],
    };
    assert.equal(writeNumber(flanders.etr, 0, "nl"), "504.130");
    assert.equal(writeNumber((flanders.etr / flanders.total) * 100, 1, "nl"), "7,8");
    for (const lang of langs) {
      const text = plain(monitor.get(lang)!.html);
      for (const pattern of expected[lang]) assert.match(text, pattern, `${lang}: ${pattern}`);
    }
  });

  it("every number of every sentence and table cell of the monitor and of a profile is found again through the API query its reference names", async () => {
    const profile = (await make(env, { kind: "profile", lang: "nl", geo: "11002" })).html;
    for (const [lang, html, least] of [["nl", monitor.get("nl")!.html, 100], ["en", monitor.get("en")!.html, 100], ["nl", profile, 40]] as const) {
      const answers = new Map<string, { geo: string; period: string; value: number | null }[]>();
      const follow = async (href: string) => {
        const url = unescape(href).replace("http://127.0.0.1:8080", "");
        if (!answers.has(url)) {
          const response = await app.inject({ method: "GET", url });
          assert.equal(response.statusCode, 200, `${url}: ${response.body.slice(0, 200)}`);
          answers.set(url, (response.json() as { values: { geo: string; period: string; value: number | null }[] }).values);
        }
        return answers.get(url)!;
      };
      let checked = 0;
      for (const m of html.matchAll(/<p class="sentence">([\s\S]*?)<\/p>/g)) {
        const body = m[1]!;
        const text = plain(body.split('<a class="ref"')[0]!);
        const hrefs = [...body.matchAll(/<a class="ref" href="([^"]+)"/g)].map((x) => x[1]!);
        // A sentence that states figures names where they come from; one without (a profile's situation) need not.
        if (figureTokens(text, lang).length > 0) assert.ok(hrefs.length > 0, `no reference: ${text}`);
        const allowed = new Set<string>();
        for (const href of hrefs) for (const token of allowedTokens(await follow(href), lang)) allowed.add(token);
        for (const token of figureTokens(text, lang)) { assert.ok(allowed.has(token), `${lang}: ${token} in "${text}" is not given by ${hrefs.join(" ")}`); checked += 1; }
      }
      for (const m of html.matchAll(/<table id="table-\d+">([\s\S]*?)<\/table>[\s\S]*?<p class="source">[\s\S]*?<a class="ref" href="([^"]+)"/g)) {
        const values = await follow(m[2]!);
        const allowed = allowedTokens(values, lang);
        for (const cell of m[1]!.matchAll(/<td>([^<]*)<\/td>/g)) {
          const figure = plain(cell[1]!).replace(/ [a-z]+$/, "");
          if (figure === "–") continue;
          assert.ok(allowed.has(figure.replace(/^[-−]/, "")), `${lang}: table cell ${figure} is not given by ${m[2]}`);
          checked += 1;
        }
      }
      for (const m of html.matchAll(/<p class="assessment">([\s\S]*?)<a class="ref" href="([^"]+)"/g)) {
        const response = await app.inject({ method: "GET", url: unescape(m[2]!).replace("http://127.0.0.1:8080", "") });
        assert.equal(response.statusCode, 200);
        assert.equal(plain(m[1]!), (response.json() as { reading: Record<string, string> }).reading[lang]!.replace(/\u00a0/g, " "));
        checked += 1;
      }
      assert.ok(checked > least, `${lang}: only ${checked} figures checked`);
    }
  });

  it("generateReports(monitor) leaves a section without data out with one sentence naming the live dataset, and draws no empty chart", () => {
    const html = monitor.get("en")!.html;
    assert.match(html, /<p class="omitted">This section is left out: its data come from Eurostat migr_imm1ctz, which a live update \(migmon update\) would bring\.<\/p>/);
    for (const figure of html.matchAll(/<figure id="figure-\d+">([\s\S]*?)<\/figure>/g)) assert.match(figure[1]!, /<(path|circle)\b/, "a figure draws marks");
    const numbers = [...html.matchAll(/<figure id="figure-(\d+)"/g)].map((m) => Number(m[1]));
    assert.deepEqual(numbers, numbers.map((_n, i) => i + 1), "figures are numbered 1..n in reading order");
  });

  it("generateReports(monitor) gives the same bytes for the same store and template (an edition is repeatable)", async () => {
    const again = await make(await publicationEnvironment(store), { kind: "monitor", lang: "nl" });
    assert.equal(again.html, monitor.get("nl")!.html);
  });

  for (const lang of langs) {
    it(`monitor, women fact sheet, profile of Antwerpen, group profile of Southern Europe and source catalogue in ${lang} match their snapshots`, async () => {
      const requests: [string, ReportRequest][] = [
        [`women-${lang}`, { kind: "factsheet", lang }],
        [`profile-11002-${lang}`, { kind: "profile", lang, geo: "11002" }],
        [`group-southern-europe-${lang}`, { kind: "group", lang, group: "southern-europe" }],
        [`catalogue-${lang}`, { kind: "catalogue", lang }],
      ];
      // Every document is compared (and its -changed file written) before the test fails, so one run shows them all.
      const failures: string[] = [];
      try { assertPublicationSnapshot(`monitor-${lang}`, monitor.get(lang)!.html); } catch (error) { failures.push((error as Error).message); }
      for (const [name, request] of requests) {
        try { assertPublicationSnapshot(name, (await make(env, request)).html); } catch (error) { failures.push((error as Error).message); }
      }
      assert.deepEqual(failures, []);
    });
  }

  it("GET /api/publications lists the kinds; GET /api/publications/profile?geo=11002&lang=nl answers the profile's HTML; without geo a 400 naming it", async () => {
    const list = await app.inject({ method: "GET", url: "/api/publications" });
    assert.deepEqual((list.json() as { kinds: string[] }).kinds, ["monitor", "factsheet", "profile", "group", "catalogue"]);
    const profile = await app.inject({ method: "GET", url: "/api/publications/profile?geo=11002&lang=nl" });
    assert.equal(profile.statusCode, 200);
    assert.match(String(profile.headers["content-type"]), /^text\/html/);
    assert.equal(profile.body.replace(/http:\/\/localhost(:\d+)?/g, "http://127.0.0.1:8080"), (await make(env, { kind: "profile", lang: "nl", geo: "11002" })).html);
    const bad = await app.inject({ method: "GET", url: "/api/publications/profile?lang=nl" });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /query parameter geo/);
  });

  it("plannedDocuments(profile --all) names one profile per municipality of 1 January 2015 (589, pre-2019 boundaries)", async () => {
    const names = await plannedDocuments({ kind: "profile", lang: "nl", all: true }, env);
    assert.equal(names.length, 589);
    assert.ok(names.includes("profile-11002-nl"));
  });

  it("plannedDocuments refuses a profile code that is not a municipality and an unknown group, naming the option", async () => {
    await assert.rejects(plannedDocuments({ kind: "profile", lang: "nl", geo: "02000" }, env), /--geo 02000: not a municipality/);
    await assert.rejects(plannedDocuments({ kind: "group", lang: "nl", group: "nowhere" }, env), /--group with one of southern-europe, neighbours \(got nowhere\)/);
  });
});

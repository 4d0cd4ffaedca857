import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { loadRegister } from "../../src/events/register.ts";
import { loadIndicatorCatalogue } from "../../src/indicators/catalogue.ts";
import { placeholdersOf } from "../../src/i18n/index.ts";
import { loadPublicationData, parseYamlWith, publicationsDataDir } from "../../src/publications/publicationFiles.ts";
import { templateSchema } from "../../src/publications/templateSchema.ts";
import type { PhraseText, TemplateBlock } from "../../src/publications/templateSchema.ts";
import { runCli } from "../cli/run-cli.ts";
import { eventsDir } from "./publicationFixture.ts";

const templateIds = readdirSync(path.join(publicationsDataDir, "templates")).filter((f) => f.endsWith(".yaml")).map((f) => f.replace(/\.yaml$/, "")).sort();

function indicatorsOf(block: TemplateBlock): string[] {
  return "indicator" in block ? [block.indicator, ...("share" in block && block.share ? [block.share] : []), ...("total" in block && block.total ? [block.total] : [])] : [];
}

function variants(text: PhraseText): string[] {
  return typeof text === "string" ? [text] : Object.values(text);
}

describe("data/publications", () => {
  it("every template of data/publications/templates passes templateSchema and names only indicators of the catalogue and events of the register", async () => {
    assert.deepEqual(templateIds, ["catalogue", "group", "monitor", "profile", "women"]);
    const data = loadPublicationData();
    const indicators = new Set((await loadIndicatorCatalogue()).map((i) => i.id));
    const events = new Set(loadRegister(eventsDir).map((e) => e.id));
    for (const id of templateIds) {
      const template = data.template(id);
      for (const block of template.chapters.flatMap((c) => c.sections.flatMap((s) => s.blocks))) {
        for (const indicator of indicatorsOf(block)) assert.ok(indicators.has(indicator), `${id}: unknown indicator ${indicator}`);
        if (block.kind === "assess") assert.ok(events.has(block.event), `${id}: unknown event ${block.event}`);
      }
    }
  });

  it("every phrase of phrases.yaml has the same {placeholders} in nl, fr and en and in each of its variants", () => {
    const { book } = loadPublicationData();
    assert.ok(Object.keys(book).length > 40);
    for (const [key, entry] of Object.entries(book)) {
      const sets = (["nl", "fr", "en"] as const).flatMap((lang) => variants(entry[lang]).map((text) => placeholdersOf(text).sort().join(",")));
      assert.equal(new Set(sets).size, 1, `${key}: ${sets.join(" | ")}`);
    }
  });

  it("every level sentence pattern of a template has the same placeholders in its three languages", () => {
    const data = loadPublicationData();
    for (const id of templateIds) {
      for (const block of data.template(id).chapters.flatMap((c) => c.sections.flatMap((s) => s.blocks))) {
        if (block.kind !== "level") continue;
        const sets = [block.pattern.nl, block.pattern.fr, block.pattern.en].map((p) => placeholdersOf(p).sort().join(","));
        assert.equal(new Set(sets).size, 1, `${id} ${block.indicator}: ${sets.join(" | ")}`);
      }
    }
  });

  it("every area of the groups has its forms in areas.yaml", () => {
    const data = loadPublicationData();
    const known = new Set(data.areas.flatMap((a) => a.codes));
    for (const group of data.groups) for (const member of group.members) assert.ok(known.has(member), `${group.id}: ${member}`);
  });

  it("parseYamlWith(templateSchema) refuses an unknown publication kind and an unknown block kind in one line naming the file and the field", () => {
    const base = "id: leaflet\ntitle: { nl: a, fr: b, en: c }\nchapters:\n- id: one\n  title: { nl: a, fr: b, en: c }\n  sections:\n  - id: s\n    title: { nl: a, fr: b, en: c }\n    blocks:\n";
    assert.throws(() => parseYamlWith(templateSchema, `kind: leaflet\n${base}    - { kind: situation }\n`, "leaflet.yaml"), (e: Error) => /^kind: .* in leaflet\.yaml$/.test(e.message) && !e.message.includes("\n"));
    assert.throws(() => parseYamlWith(templateSchema, `kind: monitor\n${base}    - { kind: poem }\n`, "leaflet.yaml"), /chapters\.0\.sections\.0\.blocks\.0\.kind: .* in leaflet\.yaml/);
  });

  it("migmon report refuses an unknown kind, a bad --format and --geo with --all with exit 2 and one line naming the option", async () => {
    for (const [args, message] of [
      [["report", "leaflet"], /unknown report kind "leaflet": give one of monitor, factsheet, profile, group, catalogue or diff/],
      [["report", "monitor", "--format", "docx"], /--format must be html or pdf \(got docx\)/],
      [["report", "profile", "--geo", "11002", "--all"], /give --geo or --all, not both/],
    ] as const) {
      const run = await runCli(args, { MIGMON_DB: "/nonexistent/never-opened.duckdb" });
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, message);
      assert.equal(run.stderr.trim().split("\n").length, 1);
    }
    const help = await runCli(["report", "--help"], {});
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--as-of <date>/);
  });
});

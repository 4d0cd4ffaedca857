import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "../core/index.ts";
import { parseEventsFile } from "./register.ts";
import type { PolicyEvent } from "./schema.ts";
import { validateRegister } from "./validate.ts";
import type { RawEventFile, ValidationRule } from "./validate.ts";

/** A valid event (the 2011 family-reunification reform as it stands in the register). */
function sample(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base: PolicyEvent = {
    id: "federal-2011-family-reunification-reform",
    kind: "policy",
    inForce: "2011-09-22",
    announced: "2011-07-08",
    published: "2011-09-12",
    level: "federal",
    area: "family-reunification",
    targetGroup: "family-members",
    direction: 1,
    directionReason: "Income, housing and age conditions.",
    title: { nl: "Strengere gezinshereniging", fr: "Regroupement familial plus strict", en: "Stricter family reunification" },
    summary: { nl: "Samenvatting.", fr: "Résumé.", en: "Summary." },
    legalReference: "Law of 8 July 2011, Belgian Official Journal 12 September 2011",
    sources: ["https://www.vrt.be/vrtnws/nl/2012/01/11/minder_migrantendoornieuwewetgezinshereniging-1-1193380/"],
    checked: true,
    checkedOn: "2026-11-26",
    checkedBy: "test",
    indicators: ["first-permits-family"],
    geography: ["BE"],
  };
  return { ...base, ...overrides };
}

const rulesOf = (files: RawEventFile[], options = {}) => validateRegister(files, options).problems.map((p) => p.rule);
const one = (entry: unknown, file = "federal.yaml"): RawEventFile[] => [{ file, entries: [entry] }];

describe("validateRegister", () => {
  it("validateRegister(files) accepts a valid event with no problems", () => {
    const { events, problems } = validateRegister(one(sample()));
    assert.deepEqual(problems, []);
    assert.equal(events.length, 1);
  });

  it("validateRegister(files) reports rule schema for a missing title, naming file and id", () => {
    const entry = sample();
    delete entry.title;
    const { problems } = validateRegister(one(entry));
    assert.equal(problems.length, 1);
    assert.deepEqual({ ...problems[0], message: undefined }, { file: "federal.yaml", id: "federal-2011-family-reunification-reform", rule: "schema", message: undefined });
    assert.match(problems[0]!.message, /^title:/);
  });

  it("validateRegister(files) reports rule schema for a direction outside -1, 0, +1 and an unknown key", () => {
    const { problems } = validateRegister(one(sample({ direction: 2, colour: "red" })));
    assert.deepEqual(problems.map((p) => p.rule), ["schema", "schema"]);
    assert.ok(problems.some((p) => p.message.startsWith("direction:")));
    assert.ok(problems.some((p) => /colour/.test(p.message)));
  });

  it("validateRegister(files) reports rule schema for a date that is not a calendar day", () => {
    assert.deepEqual(rulesOf(one(sample({ inForce: "2011-02-30" }))), ["schema"]);
  });

  it("validateRegister(files) reports rule schema for a source that is not a well-formed http(s) URL", () => {
    for (const bad of ["not a url", "ftp://example.org/file", "https://"]) {
      const { problems } = validateRegister(one(sample({ sources: [bad] })));
      assert.deepEqual(problems.map((p) => p.rule), ["schema"], bad);
      assert.match(problems[0]!.message, /^sources\.0:/);
    }
    assert.deepEqual(rulesOf(one(sample({ sources: [] }))), ["schema"]);
  });

  it("validateRegister(files) reports rule unique-id when two files use the same id", () => {
    const files: RawEventFile[] = [
      { file: "federal.yaml", entries: [sample()] },
      { file: "flemish.yaml", entries: [sample({ level: "flemish", geography: ["BE2"] })] },
    ];
    const { problems } = validateRegister(files);
    assert.deepEqual(problems.map((p) => [p.file, p.rule]), [["flemish.yaml", "unique-id"]]);
    assert.match(problems[0]!.message, /federal\.yaml/);
  });

  it("validateRegister(files) reports rule date-order when published is after the date in force", () => {
    const { problems } = validateRegister(one(sample({ published: "2011-10-01" })));
    assert.deepEqual(problems.map((p) => p.rule), ["date-order"]);
    assert.match(problems[0]!.message, /published 2011-10-01 is after inForce 2011-09-22/);
  });

  it("validateRegister(files) reports rule date-order when announced is after published", () => {
    assert.deepEqual(rulesOf(one(sample({ announced: "2011-09-15" }))), ["date-order"]);
  });

  it("validateRegister(files) compares dates at their precision: a month contains its days", () => {
    assert.deepEqual(rulesOf(one(sample({ published: "2011-09", announced: "2011" }))), []);
    assert.deepEqual(rulesOf(one(sample({ published: "2011-10", announced: undefined }))), ["date-order"]);
  });

  it("validateRegister(files, {indicators}) reports rule indicator for an id missing from the catalogue", () => {
    const catalogue = new Set(["immigration"]);
    const { problems } = validateRegister(one(sample()), { indicators: catalogue });
    assert.deepEqual(problems.map((p) => p.rule), ["indicator"]);
    assert.match(problems[0]!.message, /first-permits-family/);
    assert.deepEqual(rulesOf(one(sample({ indicators: ["immigration"] })), { indicators: catalogue }), []);
  });

  it("validateRegister(files) without a catalogue rejects an indicator id not of the catalogue's form", () => {
    assert.deepEqual(rulesOf(one(sample({ indicators: ["Net Migration"] }))), ["schema"]);
  });

  it("validateRegister(files) reports rule geography for an unknown code and for a code outside the level", () => {
    const unknown = validateRegister(one(sample({ geography: ["BE9"] }))).problems;
    assert.deepEqual(unknown.map((p) => p.rule), ["geography"]);
    assert.match(unknown[0]!.message, /unknown geography "BE9"/);
    const outside = validateRegister(one(sample({ geography: ["BE2"] }))).problems;
    assert.deepEqual(outside.map((p) => p.rule), ["geography"]);
    assert.match(outside[0]!.message, /outside level federal/);
  });

  it("validateRegister(files) reports rule level-file when an event sits in another level's file", () => {
    const { problems } = validateRegister(one(sample(), "flemish.yaml"));
    assert.deepEqual(problems.map((p) => p.rule), ["level-file"]);
    assert.match(problems[0]!.message, /belongs in federal\.yaml/);
  });

  it("validateRegister(files) reports rule area when a policy event has no area", () => {
    assert.deepEqual(rulesOf(one(sample({ area: null }))), ["area"]);
    assert.deepEqual(rulesOf(one(sample({ area: null, kind: "statistical" }))), []);
  });

  it("validateRegister(files) reports rule checked when an unchecked entry carries checkedOn", () => {
    assert.deepEqual(rulesOf(one(sample({ checked: false, checkedBy: undefined }))), ["checked"]);
    assert.deepEqual(rulesOf(one(sample({ checked: false, checkedOn: undefined, checkedBy: undefined }))), []);
  });

  it("validateRegister(files) reports rule file-order when a file is not sorted by date then id", () => {
    const later = sample({ id: "federal-2013-nationality-code-reform", inForce: "2013-01-01", announced: "2012-12-04", published: "2012-12-14" });
    const { problems } = validateRegister([{ file: "federal.yaml", entries: [later, sample()] }]);
    assert.deepEqual(problems.map((p) => [p.id, p.rule]), [["federal-2011-family-reunification-reform", "file-order"]]);
    assert.deepEqual(rulesOf([{ file: "federal.yaml", entries: [sample(), later] }]), []);
  });

  it("validateRegister(files) names an entry without id by its position", () => {
    const { problems } = validateRegister(one({ kind: "policy" }));
    assert.ok(problems.length > 0);
    assert.ok(problems.every((p) => p.id === "entry 1" && p.rule === ("schema" as ValidationRule)));
  });
});

describe("parseEventsFile", () => {
  it("parseEventsFile(file, text) throws InputError naming file and line for invalid YAML", () => {
    assert.throws(() => parseEventsFile("eu.yaml", "- id: a\n  title: [unclosed\n"), (e: unknown) => e instanceof InputError && /eu\.yaml line \d+/.test(e.message));
  });

  it("parseEventsFile(file, text) throws InputError when the top level is not a list", () => {
    assert.throws(() => parseEventsFile("eu.yaml", "id: a\n"), /the top level must be a list of events in eu\.yaml line 1/);
  });

  it("parseEventsFile(file, text) reads an empty file as no events and keeps dates as strings", () => {
    assert.deepEqual(parseEventsFile("lu.yaml", "").entries, []);
    const { entries } = parseEventsFile("lu.yaml", "- inForce: 2017-04-01\n  published: \"2008\"\n");
    assert.deepEqual(entries, [{ inForce: "2017-04-01", published: "2008" }]);
  });
});

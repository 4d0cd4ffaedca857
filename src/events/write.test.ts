import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { parse } from "yaml";
import { loadRegister, parseEventsFile, RegisterError } from "./register.ts";
import { eventKeyOrder } from "./schema.ts";
import { validateRegister } from "./validate.ts";
import { addEvent, formatEventsFile } from "./write.ts";

const registerDir = fileURLToPath(new URL("../../data/events/", import.meta.url));
const fixture = (name: string) => parse(readFileSync(fileURLToPath(new URL(`../../test/fixtures/events/${name}`, import.meta.url)), "utf8")) as Record<string, unknown>;

describe("formatEventsFile", () => {
  it("formatEventsFile(events) reproduces every register file byte for byte (the files are in stable order)", () => {
    for (const name of readdirSync(registerDir).filter((n) => n.endsWith(".yaml"))) {
      const text = readFileSync(path.join(registerDir, name), "utf8");
      const { events, problems } = validateRegister([parseEventsFile(name, text)]);
      assert.deepEqual(problems, [], name);
      assert.equal(formatEventsFile(events), text, name);
    }
  });

  it("formatEventsFile(events) writes keys in schema order and sorts by date then id", () => {
    const events = loadRegister(registerDir).filter((e) => e.level === "LU").reverse();
    const text = formatEventsFile(events);
    const back = parse(text) as Record<string, unknown>[];
    assert.deepEqual(back.map((e) => e.id), ["lu-2008-free-movement-and-immigration-law", "lu-2009-nationality-law-dual-citizenship", "lu-2017-immigration-law-amendment", "lu-2017-nationality-law"]);
    const keys = Object.keys(back[0]!);
    assert.deepEqual(keys, eventKeyOrder.filter((k) => keys.includes(k)));
  });
});

describe("addEvent", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "migmon-events-add-"));
    cpSync(registerDir, dir, { recursive: true });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("addEvent(dir, event) writes the event into its level's file, which stays valid and sorted", () => {
    const before = loadRegister(dir).length;
    const written = addEvent(dir, fixture("new-event.yaml"));
    assert.equal(written, path.join(dir, "de.yaml"));
    const after = loadRegister(dir);
    assert.equal(after.length, before + 1);
    const de = after.filter((e) => e.level === "DE").map((e) => e.id);
    assert.deepEqual(de.slice(3, 6), ["de-2016-asylum-package-ii", "de-2016-integration-act", "de-2020-skilled-immigration-act"]);
    const text = readFileSync(written, "utf8");
    assert.equal(formatEventsFile(after.filter((e) => e.level === "DE")), text);
  });

  it("addEvent(dir, event) refuses an id already in the register without writing", () => {
    const bytes = readFileSync(path.join(dir, "de.yaml"));
    assert.throws(() => addEvent(dir, fixture("new-event.yaml")), (e: unknown) => e instanceof RegisterError && /unique-id/.test(e.message));
    assert.deepEqual(readFileSync(path.join(dir, "de.yaml")), bytes);
  });

  it("addEvent(dir, event) refuses an invalid event without writing any file", () => {
    const snapshot = Object.fromEntries(readdirSync(dir).map((n) => [n, readFileSync(path.join(dir, n), "utf8")]));
    assert.throws(() => addEvent(dir, fixture("invalid-event.yaml")), (e: unknown) => e instanceof RegisterError && e.problems.length >= 1);
    assert.deepEqual(Object.fromEntries(readdirSync(dir).map((n) => [n, readFileSync(path.join(dir, n), "utf8")])), snapshot);
  });

  it("addEvent(dir, event) reports every broken rule of an event that passes the schema but not the register", () => {
    const event = { ...fixture("new-event.yaml"), id: "de-2016-integration-act-copy", published: "2016-09-01", geography: ["NL"] };
    assert.throws(() => addEvent(dir, event), (e: unknown) => {
      if (!(e instanceof RegisterError)) return false;
      const rules = e.problems.map((p) => p.rule).sort();
      return JSON.stringify(rules) === JSON.stringify(["date-order", "geography"]);
    });
  });
});

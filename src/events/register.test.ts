import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { loadRegister, RegisterError, readRegisterFiles, resolveEventsDir } from "./register.ts";
import { eventKinds, eventLevels } from "./schema.ts";
import { fileOfLevel, validateRegister } from "./validate.ts";

const registerDir = fileURLToPath(new URL("../../data/events/", import.meta.url));

describe("the register in data/events", () => {
  it("readRegisterFiles(data/events) has one file per level and every file validates", () => {
    const files = readRegisterFiles(registerDir);
    assert.deepEqual(files.map((f) => f.file), eventLevels.map(fileOfLevel).sort());
    for (const file of files) {
      const { problems } = validateRegister([file]);
      assert.deepEqual(problems, [], file.file);
    }
    const { problems } = validateRegister(files);
    assert.deepEqual(problems, []);
  });

  it("loadRegister(data/events) holds at least 80 events from 2000 on, with every level, kind and decade represented", () => {
    const events = loadRegister(registerDir);
    const count = (key: (e: (typeof events)[number]) => string) => {
      const counts: Record<string, number> = {};
      for (const e of events) counts[key(e)] = (counts[key(e)] ?? 0) + 1;
      return counts;
    };
    const byLevel = count((e) => e.level);
    const byKind = count((e) => e.kind);
    const byDecade = count((e) => `${e.inForce.slice(0, 3)}0s`);
    const byChecked = count((e) => (e.checked ? "checked" : "unchecked"));
    console.log("events per level", byLevel);
    console.log("events per kind", byKind);
    console.log("events per decade", byDecade);
    console.log("checked against a source", byChecked);
    assert.ok(events.length >= 80, `only ${events.length} events`);
    for (const level of eventLevels) assert.ok((byLevel[level] ?? 0) > 0, `no event at level ${level}`);
    for (const kind of eventKinds) assert.ok((byKind[kind] ?? 0) > 0, `no event of kind ${kind}`);
    for (const decade of ["2000s", "2010s", "2020s"]) assert.ok((byDecade[decade] ?? 0) > 0, `no event in the ${decade}`);
    assert.ok(events.every((e) => e.inForce >= "2000"), "an event in force before 2000");
  });

  it("loadRegister(dir) throws RegisterError naming the file and event id of the first problem", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "migmon-events-"));
    try {
      cpSync(registerDir, dir, { recursive: true });
      assert.ok(readdirSync(dir).includes("lu.yaml"));
      writeFileSync(path.join(dir, "lu.yaml"), "- id: lu-2017-nationality-law\n  kind: policy\n");
      assert.throws(() => loadRegister(dir), (e: unknown) => e instanceof RegisterError && /lu\.yaml: lu-2017-nationality-law: schema: /.test(e.message) && e.problems.length > 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("resolveEventsDir(env, cwd) prefers MIGMON_EVENTS_DIR relative to cwd, else data/events of the repository", () => {
    assert.equal(resolveEventsDir({ MIGMON_EVENTS_DIR: "x/events" }, "/tmp/work"), "/tmp/work/x/events");
    assert.equal(path.resolve(resolveEventsDir({})), path.resolve(registerDir));
  });
});

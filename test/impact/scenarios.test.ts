import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { describe, it } from "node:test";
import { loadRules } from "../../src/impact/rules.ts";
import { curatedScenariosDir, parseScenario, readScenarioFile } from "../../src/impact/scenario.ts";
import { findUnorderedOverlaps } from "../../src/impact/rules.ts";

const names = readdirSync(curatedScenariosDir).filter((f) => f.endsWith(".yaml")).map((f) => f.slice(0, -5));

describe("scenarios (data/impact/scenarios)", () => {
  it("readScenarioFile(name) validates every documented scenario; every parameter states a source; rule changes overlap nothing without precedence", () => {
    assert.ok(names.includes("tp-wave-2026"));
    const rules = loadRules();
    for (const name of names) {
      const s = readScenarioFile(name, process.cwd());
      assert.equal(s.id, name, `${name}: id and file name agree`);
      for (const [key, p] of Object.entries(s.parameters)) {
        const list = "value" in p ? [p] : Object.values(p);
        for (const q of list) assert.ok(q.source.length > 0 && (q.assumption || !/assumption/i.test(q.source)), `${name} ${key}: an assumption is flagged as one`);
      }
      assert.deepEqual(findUnorderedOverlaps([...rules, ...s.ruleChanges]), [], name);
    }
  });

  it("parseScenario(text, source) names the field and the file of the first problem", () => {
    assert.throws(() => parseScenario("id: x\n", "mine.yaml"), /in mine\.yaml$/);
    assert.throws(() => parseScenario("id: [", "broken.yaml"), /not YAML: .* in broken\.yaml/);
    const text = `id: t\ntitle: {nl: a, fr: b, en: c}\ndescription: d\nstartYear: 2026\nhorizon: 0\nlevel: 80\nallocation: non-belgian-stock\nparameters: {}\n`;
    assert.throws(() => parseScenario(text, "h.yaml"), /at horizon in h\.yaml/);
  });
});

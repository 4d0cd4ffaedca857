import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ESLint } from "eslint";

describe("the import-direction rule for src/impact (DESIGN.md §2)", () => {
  const lint = async (source: string) => {
    const eslint = new ESLint({ cwd: process.cwd() });
    const [result] = await eslint.lintText(`${source}\nexport const probe = 1;\n`, { filePath: "src/impact/probe.ts" });
    return result!.messages.filter((m) => m.ruleId === "migmon/import-direction").map((m) => m.message);
  };

  it("impact may import core, analysis, events, indicators and reference", async () => {
    for (const area of ["core/index.ts", "analysis/meanForecast.ts", "events/schema.ts", "indicators/catalogue.ts", "reference/geography.ts"]) {
      assert.deepEqual(await lint(`import type {} from "../${area}";`), [], area);
    }
  });

  it("impact may not import store, server, web, cli or assess", async () => {
    for (const area of ["store/store.ts", "server/app.ts", "web/main.ts", "cli/main.ts", "assess/assessPolicyEffect.ts"]) {
      const messages = await lint(`import type {} from "../${area}";`);
      assert.equal(messages.length, 1, area);
      assert.match(messages[0]!, /^impact\/ may not import /);
    }
  });
});

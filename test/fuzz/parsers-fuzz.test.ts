// Fuzzing of every parser and of the agency delivery's description loader and table check: mutated real files
// (bit flips, truncation, wrong delimiters, BOMs, huge numbers, long lines, invalid UTF-8, corrupt gzip, gzip
// bombs, XML entity expansion, deeply nested JSON; test/fuzz/mutations.ts) must give a result or a MigmonError
// whose message is one line naming the file and a line or field, never another exception, never a hang.
// Seeded, so a failure names a case that replays (target, case number). The long run is bench/fuzz/run.ts.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { mutationKinds } from "./mutations.ts";
import { runCase } from "./fuzz-case.ts";
import { fuzzTargets } from "./targets.ts";

const seed = 20261207;
/** One case of each mutation kind per target: 18 x 26 targets = 468 cases. */
const casesPerTarget = mutationKinds.length;

describe("every parser under fuzzing", () => {
  for (const target of fuzzTargets()) {
    it(`${target.id}(${casesPerTarget} mutated ${target.name}) gives a result or a one-line MigmonError naming the file and a line or field`, async () => {
      const counts = { ok: 0, refused: 0 };
      for (let n = 0; n < casesPerTarget; n++) {
        const outcome = await runCase(target, seed, n, 10_000);
        const what = `${target.id} case ${n} (${outcome.mutation})`;
        if (outcome.result === "crash") assert.fail(`${what} threw ${String((outcome.error as Error)?.stack ?? outcome.error)}`);
        if (outcome.result === "hang") assert.fail(`${what} did not end within 10 s`);
        if (outcome.fault) assert.fail(`${what}: ${outcome.fault}: ${(outcome.error as Error).message}`);
        counts[outcome.result]++;
      }
      // both outcomes must occur, or the mutations are too weak (or too strong) to test anything
      assert.ok(counts.ok > 0 && counts.refused > 0, JSON.stringify(counts));
    });
  }
});

// The long fuzz run: the generator of test/fuzz (mutations.ts, targets.ts, fuzz-case.ts) at up to 10,000 cases
// per target, within a time budget shared equally by the 26 targets, so the run stops by itself. Prints and writes
// (bench/fuzz/result.json) the cases, refusals by kind, crashes, hangs, messages that break the one-line rule,
// and the slowest case.
//   node --import tsx bench/fuzz/run.ts [casesPerTarget=10000] [budgetSeconds=270] [seed=20261207]
import { writeFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { refusalKind, runCase, type CaseOutcome } from "../../test/fuzz/fuzz-case.ts";
import { fuzzTargets } from "../../test/fuzz/targets.ts";

const casesPerTarget = Number(process.argv[2] ?? 10_000);
const budgetSeconds = Number(process.argv[3] ?? 270);
const seed = Number(process.argv[4] ?? 20261207);
/** The hang limit of issue 18: a case that has not ended after 30 s is a hang. */
const hangMs = 30_000;

interface TargetResult {
  target: string;
  cases: number;
  ok: number;
  refused: number;
  crashes: number;
  hangs: number;
  faults: number;
  maxMs: number;
  slowest: string;
}

const started = performance.now();
const targets = fuzzTargets();
const perTargetMs = (budgetSeconds * 1000) / targets.length;
const refusalKinds: Record<string, number> = {};
const byMutation: Record<string, { cases: number; ok: number; refused: number }> = {};
const problems: Array<{ target: string; case: number; mutation: string; result: string; detail: string }> = [];
const results: TargetResult[] = [];
let slowest = { ms: 0, what: "" };

for (const target of targets) {
  const result: TargetResult = { target: target.id, cases: 0, ok: 0, refused: 0, crashes: 0, hangs: 0, faults: 0, maxMs: 0, slowest: "" };
  const targetStart = performance.now();
  for (let n = 0; n < casesPerTarget && performance.now() - targetStart < perTargetMs; n++) {
    const outcome: CaseOutcome = await runCase(target, seed, n, hangMs);
    result.cases++;
    const mutation = (byMutation[outcome.mutation] ??= { cases: 0, ok: 0, refused: 0 });
    mutation.cases++;
    if (outcome.ms > result.maxMs) {
      result.maxMs = outcome.ms;
      result.slowest = `case ${n} (${outcome.mutation})`;
    }
    if (outcome.ms > slowest.ms) slowest = { ms: outcome.ms, what: `${target.id} case ${n} (${outcome.mutation})` };
    if (outcome.result === "ok") {
      result.ok++;
      mutation.ok++;
    } else if (outcome.result === "refused") {
      result.refused++;
      mutation.refused++;
      const kind = refusalKind(outcome.error);
      refusalKinds[kind] = (refusalKinds[kind] ?? 0) + 1;
      if (outcome.fault) {
        result.faults++;
        problems.push({ target: target.id, case: n, mutation: outcome.mutation, result: "fault", detail: `${outcome.fault}: ${(outcome.error as Error).message.slice(0, 300)}` });
      }
    } else if (outcome.result === "crash") {
      result.crashes++;
      problems.push({ target: target.id, case: n, mutation: outcome.mutation, result: "crash", detail: String((outcome.error as Error)?.stack ?? outcome.error).split("\n").slice(0, 3).join(" | ") });
    } else {
      result.hangs++;
      problems.push({ target: target.id, case: n, mutation: outcome.mutation, result: "hang", detail: `no end within ${hangMs / 1000} s` });
    }
  }
  results.push(result);
  process.stderr.write(`${target.id}: ${result.cases} cases, ${result.ok} ok, ${result.refused} refused, ${result.crashes} crashes, ` +
    `${result.hangs} hangs, ${result.faults} faults, slowest ${result.maxMs.toFixed(0)} ms\n`);
}

const total = (key: keyof Omit<TargetResult, "target" | "slowest" | "maxMs">) => results.reduce((s, r) => s + r[key], 0);
const summary = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version, loadAverageAtEnd: os.loadavg().map((x) => Number(x.toFixed(2))) },
  seed,
  casesPerTargetAsked: casesPerTarget,
  budgetSeconds,
  seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  targets: results.length,
  cases: total("cases"),
  ok: total("ok"),
  refused: total("refused"),
  crashes: total("crashes"),
  hangs: total("hangs"),
  faults: total("faults"),
  maxMsPerCase: Number(slowest.ms.toFixed(1)),
  slowestCase: slowest.what,
  refusalsByKind: Object.fromEntries(Object.entries(refusalKinds).sort((a, b) => b[1] - a[1])),
  byMutation,
  perTarget: results.map((r) => ({ ...r, maxMs: Number(r.maxMs.toFixed(1)) })),
  problems: problems.slice(0, 50),
};
writeFileSync(fileURLToPath(new URL("./result.json", import.meta.url)), `${JSON.stringify(summary, null, 2)}\n`);
process.stdout.write(`${summary.cases} cases over ${summary.targets} targets in ${summary.seconds} s: ${summary.ok} read, ${summary.refused} refused, ` +
  `${summary.crashes} crashes, ${summary.hangs} hangs, ${summary.faults} messages breaking the rules; slowest case ${summary.maxMsPerCase} ms (${summary.slowestCase})\n`);
for (const [kind, n] of Object.entries(summary.refusalsByKind)) process.stdout.write(`  ${kind}: ${n}\n`);
// a hung case keeps running in the background: end the process instead of waiting for it
process.exit(summary.crashes + summary.hangs + summary.faults === 0 ? 0 : 1);

// An agency delivery after a valid load is a dataset like the others: query, releases, diff and the indicators
// read it (it has no entry in data/sources.yaml). And a wrong declared total is named in the same report as the
// rows' own problems.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { checkDeliveryFile } from "../../src/ingest/delivery.ts";
import { runCli } from "../cli/run-cli.ts";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/deliveries/${name}`, import.meta.url));
const example = fileURLToPath(new URL("../../data/deliveries/examples/civic-integration-starts.yaml", import.meta.url));
const valid = readFileSync(fixture("civic-integration-starts-2024.csv"), "utf8");

/** The valid fixture with some cells replaced: `edits` maps `gemeente;nationaliteit` to a new `aantal` or `vlag`. */
function edited(edits: Record<string, { aantal?: string; vlag?: string }>): string {
  return valid.split("\n").map((line) => {
    const cells = line.split(";");
    const edit = edits[`${cells[0]};${cells[1]}`];
    if (edit === undefined) return line;
    if (edit.aantal !== undefined) cells[4] = edit.aantal;
    if (edit.vlag !== undefined) cells[5] = edit.vlag;
    return cells.join(";");
  }).join("\n");
}

/** The `aantal` of a row of a CSV text read with a plain split. */
function figure(text: string, geo: string, citizen: string): number {
  const row = text.split("\n").map((l) => l.split(";")).find((c) => c[0] === geo && c[1] === citizen && c[2] === "T");
  return Number(row?.[4]);
}

describe("agency deliveries end to end", () => {
  let dir: string;
  let env: Record<string, string>;
  let second: string;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "migmon-delivery-e2e-"));
    env = { MIGMON_DB: path.join(dir, "store.duckdb") };
    // A corrected delivery: one more start by a Moroccan in 11002, so its TOTAL, the arrondissement's MA and TOTAL follow.
    second = path.join(dir, "civic-integration-starts-2024-corrected.csv");
    writeFileSync(second, edited({ "11002;MA": { aantal: "9" }, "11002;TOTAL": { aantal: "41" }, "11000;MA": { aantal: "362" }, "11000;TOTAL": { aantal: "1081" } }));
    for (const file of [fixture("civic-integration-starts-2024.csv"), second]) {
      const run = await runCli(["ingest", "agency:civic_integration_starts", "--file", file, "--describe", example], env, () => new Date("2026-01-15T10:00:00Z"));
      assert.equal(run.code, 0, run.stderr);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("migmon releases agency:<code> lists both deliveries with their counts", async () => {
    const run = await runCli(["releases", "agency:civic_integration_starts", "--format", "json"], env);
    assert.equal(run.code, 0, run.stderr);
    const releases = JSON.parse(run.stdout) as { release: number; observations: number; changed: number }[];
    assert.deepEqual(releases.map((r) => [r.observations, r.changed]), [[valid.trim().split("\n").length - 1, 0], [valid.trim().split("\n").length - 1, 4]]);
  });

  it("migmon query <code> reads the delivery by its bare code, latest and as loaded on a date", async () => {
    const run = await runCli(["query", "civic_integration_starts", "--where", "geo=11002", "--where", "citizen=MA", "--format", "json"], env);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual((JSON.parse(run.stdout) as { value: number; flags: string }[]).map((r) => [r.value, r.flags]), [[figure(readFileSync(second, "utf8"), "11002", "MA"), "p"]]);
  });

  it("migmon diff agency:<code> 1 2 names the four corrected cells", async () => {
    const releases = JSON.parse((await runCli(["releases", "agency:civic_integration_starts", "--format", "json"], env)).stdout) as { release: number }[];
    const run = await runCli(["diff", "agency:civic_integration_starts", String(releases[0]!.release), String(releases[1]!.release), "--format", "json"], env);
    assert.equal(run.code, 0, run.stderr);
    const changes = JSON.parse(run.stdout) as { geo: string; citizen: string; change: string; value_before: number; value_after: number }[];
    assert.deepEqual(changes.map((c) => `${c.geo} ${c.citizen} ${c.change} ${c.value_before}->${c.value_after}`).sort(), [
      `11000 MA value ${figure(valid, "11000", "MA")}->362`, `11000 TOTAL value ${figure(valid, "11000", "TOTAL")}->1081`,
      `11002 MA value ${figure(valid, "11002", "MA")}->9`, `11002 TOTAL value ${figure(valid, "11002", "TOTAL")}->41`,
    ]);
  });

  it("migmon indicator civic_integration_starts reads the delivery for a municipality", async () => {
    const run = await runCli(["indicator", "civic_integration_starts", "--geo", "11002,11001", "--format", "json"], env);
    assert.equal(run.code, 0, run.stderr);
    const values = JSON.parse(run.stdout) as { geo: string; period: string; value: number }[];
    assert.deepEqual(values.map((v) => [v.geo, v.period, v.value]).sort(), [["11001", "2024", figure(valid, "11001", "TOTAL")], ["11002", "2024", 41]]);
  });

  it("migmon query <name> that is neither catalogued nor loaded says where it looked, exit 1", async () => {
    const run = await runCli(["query", "agency:nothing_delivered"], env);
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /dataset "agency:nothing_delivered" is neither in the source catalogue .* nor in the store/);
  });

  it("checkDeliveryFile names a wrong declared total in the same report as a bad flag in one of its parts", async () => {
    const file = path.join(dir, "wrong-total-and-flag.csv");
    writeFileSync(file, edited({ "11000;TOTAL": { aantal: "1079" }, "11000;MA": { vlag: "x" } }));
    const checked = await checkDeliveryFile(file, example);
    assert.deepEqual(checked.problems.map((p) => [p.row, p.column, p.kind]), [[2, "vlag", "bad-flag"], [5, "aantal", "total-mismatch"], [5, "aantal", "total-mismatch"]]);
    const sum = ["MA", "SY", "UA"].reduce((s, c) => s + figure(valid, "11000", c), 0);
    assert.ok(checked.problems.some((p) => p.message.includes(`citizen=TOTAL is 1079 but its 3 parts (others) sum to ${sum}`)));
  });
});

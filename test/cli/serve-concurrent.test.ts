// One store, two processes (issue 16): a read-only `migmon serve` (no MIGMON_ADMIN_TOKEN) holds the DuckDB file in
// READ_ONLY mode, so CLI reads open it read-only beside it and a CLI load is refused with a message that says why.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { sharedData } from "../shared-data.ts";
import { runCli } from "./run-cli.ts";

const bin = fileURLToPath(new URL("../../bin/migmon.js", import.meta.url));
const teinaFile = sharedData("eurostat/bulk-tsv/teina200.tsv");

/** Austria's figures of one unit in teina200.tsv, read by plain code: period -> value (cells with a number only). */
function austria(unit: string): Map<string, number> {
  const lines = readFileSync(teinaFile, "utf8").split("\n");
  const periods = (lines[0] ?? "").split("\t").slice(1).map((p) => p.trim());
  const cells = (lines.find((l) => l.startsWith(`${unit},AT\t`)) ?? "").split("\t").slice(1);
  const figures = new Map<string, number>();
  periods.forEach((period, i) => {
    const value = Number.parseFloat(cells[i] ?? "");
    if (Number.isFinite(value)) figures.set(period, value);
  });
  return figures;
}

describe("migmon while serve runs on the same store", () => {
  let dir: string;
  let env: Record<string, string>;
  let server: ChildProcess;
  let url = "";
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "migmon-concurrent-"));
    env = { MIGMON_DB: path.join(dir, "store.duckdb") };
    const loaded = await runCli(["ingest", "eurostat:teina200", "--file", teinaFile], env);
    assert.equal(loaded.code, 0, loaded.stderr);
    server = spawn(process.execPath, [bin, "serve", "--port", "0"], { env: { ...process.env, ...env, MIGMON_FROM_SOURCE: "1", MIGMON_ADMIN_TOKEN: "" }, stdio: ["ignore", "ignore", "pipe"] });
    url = await new Promise<string>((resolve, reject) => {
      let text = "";
      server.stderr?.on("data", (chunk: Buffer) => {
        text += chunk.toString();
        const found = /migmon: serving (\S+)\/api/.exec(text);
        if (found?.[1]) resolve(found[1]);
      });
      server.once("exit", (code) => reject(new Error(`serve exited (${code}): ${text}`)));
    });
  });
  after(async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it("migmon query succeeds while a read-only serve holds the store, with the file's figures, as the server answers them", async () => {
    const run = await runCli(["query", "eurostat:teina200", "--where", "geo=AT", "--where", "unit=MIO_EUR", "--format", "json"], env);
    assert.equal(run.code, 0, run.stderr);
    const rows = JSON.parse(run.stdout) as { period: string; value: number | null }[];
    const expected = austria("MIO_EUR");
    assert.ok(expected.size > 0);
    assert.deepEqual(new Map(rows.filter((r) => r.value !== null).map((r) => [r.period, r.value])), expected);
    const served = await (await fetch(`${url}/api/datasets/eurostat:teina200/observations?where=geo:AT&where=unit:MIO_EUR`)).json() as { observations: { period: string; value: number | null }[] };
    assert.deepEqual(new Map(served.observations.filter((o) => o.value !== null).map((o) => [o.period, o.value])), expected);
  });

  it("migmon ingest while a read-only serve holds the store is refused naming the read-only store, and the store keeps its one release", async () => {
    const run = await runCli(["ingest", "eurostat:teina200", "--file", teinaFile], env);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /is open read-only \(another process holds it/);
    const releases = await runCli(["releases", "eurostat:teina200", "--format", "json"], env);
    assert.equal((JSON.parse(releases.stdout) as unknown[]).length, 1);
  });
});

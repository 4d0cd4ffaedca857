import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import { DuckDBInstance } from "@duckdb/node-api";
import { openDuckDbStore } from "../src/store/duckdb-store.ts";
import { migrDataset } from "./fixtures/store/releases.ts";

const child = fileURLToPath(new URL("./fixtures/store/ingest-then-die.ts", import.meta.url));
const repoRoot = fileURLToPath(new URL("..", import.meta.url));

/**
 * Runs the child on `path`. In mode `staging` the test SIGKILLs it as soon as it reports that release 2 is staging;
 * in mode `before-commit` it kills itself.
 */
function runChild(path: string, mode: "staging" | "before-commit" | "first-staging" | "first-before-commit"): Promise<{ said: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ["--import", "tsx", child, path, mode], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    let said = "";
    let stderr = "";
    proc.stdout.on("data", (d: Buffer) => {
      said += d.toString();
      if (mode.endsWith("staging") && said.includes("staging\n")) proc.kill("SIGKILL");
    });
    proc.stderr.on("data", (d: Buffer) => { stderr += d.toString(); });
    proc.on("error", reject);
    proc.on("exit", (_code, signal) => (signal === null && !said.includes("staging") ? reject(new Error(`child ended early: ${stderr}`)) : resolve({ said, signal })));
  });
}

async function tableCounts(path: string): Promise<Record<string, number>> {
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  const out: Record<string, number> = {};
  for (const t of ["datasets", "releases", "series", "periods", "observations"]) {
    out[t] = Number((await conn.runAndReadAll(`SELECT count(*) FROM ${t}`)).getRows()[0]?.[0]);
  }
  conn.closeSync();
  instance.closeSync();
  return out;
}

/**
 * Reopens the store the child left and checks it holds exactly release 1: same counts, same figures, no orphan
 * release, series or period row; then that the next load becomes release 2 and a clean close empties the WAL.
 */
async function assertRelease1Only(path: string): Promise<void> {
  const store = await openDuckDbStore(path);
  const releases = await store.listReleases(migrDataset.id);
  assert.deepEqual(releases.map((r) => [r.id, r.checksum, r.observations, r.added, r.changed, r.removed]), [[1, "r1", 60, 60, 0, 0]]);
  const latest = await store.query({ dataset: migrDataset.id });
  assert.equal(latest.length, 60);
  // Figures from the child's formula: value = year - 2000 + 100 x (F 0, M 1, T 2), 2020 flagged p.
  const at = (series: string, period: string) => latest.find((o) => o.series === series && o.period === period);
  assert.deepEqual(at("F.BE", "2001"), { series: "F.BE", period: "2001", value: 1, flags: "", release: 1 });
  assert.deepEqual(at("M.BE", "2010"), { series: "M.BE", period: "2010", value: 110, flags: "", release: 1 });
  assert.deepEqual(at("T.BE", "2020"), { series: "T.BE", period: "2020", value: 220, flags: "p", release: 1 });
  // Sum of 1..20 = 210 for each of the three series, plus 20 x 100 for M and 20 x 200 for T.
  assert.equal(latest.reduce((sum, o) => sum + (o.value ?? 0), 0), 3 * 210 + 20 * 300);
  assert.deepEqual(await store.query({ dataset: migrDataset.id, where: { geo: ["G0"] } }), []);
  await store.close();
  assert.deepEqual(await tableCounts(path), { datasets: 1, releases: 1, series: 3, periods: 20, observations: 60 });

  const again = await openDuckDbStore(path);
  const next = await again.loadRelease({
    dataset: migrDataset, checksum: "r2b", sourceUri: "test://r2b", format: "generated", retrievedAt: "2024-03-01T00:00:00Z",
    sourceUpdatedAt: null, batches: (async function* () { yield latest.slice(0, 59); })(),
  });
  assert.deepEqual([next.release.id, next.release.removed], [2, 1]);
  await again.close();
  // A clean close checkpoints the log into the file.
  assert.equal(existsSync(`${path}.wal`), false);
  assert.deepEqual(await tableCounts(path), { datasets: 1, releases: 2, series: 3, periods: 20, observations: 60 });
}

test("openDuckDbStore(path) after a SIGKILL while a load stages holds exactly the previous release, replayed from the WAL", async () => {
  const dir = await mkdtemp(join(tmpdir(), "migmon-crash-"));
  try {
    const path = join(dir, "crash.duckdb");
    const { said, signal } = await runChild(path, "staging");
    assert.equal(signal, "SIGKILL");
    assert.equal(said, "release 1 loaded\nstaging\n");
    // Release 1 was committed but never checkpointed: it lives only in the write-ahead log, which DuckDB replays
    // on open; release 2 never committed, so nothing of it is in the log or the file.
    assert.ok(existsSync(`${path}.wal`), "release 1 is still in the write-ahead log");
    await assertRelease1Only(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("openDuckDbStore(path) after a SIGKILL at COMMIT of a fully applied load holds exactly the previous release", async () => {
  const dir = await mkdtemp(join(tmpdir(), "migmon-crash-"));
  try {
    const path = join(dir, "crash.duckdb");
    // The child's transaction had closed all 60 rows of release 1 and written 300,060 new rows (enough for DuckDB
    // to write row groups to the file ahead of the commit) when it died.
    const { said, signal } = await runChild(path, "before-commit");
    assert.equal(signal, "SIGKILL");
    assert.equal(said, "release 1 loaded\nstaging\n");
    await assertRelease1Only(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("openDuckDbStore(path) after a SIGKILL while a dataset's first release is being written holds exactly the previous state", async () => {
  const dir = await mkdtemp(join(tmpdir(), "migmon-crash-"));
  try {
    const path = join(dir, "crash.duckdb");
    // The child had written 524,288 rows of test:other into observations inside its open transaction when killed.
    const { said, signal } = await runChild(path, "first-staging");
    assert.equal(signal, "SIGKILL");
    assert.equal(said, "release 1 loaded\nstaging\n");
    await assertRelease1Only(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("openDuckDbStore(path) after a SIGKILL at COMMIT of a dataset's fully written first release holds exactly the previous state", async () => {
  const dir = await mkdtemp(join(tmpdir(), "migmon-crash-"));
  try {
    const path = join(dir, "crash.duckdb");
    const { said, signal } = await runChild(path, "first-before-commit");
    assert.equal(signal, "SIGKILL");
    assert.equal(said, "release 1 loaded\nstaging\n");
    await assertRelease1Only(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

// Faults of the PostgreSQL store (issue 18): a load killed with SIGKILL at seeded random moments leaves the old or
// the new release, never part of one; a server that goes away during a load is a one-line DatabaseUnavailableError
// and no partial release. Needs MIGMON_TEST_DATABASE_URL (skipped outside CI without it, as postgres-store.test.ts).
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import type { DatasetId } from "../../src/core/index.ts";
import { DatabaseUnavailableError, openPostgresStore } from "../../src/store/postgres-store.ts";
import type { Store } from "../../src/store/store.ts";

const url = process.env["MIGMON_TEST_DATABASE_URL"] ?? "";
const skip = url === "" && process.env["CI"] !== "true" ? "MIGMON_TEST_DATABASE_URL is unset: start a cluster with `eval \"$(bash .ci/postgres.sh)\"`" : false;
const schema = `faults_${process.pid}`;
const series = 2000;
const kill = "test:kill" as DatasetId;

/** A small seeded generator (mulberry32), so a failing trial can be run again. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs the child load of `version`; kills it `delayMs` after it says it is loading (never, when null). */
function childLoad(version: number, delayMs: number | null): Promise<{ done: boolean; signal: string | null; loadMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/store/postgres-kill-child.ts", url, schema, String(version), String(series)],
      { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let started = 0;
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (started === 0 && out.includes("loading")) {
        started = Date.now();
        if (delayMs !== null) setTimeout(() => child.kill("SIGKILL"), delayMs);
      }
    });
    child.stderr.on("data", (d: Buffer) => { err += d.toString(); });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (signal === null && code !== 0) reject(new Error(`child load failed (${code}): ${err}`));
      else resolve({ done: out.includes("done"), signal, loadMs: Date.now() - started });
    });
  });
}

/** The versions the latest state holds (each value is version * 1000 + year offset) and the releases listed. */
async function state(store: Store): Promise<{ versions: number[]; rows: number; releases: number[] }> {
  const rows = await store.query({ dataset: kill });
  const versions = [...new Set(rows.map((o) => Math.floor((o.value ?? 0) / 1000)))].sort();
  return { versions, rows: rows.length, releases: (await store.listReleases(kill)).map((r) => r.id) };
}

describe("PostgreSQL store under faults", { skip }, () => {
  let store: Store;
  // How long one whole load takes here: the kills are spread over it and a little past it.
  let loadMs = 0;
  before(async () => {
    // Named, so that the test terminates this store's connections only, not those of tests running beside it.
    const named = new URL(url);
    named.searchParams.set("application_name", schema);
    store = await openPostgresStore(named.toString(), { schema });
    assert.equal((await childLoad(1, null)).done, true);
  });
  after(async () => {
    await store.close();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  test("loadRelease killed by SIGKILL at 6 seeded random moments leaves the old or the new release whole", async () => {
    const next = random(18);
    const timed = await childLoad(2, null);
    assert.equal(timed.done, true);
    loadMs = timed.loadMs;
    let version = 2;
    const outcomes: string[] = [];
    for (let trial = 0; trial < Number(process.env["MIGMON_KILL_TRIALS"] ?? 6); trial++) {
      const delay = Math.floor(next() * loadMs * 1.2);
      const run = await childLoad(version + 1, delay);
      const seen = await state(store);
      // Whole: one version in every row, all series x 20 years, and as many releases as versions loaded.
      assert.equal(seen.versions.length, 1, `trial ${trial} (kill after ${delay} ms) mixes versions ${seen.versions.join(", ")}`);
      assert.equal(seen.rows, series * 20, `trial ${trial} (kill after ${delay} ms) has ${seen.rows} rows`);
      const now = seen.versions[0] as number;
      assert.ok(now === version || now === version + 1, `trial ${trial}: version ${now} after ${version}`);
      assert.equal(seen.releases.length, now, `trial ${trial}: ${seen.releases.length} releases for version ${now}`);
      outcomes.push(`${delay} ms: ${now === version ? "old" : "new"}${run.signal === null ? " (finished first)" : ""}`);
      version = now;
    }
    // The lock a killed load held is gone with its connection: a load after the trials goes through.
    assert.equal((await childLoad(version + 1, null)).done, true);
    assert.deepEqual((await state(store)).versions, [version + 1]);
    process.stderr.write(`SIGKILL trials (a whole load ${loadMs} ms): ${outcomes.join("; ")}\n`);
  });

  test("a load whose server connection is terminated fails with one line naming the store, and leaves no release", async () => {
    const before = await store.listReleases(kill);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    let reachedPause = () => {};
    const atPause = new Promise<void>((resolve) => { reachedPause = resolve; });
    async function* rows() {
      yield [{ series: "T.G0", period: "2000", value: 1, flags: "" }] as never[];
      reachedPause();
      // Held open until the server has dropped the connection under it.
      await new Promise((resolve) => setTimeout(resolve, 500));
      yield [{ series: "T.G1", period: "2000", value: 1, flags: "" }] as never[];
    }
    const loading = store.loadRelease({ dataset: { ...(await store.getDataset(kill)) }, checksum: "cut", sourceUri: "file:///cut.tsv",
      format: "tsv", retrievedAt: "2026-01-01T00:00:00Z", sourceUpdatedAt: null, batches: rows(), allowShrink: true })
      .then(() => null, (e: unknown) => e);
    await atPause;
    // As a server restart does to its sessions: every connection of this store is terminated.
    const ended = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [schema]);
    assert.ok(ended.rows.length >= 1);
    await admin.end();
    const failure = await loading;
    assert.ok(failure instanceof DatabaseUnavailableError, `expected DatabaseUnavailableError, got ${String(failure)}`);
    assert.match(failure.message, /^the PostgreSQL store postgres:\/\/\S+ is unavailable while loading test:kill; nothing was written by it: /);
    assert.doesNotMatch(failure.message, /\n/);
    // The store recovers: the pool opens new connections, and the release list is as before.
    assert.deepEqual(await store.listReleases(kill), before);
  });
});

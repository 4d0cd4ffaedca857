// MIGMON_DATABASE_URL makes the commands use the PostgreSQL store (issue 18): `migmon db init`, then the offline
// update and the queries of a real file answer exactly as with the DuckDB store. Needs MIGMON_TEST_DATABASE_URL
// (skipped outside CI without it, as postgres-store.test.ts).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { sharedDataDir } from "../shared-data.ts";
import { runCli } from "../cli/run-cli.ts";

const url = process.env["MIGMON_TEST_DATABASE_URL"] ?? "";
const skip = url === "" && process.env["CI"] !== "true" ? "MIGMON_TEST_DATABASE_URL is unset: start a cluster with `eval \"$(bash .ci/postgres.sh)\"`" : false;
const database = `cli_${process.pid}`;

describe("migmon with MIGMON_DATABASE_URL", { skip }, () => {
  let dir = "";
  let pgEnv: Record<string, string> = {};
  let duckEnv: Record<string, string> = {};
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "migmon-pg-cli-"));
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${database}`;
    pgEnv = { MIGMON_DATABASE_URL: target.toString(), MIGMON_OFFLINE_DIR: sharedDataDir, MIGMON_MIRROR: sharedDataDir };
    duckEnv = { MIGMON_DB: path.join(dir, "store.duckdb"), MIGMON_OFFLINE_DIR: sharedDataDir, MIGMON_MIRROR: sharedDataDir };
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  test("migmon db init creates the schema once; without a database it is a usage error", async () => {
    const first = await runCli(["db", "init"], pgEnv);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /schema public: store schema version 1, 0 datasets/);
    assert.equal((await runCli(["db", "init"], pgEnv)).code, 0);
    const none = await runCli(["db", "init"], {});
    assert.equal(none.code, 2);
    assert.match(none.stderr, /name the database with --url or MIGMON_DATABASE_URL/);
  });

  test("migmon update --offline, datasets, query and releases answer as with the DuckDB store", async () => {
    const only = ["update", "--offline", "--only", "eurostat:tps00170,eurostat:migr_asyappctza"];
    // One clock for both loads, so that the releases agree to the millisecond.
    const now = () => new Date("2026-01-15T10:00:00Z");
    for (const env of [pgEnv, duckEnv]) assert.equal((await runCli(only, env, now)).code, 0);
    for (const args of [["query", "eurostat:tps00170", "--format", "csv"], ["query", "eurostat:migr_asyappctza", "--format", "csv"],
      ["datasets", "--format", "json"], ["releases", "eurostat:tps00170", "--format", "json"]]) {
      const onPostgres = await runCli(args, pgEnv);
      const onDuckDb = await runCli(args, duckEnv);
      assert.equal(onPostgres.code, 0, onPostgres.stderr);
      assert.equal(onPostgres.stdout, onDuckDb.stdout, args.join(" "));
      assert.ok(onPostgres.stdout.length > 100);
    }
  });

  test("migmon datasets on an unreachable database exits 1 with one line naming it", async () => {
    const run = await runCli(["datasets"], { MIGMON_DATABASE_URL: "postgres://migmon:secret@127.0.0.1:1/none" });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /the PostgreSQL store postgres:\/\/migmon:\*\*\*@127.0.0.1:1\/none is unavailable/);
    assert.doesNotMatch(run.stderr, /secret/);
  });
});

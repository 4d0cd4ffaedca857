import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { DuckDBInstance } from "@duckdb/node-api";
import { dbPathFromEnv, openDuckDbStore } from "./duckdb-store.ts";
import { schemaVersion } from "./schema.ts";

let dir: string;
before(async () => { dir = await mkdtemp(join(tmpdir(), "migmon-store-")); });
after(async () => { await rm(dir, { recursive: true, force: true }); });

/** Counts rows of a table in a closed store file by opening it directly, as R or Python would. */
async function countRows(path: string, table: string): Promise<number> {
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  const n = Number((await conn.runAndReadAll(`SELECT count(*) FROM ${table}`)).getRows()[0]?.[0]);
  conn.closeSync();
  instance.closeSync();
  return n;
}


// The tests every store passes are in test/store/store-suite.ts (run by test/store/duckdb-store.test.ts).

describe("openDuckDbStore file", () => {
  test("openDuckDbStore(path) records the schema version and refuses a file from a newer migmon", async () => {
    const path = join(dir, "version.duckdb");
    await (await openDuckDbStore(path)).close();
    assert.equal(await countRows(path, "schema_migrations"), schemaVersion);
    const instance = await DuckDBInstance.create(path);
    const conn = await instance.connect();
    await conn.run(`INSERT INTO schema_migrations VALUES (${schemaVersion + 1}, now()::TIMESTAMP)`);
    conn.closeSync();
    instance.closeSync();
    await assert.rejects(openDuckDbStore(path), new RegExp(`version.duckdb has schema version ${schemaVersion + 1}, this migmon reads up to ${schemaVersion}`));
  });

  test("dbPathFromEnv(env) is MIGMON_DB when set, else var/migmon.duckdb", () => {
    assert.equal(dbPathFromEnv({ MIGMON_DB: "/data/m.duckdb" }), "/data/m.duckdb");
    assert.equal(dbPathFromEnv({}), "var/migmon.duckdb");
    assert.equal(dbPathFromEnv({ MIGMON_DB: "" }), "var/migmon.duckdb");
  });
});

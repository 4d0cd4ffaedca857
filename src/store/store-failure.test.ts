import assert from "node:assert/strict";
import { test } from "node:test";
import { DuckDBInstance } from "@duckdb/node-api";
import { InputError } from "../core/index.ts";
import { migrDataset, release1, releaseInput } from "../../test/fixtures/store/releases.ts";
import { loadRelease } from "./load-release.ts";
import { migrateSchema } from "./schema.ts";
import { StoreFailureError, describeCheckpointFailure, describeStoreFailure, rollbackAfter, withCleanUp } from "./store-failure.ts";

// DuckDB's own wording of the failures, as it printed them on this machine (a 512 kB tmpfs, `ulimit -f 300`).
const diskFull = `TransactionContext Error: Failed to commit: Could not write file "/mnt/s.duckdb": No space left on device`;
const tooLarge = `TransactionContext Error: Failed to commit: Could not write file "/tmp/s.duckdb": File too large`;

test("describeStoreFailure(error, dataset, path) names a full disk, the dataset and the file, then DuckDB's line", () => {
  const described = describeStoreFailure(new Error(`${diskFull}\nmore`), "eurostat:tsdde410", "/mnt/s.duckdb");
  assert.ok(described instanceof StoreFailureError);
  assert.equal(described.message, `the store's disk is full while loading eurostat:tsdde410 into /mnt/s.duckdb: ${diskFull}`);
  assert.deepEqual([described.reason, described.httpStatus, described.exitCode], ["disk", 507, 1]);
});

test("describeStoreFailure(error, dataset, path) names a file-size limit, a permission and a lock", () => {
  const reason = (message: string) => (describeStoreFailure(new Error(message), "d", "p") as StoreFailureError).reason;
  assert.equal(reason(tooLarge), "size-limit");
  assert.equal(reason(`IO Error: Cannot open file "p": Permission denied`), "permission");
  assert.equal(reason(`IO Error: Could not set lock on file "p": Conflicting lock is held in /usr/bin/node (PID 7)`), "lock");
});

test("describeStoreFailure(error, dataset, path) passes a MigmonError and an unknown error through unchanged", () => {
  const input = new InputError("f.tsv", 3, "bad value");
  assert.equal(describeStoreFailure(input, "d", "p"), input);
  const other = new Error("Binder Error: no such column");
  assert.equal(describeStoreFailure(other, "d", "p"), other);
});

test("describeCheckpointFailure(error, path) says the changes are kept in the write-ahead log; null for a failure that is not the machine's", () => {
  const failed = `FATAL Error: Failed to create checkpoint because of error: Could not write file "/m/s.duckdb": No space left on device`;
  assert.equal(describeCheckpointFailure(new Error(failed), "/m/s.duckdb")?.message,
    `the store's disk is full while writing the last changes into /m/s.duckdb; they are kept in /m/s.duckdb.wal and written in ` +
    `when the store is next opened with room to grow: ${failed}`);
  assert.equal(describeCheckpointFailure(new Error("TransactionContext Error: Cannot CHECKPOINT: there are other transactions"), "p"), null);
});

test("rollbackAfter(conn) does not throw when no transaction is active", async () => {
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  try {
    await assert.rejects(conn.run("ROLLBACK"), /no transaction is active/);
    await rollbackAfter(conn);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
});

test("withCleanUp(work, cleanUp) rethrows the work's error when the clean-up fails too, and the clean-up's error when the work succeeded", async () => {
  const failing = async () => { throw new Error("clean-up failed"); };
  await assert.rejects(withCleanUp(async () => { throw new Error("disk full"); }, failing), /^Error: disk full$/);
  await assert.rejects(withCleanUp(async () => 1, failing), /^Error: clean-up failed$/);
  assert.equal(await withCleanUp(async () => 2, async () => undefined), 2);
});

test("loadRelease(conn, input) reports the error that ended the load when its transaction is already gone, not the failing ROLLBACK", async () => {
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  try {
    await migrateSchema(conn, ":memory:");
    // A write failure ends DuckDB's transaction before the store sees the error; ending it here does the same.
    async function* endingTheTransaction() {
      yield release1.slice(0, 2);
      await conn.run("ROLLBACK");
      throw new Error("IO Error: Could not write file: No space left on device");
    }
    await assert.rejects(loadRelease(conn, releaseInput(endingTheTransaction(), "c1", "2024-01-10T08:00:00Z")),
      /^Error: IO Error: Could not write file: No space left on device$/);
    const left = (await conn.runAndReadAll(`SELECT count(*) FROM datasets WHERE id = $1`, [migrDataset.id])).getRows();
    assert.equal(Number(left[0]?.[0]), 0);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
});

// The store test suite (store-suite.ts) against the PostgreSQL store, one PostgreSQL schema per store label, in the
// database MIGMON_TEST_DATABASE_URL names (.ci/postgres.sh starts a throwaway cluster and prints it). Skipped, saying
// so, only outside CI when that variable is unset; in CI (CI=true) a missing database fails the run.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import pg from "pg";
import { openPostgresStore } from "../../src/store/postgres-store.ts";
import { storeSuite } from "./store-suite.ts";

const url = process.env["MIGMON_TEST_DATABASE_URL"] ?? "";
const prefix = `suite_${process.pid}_`;

if (url === "" && process.env["CI"] !== "true") {
  test("PostgreSQL store suite", { skip: "MIGMON_TEST_DATABASE_URL is unset: start a cluster with `eval \"$(bash .ci/postgres.sh)\"`" }, () => {});
} else {
  test("MIGMON_TEST_DATABASE_URL names the test database (required in CI)", () => {
    assert.notEqual(url, "", "MIGMON_TEST_DATABASE_URL must be set in CI (.ci/run starts a cluster with .ci/postgres.sh)");
  });
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  after(async () => {
    const schemas = await admin.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`, [`${prefix}%`]);
    for (const { nspname } of schemas.rows) await admin.query(`DROP SCHEMA "${nspname}" CASCADE`);
    await admin.end();
  });
  storeSuite({
    name: "PostgreSQL store",
    open: (label) => openPostgresStore(url, { schema: `${prefix}${label}` }),
    countRows: async (label, table) => {
      const found = await admin.query<{ n: string }>(`SELECT count(*) AS n FROM "${prefix}${label}"."${table}"`);
      return Number(found.rows[0]?.n);
    },
  });
}

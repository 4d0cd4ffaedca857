// The store test suite (store-suite.ts) against the embedded DuckDB store, one file per store label.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";
import { DuckDBInstance } from "@duckdb/node-api";
import { openDuckDbStore } from "../../src/store/duckdb-store.ts";
import { storeSuite } from "./store-suite.ts";

let dir = "";
before(async () => { dir = await mkdtemp(join(tmpdir(), "migmon-store-suite-")); });
after(async () => { await rm(dir, { recursive: true, force: true }); });

storeSuite({
  name: "DuckDB store",
  open: (label) => openDuckDbStore(join(dir, `${label}.duckdb`)),
  countRows: async (label, table) => {
    // Opened directly, as R or Python would open the file.
    const instance = await DuckDBInstance.create(join(dir, `${label}.duckdb`));
    const conn = await instance.connect();
    const n = Number((await conn.runAndReadAll(`SELECT count(*) FROM ${table}`)).getRows()[0]?.[0]);
    conn.closeSync();
    instance.closeSync();
    return n;
  },
});

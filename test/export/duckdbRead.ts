import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";

/** Runs one query in a fresh in-memory DuckDB and returns its rows as plain JavaScript objects. */
export async function duckdbRows(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  try {
    return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** Writes bytes to a file in a fresh temporary folder, runs `use` with its path, then removes the folder. */
export async function withTempFile<T>(name: string, bytes: Uint8Array | string, use: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), "migmon-export-"));
  try {
    const file = path.join(dir, name);
    await writeFile(file, bytes);
    return await use(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A path as a DuckDB string literal. */
export function sqlPath(file: string): string {
  return `'${file.replaceAll("'", "''")}'`;
}

// A store that cannot grow its file (issue 17): the CLI runs in a child under `ulimit -f` (with SIGXFSZ ignored, so
// a write past the limit fails with EFBIG instead of killing the process) and must say that the disk refused the
// write, naming the dataset and the file, in one line, never "cannot rollback - no transaction is active".
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import { gunzipSync } from "node:zlib";
import { sharedData } from "./shared-data.ts";
import { runCli } from "./cli/run-cli.ts";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const file = sharedData("eurostat/bulk-tsv/gov_10dd_edpt1.tsv.gz");
// 300 kB: the schema fits, the 126,440 observations of the first release (about 600 kB in the write-ahead log) do not.
// 1,000 kB: the commit fits in the write-ahead log, the checkpoint into the file at close does not.
function runLimited(db: string, limitKiB: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const command = `trap '' XFSZ; ulimit -f ${limitKiB}; exec "$0" bin/migmon.js ingest gov_10dd_edpt1 --file "$1"`;
    const proc = spawn("bash", ["-c", command, process.execPath, file], {
      cwd: repoRoot, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, MIGMON_DB: db, MIGMON_DEBUG: "0", MIGMON_FROM_SOURCE: "1" },
    });
    let stderr = "";
    proc.stderr.on("data", (d: Buffer) => { stderr += d.toString(); });
    proc.on("error", reject);
    proc.on("exit", (code) => resolve({ code, stderr }));
  });
}

test("migmon ingest on a file-size-limited disk reports the disk, the dataset and the file in one line, and loads nothing", async () => {
  const dir = await mkdtemp(join(tmpdir(), "migmon-disk-"));
  try {
    const db = join(dir, "store.duckdb");
    const { code, stderr } = await runLimited(db, 300);
    assert.equal(code, 1, stderr);
    const lines = stderr.split("\n").filter((l) => l.startsWith("migmon:"));
    assert.equal(lines.length, 1, stderr);
    assert.match(lines[0] ?? "", new RegExp(`^migmon: the store's disk refused to grow the file \\(file too large: a file-size limit or quota\\) ` +
      `while loading eurostat:gov_10dd_edpt1 into ${db.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: .*File too large$`));
    assert.doesNotMatch(stderr, /rollback|internal error|\n\s+at /);
    // Without the limit the file opens and holds nothing of the failed release.
    const datasets = await runCli(["datasets", "--format", "csv"], { MIGMON_DB: db });
    assert.equal(datasets.code, 0, datasets.stderr);
    assert.equal(datasets.stdout.trim().split("\n").length, 1, datasets.stdout);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("migmon ingest whose checkpoint at close finds no room says the release is kept in the write-ahead log, and the next open has it", async () => {
  const dir = await mkdtemp(join(tmpdir(), "migmon-disk-"));
  try {
    const db = join(dir, "store.duckdb");
    const { code, stderr } = await runLimited(db, 1000);
    assert.equal(code, 1, stderr);
    const lines = stderr.split("\n").filter((l) => l.startsWith("migmon:"));
    assert.equal(lines.length, 1, stderr);
    assert.ok((lines[0] ?? "").startsWith(`migmon: the store's disk refused to grow the file (file too large: a file-size limit or quota) ` +
      `while writing the last changes into ${db}; they are kept in ${db}.wal and written in when the store is next opened with room to grow: `), stderr);
    // The cells of the bulk TSV, counted apart from the parser: every field after the key column of every data line.
    const cells = gunzipSync(readFileSync(file)).toString("utf8").split("\n").slice(1).filter((l) => l.trim() !== "")
      .reduce((n, l) => n + l.split("\t").length - 1, 0);
    const datasets = await runCli(["datasets", "--format", "json"], { MIGMON_DB: db });
    assert.equal(datasets.code, 0, datasets.stderr);
    const listed = JSON.parse(datasets.stdout) as { dataset: string; observations: number }[];
    assert.deepEqual(listed.map((d) => [d.dataset, d.observations]), [["eurostat:gov_10dd_edpt1", cells]]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

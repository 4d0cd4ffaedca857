import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { cacheDir, databasePath } from "../../src/cli/settings.ts";
import { runCli } from "./run-cli.ts";

// The repository root as this test file finds it (test/cli/ is two levels down), independently of settings.ts.
const repo = fileURLToPath(new URL("../../", import.meta.url));

describe("the store's place", () => {
  let dir: string;
  before(() => { dir = mkdtempSync(path.join(os.tmpdir(), "migmon-place-")); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("databasePath(context) is var/migmon.duckdb in the repository whatever the working directory, without MIGMON_DB", () => {
    for (const cwd of [os.tmpdir(), "/", repo]) {
      assert.equal(databasePath({ stdout: process.stdout, stderr: process.stderr, env: {}, cwd }), path.join(repo, "var", "migmon.duckdb"));
      assert.equal(cacheDir({ stdout: process.stdout, stderr: process.stderr, env: {}, cwd }), path.join(repo, "var", "cache"));
    }
  });

  it("databasePath(context) is MIGMON_DB, a relative one taken from the working directory", () => {
    const context = { stdout: process.stdout, stderr: process.stderr, cwd: dir };
    assert.equal(databasePath({ ...context, env: { MIGMON_DB: "a/b.duckdb" } }), path.join(dir, "a", "b.duckdb"));
    assert.equal(databasePath({ ...context, env: { MIGMON_DB: "/x/y.duckdb" } }), "/x/y.duckdb");
  });

  it("migmon --help names the store it uses and how to change it", async () => {
    const run = await runCli(["--help"], {});
    assert.equal(run.code, 0);
    assert.ok(run.stdout.includes(`Store: ${path.join(repo, "var", "migmon.duckdb")} (set MIGMON_DB to use another file)`), run.stdout);
    const chosen = await runCli(["--help"], { MIGMON_DB: path.join(dir, "s.duckdb") });
    assert.ok(chosen.stdout.includes(`Store: ${path.join(dir, "s.duckdb")};`), chosen.stdout);
  });

  it("migmon datasets names the store on stderr with MIGMON_VERBOSE=1 and says nothing of it without", async () => {
    const file = path.join(dir, "verbose.duckdb");
    const loud = await runCli(["datasets", "--format", "csv"], { MIGMON_DB: file, MIGMON_VERBOSE: "1" });
    assert.equal(loud.code, 0, loud.stderr);
    assert.equal(loud.stderr, `migmon: store ${file}\n`);
    const quiet = await runCli(["datasets", "--format", "csv"], { MIGMON_DB: file });
    assert.equal(quiet.stderr, "");
  });
});

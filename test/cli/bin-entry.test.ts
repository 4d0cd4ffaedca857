import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../../", import.meta.url));

/**
 * bin/migmon.js in a copy of the repository's layout whose dist/ and src/ entries each say which one ran: the test
 * sees what the real launcher imports without building the project (a build takes a minute on this machine).
 */
describe("bin/migmon.js", () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), "migmon-bin-"));
    mkdirSync(path.join(root, "bin"));
    mkdirSync(path.join(root, "dist", "cli"), { recursive: true });
    mkdirSync(path.join(root, "src", "cli"), { recursive: true });
    copyFileSync(path.join(repo, "bin", "migmon.js"), path.join(root, "bin", "migmon.js"));
    symlinkSync(path.join(repo, "node_modules"), path.join(root, "node_modules"));
    writeFileSync(path.join(root, "package.json"), JSON.stringify({ type: "module" }));
    const entry = (which: string) => `export async function main(argv) { process.stdout.write("${which} " + argv.slice(2).join(" ")); return 3; }\n`;
    writeFileSync(path.join(root, "dist", "cli", "main.js"), entry("dist"));
    writeFileSync(path.join(root, "src", "cli", "main.ts"), entry("src"));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const run = (env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [path.join(root, "bin", "migmon.js"), "datasets", "--help"], { encoding: "utf8", env: { ...process.env, MIGMON_FROM_SOURCE: "", ...env } });
  const stamp = (file: string, seconds: number) => utimesSync(file, seconds, seconds);

  it("bin/migmon.js runs dist/cli/main.js when dist/.built is newer than every src/*.ts, with its arguments and exit code", () => {
    stamp(path.join(root, "src", "cli", "main.ts"), 1_000_000);
    writeFileSync(path.join(root, "dist", ".built"), "built");
    stamp(path.join(root, "dist", ".built"), 2_000_000);
    const result = run();
    assert.equal(result.stdout, "dist datasets --help");
    assert.equal(result.status, 3);
    assert.equal(result.stderr, "");
  });

  it("bin/migmon.js runs src/cli/main.ts through tsx, with a note, when a source is newer than the build", () => {
    stamp(path.join(root, "dist", ".built"), 1_000_000);
    stamp(path.join(root, "src", "cli", "main.ts"), 2_000_000);
    const result = run();
    assert.equal(result.stdout, "src datasets --help");
    assert.match(result.stderr, /dist\/ is missing or older than src\//);
  });

  it("bin/migmon.js runs the sources without a note when MIGMON_FROM_SOURCE=1, however new the build", () => {
    stamp(path.join(root, "dist", ".built"), 3_000_000);
    const result = run({ MIGMON_FROM_SOURCE: "1" });
    assert.equal(result.stdout, "src datasets --help");
    assert.equal(result.stderr, "");
  });
});

// Metadata versioned with its release, through the CLI (issue 17): the same agency table delivered again under a
// description with another unit is a metadata-only release, and `migmon releases` shows each release's own unit.
// `migmon diff` refuses reversed releases with the check the API uses.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { runCli } from "./run-cli.ts";

const delivery = fileURLToPath(new URL("../fixtures/deliveries/civic-integration-starts-2024.csv", import.meta.url));
const description = fileURLToPath(new URL("../../data/deliveries/examples/civic-integration-starts.yaml", import.meta.url));
const descriptionText = readFileSync(description, "utf8");
const unit = /^unit: (.+)$/m.exec(descriptionText)?.[1] ?? "";
const rows = readFileSync(delivery, "utf8").trim().split("\n").length - 1;
const dataset = "agency:civic_integration_starts";

describe("release metadata and diff order through the CLI", () => {
  let dir: string;
  let env: Record<string, string>;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "migmon-metadata-"));
    env = { MIGMON_DB: path.join(dir, "store.duckdb"), MIGMON_CACHE: path.join(dir, "cache") };
    writeFileSync(path.join(dir, "in-hundreds.yaml"), descriptionText.replace(/^unit: .+$/m, "unit: hundreds of persons"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const ingest = (describe: string, day: string) =>
    runCli(["ingest", dataset, "--file", delivery, "--describe", describe], env, () => new Date(`${day}T12:00:00Z`));

  it("migmon ingest of the same table under a description with another unit makes a metadata-only release", async () => {
    assert.ok(unit !== "" && unit !== "hundreds of persons", unit);
    const first = await ingest(description, "2026-01-10");
    assert.equal(first.code, 0, first.stderr);
    const second = await ingest(path.join(dir, "in-hundreds.yaml"), "2026-02-10");
    assert.equal(second.code, 0, second.stderr);
    assert.equal(second.stdout, `${dataset}: release 2 loaded from csv: ${rows} observations (0 added, 0 changed, 0 removed); new metadata: unit\n`);
    const json = await runCli(["ingest", dataset, "--file", delivery, "--describe", description, "--json"], env, () => new Date("2026-02-20T12:00:00Z"));
    assert.equal(json.code, 0, json.stderr);
    assert.deepEqual((JSON.parse(json.stdout) as { metadataChanged: string[] }).metadataChanged, ["unit"]);
    const back = await ingest(path.join(dir, "in-hundreds.yaml"), "2026-02-25");
    assert.match(back.stdout, /release 4 loaded .*; new metadata: unit\n$/);
    const again = await ingest(path.join(dir, "in-hundreds.yaml"), "2026-03-10");
    assert.match(again.stdout, /unchanged, the same file as release 4 .* and the same metadata; nothing written/);
  });

  it("migmon releases lists the unit each release was published in", async () => {
    const run = await runCli(["releases", dataset, "--format", "csv"], env);
    assert.equal(run.code, 0, run.stderr);
    const listed = parse(run.stdout, { columns: true }) as Record<string, string>[];
    assert.deepEqual(listed.map((r) => [r.release, r.unit]), [["1", unit], ["2", "hundreds of persons"], ["3", unit], ["4", "hundreds of persons"]]);
  });

  it("migmon diff with the later release first is a usage error naming both arguments, as the API refuses it", async () => {
    const run = await runCli(["diff", dataset, "2", "1"], env);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, "migmon: <releaseA> (2) must not be after <releaseB> (1)\n");
    const forward = await runCli(["diff", dataset, "1", "2", "--format", "csv"], env);
    assert.equal(forward.code, 0, forward.stderr);
  });
});

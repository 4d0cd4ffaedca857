// The shrink guard on a live download (issue 17): Eurostat's endpoint (a local server) first answers the full
// tsdde410 bulk TSV, then only its header line, as a truncated or over-filtered answer would be; the second download
// is refused with the counts and the store file stays as it was, until --allow-shrink.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { after, before, describe, it } from "node:test";
import { startLocalServer } from "../local-server.ts";
import { sharedData } from "../shared-data.ts";
import { runCli } from "./run-cli.ts";

const full = readFileSync(sharedData("eurostat/bulk-tsv/tsdde410.tsv"), "utf8");
const cells = full.split("\n").slice(1).filter((l) => l.trim() !== "").reduce((n, l) => n + l.split("\t").length - 1, 0);
const headerOnly = `${full.split("\n")[0] ?? ""}\n`;

describe("migmon ingest of a live download that empties the dataset", () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof startLocalServer>>;
  let env: Record<string, string>;
  let answer = full;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "migmon-live-shrink-"));
    server = await startLocalServer((request, response) => {
      const url = new URL(request.url ?? "/", "http://x");
      if (url.pathname === "/sdmx/2.1/data/tsdde410") {
        response.end(gzipSync(answer));
      } else {
        response.statusCode = 404;
        response.end("no such dataset");
      }
    });
    env = { MIGMON_DB: path.join(dir, "store.duckdb"), MIGMON_CACHE: path.join(dir, "cache"), MIGMON_EUROSTAT_API: server.url };
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`migmon ingest tsdde410 refuses a header-only answer after the full one (${cells} of ${cells}) and loads it with --allow-shrink`, async () => {
    const first = await runCli(["ingest", "tsdde410"], env, () => new Date("2026-04-01T12:00:00Z"));
    assert.equal(first.code, 0, first.stderr);
    answer = headerOnly;
    const db = readFileSync(env.MIGMON_DB as string);
    const refused = await runCli(["ingest", "tsdde410"], env, () => new Date("2026-04-02T12:00:00Z"));
    assert.equal(refused.code, 1, refused.stderr);
    assert.match(refused.stderr, new RegExp(`^migmon: refused: this release of eurostat:tsdde410 would remove ${cells.toLocaleString("en-GB")} of ` +
      `${cells.toLocaleString("en-GB")} latest observations \\(100 %, limit 50 %\\)`, "m"));
    assert.ok(readFileSync(env.MIGMON_DB as string).equals(db), "the DuckDB file changed");
    const allowed = await runCli(["ingest", "tsdde410", "--allow-shrink"], env, () => new Date("2026-04-02T12:00:00Z"));
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.match(allowed.stdout, new RegExp(`release 2 loaded from tsv: 0 observations \\(0 added, 0 changed, ${cells} removed\\)`));
  });
});

// POST /api/update and the shrink guard (issue 17): a header-only teina200 is refused with the counts, the outcome
// says why and the server log has the reason; `allowShrink: true` reaches the ingest and loads it. GET
// /api/datasets/{id}?release= gives the labels that release recorded.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { MigmonError, makeDatasetId } from "../../src/core/index.ts";
import { findEntry, loadCatalogue } from "../../src/ingest/catalogue.ts";
import { ingestFile } from "../../src/ingest/pipeline.ts";
import type { UpdateOptions, UpdateOutcome } from "../../src/server/effects.ts";
import { startApi, teinaFile, testNow } from "./apiFixture.ts";

const teina = makeDatasetId("eurostat", "teina200");
const teinaLines = readFileSync(teinaFile, "utf8").split("\n");
/** teina200's latest observations in the fixture: the cells of the file without Austria's MIO_EUR row (release 2). */
const latestCells = teinaLines.slice(1).filter((l) => l.trim() !== "" && !l.startsWith("MIO_EUR,AT\t"))
  .reduce((n, l) => n + l.split("\t").length - 1, 0);

describe("POST /api/update with a header-only file", () => {
  let api: Awaited<ReturnType<typeof startApi>>;
  const asked: UpdateOptions[] = [];
  before(async () => {
    const catalogue = await loadCatalogue();
    // The update reads a header-only copy of teina200, as an offline folder with a truncated file would hold.
    const update = async (only: readonly string[] | undefined, options: UpdateOptions = {}): Promise<UpdateOutcome[]> => {
      asked.push(options);
      const file = path.join(api.dir, "teina200-header.tsv");
      writeFileSync(file, `${teinaLines[0] ?? ""}\n`);
      try {
        const result = await ingestFile({ store: api.store, entry: findEntry(catalogue, "eurostat:teina200"), file, format: "tsv",
          retrievedAt: testNow.toISOString(), ...options });
        return [{ dataset: "eurostat:teina200", status: result.status, release: result.release.id, note: null }];
      } catch (error) {
        if (!(error instanceof MigmonError)) throw error;
        return [{ dataset: "eurostat:teina200", status: "failed", release: null, note: error.message }];
      }
    };
    api = await startApi("s3cret-token", { update });
  });
  after(async () => { await api.close(); });
  const post = (payload: Record<string, unknown>) =>
    api.app.inject({ method: "POST", url: "/api/update", payload, headers: { authorization: "Bearer s3cret-token" } });

  test(`POST /api/update fails teina200 with the counts (${latestCells} of ${latestCells}), logs the reason and keeps the data`, async () => {
    const releases = await api.store.listReleases(teina);
    const r = await post({ only: ["eurostat:teina200"] });
    assert.equal(r.statusCode, 200, r.body);
    const outcome = (r.json() as { outcomes: UpdateOutcome[] }).outcomes[0];
    assert.equal(outcome?.status, "failed");
    assert.match(outcome?.note ?? "", new RegExp(`^refused: this release of eurostat:teina200 would remove ${latestCells} of ${latestCells} latest observations`));
    assert.ok(api.log.some((l) => l.startsWith("ERROR ") && l.includes(`POST /api/update: eurostat:teina200: refused: `)), api.log.join("\n"));
    assert.deepEqual(await api.store.listReleases(teina), releases);
    assert.deepEqual(asked.at(-1), {});
  });

  test("POST /api/update {allowShrink: true} loads the header-only file as a release that removes every observation", async () => {
    const r = await post({ only: ["eurostat:teina200"], allowShrink: true });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal((r.json() as { outcomes: UpdateOutcome[] }).outcomes[0]?.status, "loaded");
    assert.deepEqual(asked.at(-1), { allowShrink: true });
    const newest = (await api.store.listReleases(teina)).at(-1);
    assert.deepEqual([newest?.observations, newest?.removed], [0, latestCells]);
    assert.ok(api.log.some((l) => l.includes("POST /api/update (allowShrink): eurostat:teina200=loaded:")), api.log.join("\n"));
  });

  test("POST /api/update {allowShrink: 'yes'} is a 400 naming the field", async () => {
    const r = await post({ allowShrink: "yes" });
    assert.equal(r.statusCode, 400);
    assert.match((r.json() as { error: string }).error, /allowShrink/);
  });

  test("GET /api/datasets/{id}?release=N gives the unit that release recorded; release and asOf together are a 400", async () => {
    const first = (await api.store.listReleases(teina))[0];
    const r = await api.app.inject({ method: "GET", url: `/api/datasets/eurostat:teina200?release=${first?.id}` });
    assert.equal(r.statusCode, 200, r.body);
    const entry = findEntry(await loadCatalogue(), "eurostat:teina200");
    assert.equal((r.json() as { dataset: { unit: string } }).dataset.unit, entry.unit);
    const both = await api.app.inject({ method: "GET", url: `/api/datasets/eurostat:teina200?release=${first?.id}&asOf=2025-01-10` });
    assert.equal(both.statusCode, 400);
  });
});

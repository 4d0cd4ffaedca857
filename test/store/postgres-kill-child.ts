// Run by postgres-faults.test.ts as its own process, to be killed: loads release `version` of test:kill (SERIES series
// x 20 years, value = version * 1000 + year offset) into the PostgreSQL store at argv[2], schema argv[3], printing
// "loading" once the load has begun and "done" after the commit.
import type { DatasetId, Observation, Period, SeriesKey } from "../../src/core/index.ts";
import { openPostgresStore } from "../../src/store/postgres-store.ts";
import { migrDataset } from "../fixtures/store/releases.ts";

const [url, schema, versionText, seriesText] = process.argv.slice(2);
const version = Number(versionText);
const seriesCount = Number(seriesText);
const dataset = { ...migrDataset, id: "test:kill" as DatasetId, code: "kill" };

async function* batches(): AsyncGenerator<Observation[]> {
  process.stdout.write("loading\n");
  for (let g = 0; g < seriesCount; g += 500) {
    const batch: Observation[] = [];
    for (let s = g; s < Math.min(seriesCount, g + 500); s++) {
      for (let y = 0; y < 20; y++) batch.push({ series: `T.G${s}` as SeriesKey, period: String(2000 + y) as Period, value: version * 1000 + y, flags: "" });
    }
    yield batch;
  }
}

const store = await openPostgresStore(url ?? "", { schema: schema ?? "public", readers: 1 });
await store.loadRelease({
  dataset, checksum: `v${version}`, sourceUri: "file:///kill.tsv", format: "tsv",
  retrievedAt: new Date(Date.UTC(2025, 0, version)).toISOString(), sourceUpdatedAt: null, batches: batches(),
});
process.stdout.write("done\n");
await store.close();

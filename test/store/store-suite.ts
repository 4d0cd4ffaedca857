// The store test suite: one set of tests that every Store backend passes (issue 18). Run by
// test/store/duckdb-store.test.ts and test/store/postgres-store.test.ts with their own factory. Expected answers are
// worked out by hand from the fixture rows (test/fixtures/store/releases.ts), as each test says.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { InputError, NotFoundError, UsageError, comparePeriods } from "../../src/core/index.ts";
import type { DatasetId, Period, ReleaseId } from "../../src/core/index.ts";
import type { Store, StoredObservation } from "../../src/store/store.ts";
import { migrDataset, obs, release1, release2, releaseInput } from "../fixtures/store/releases.ts";
import { storeLoadSuite } from "./store-load-suite.ts";

/** How the suite gets stores of one backend. */
export interface StoreFactory {
  readonly name: string;
  /** The store called `label`: empty the first time, with what it held when opened again after a close. */
  open(label: string): Promise<Store>;
  /** Rows of `table` in the closed store `label`, counted by the backend's own means (as R or psql would). */
  countRows(label: string, table: string): Promise<number>;
}

const r = (n: number) => n as ReleaseId;
const plain = (rows: StoredObservation[]) => rows.map((o) => `${o.series} ${o.period} ${o.value} ${o.flags} r${o.release}`);

/** Registers the store test suite for the stores `factory` opens. */
export function storeSuite(factory: StoreFactory): void {
  describe(`${factory.name}: releases`, () => {
    let store: Store;
    before(async () => {
      store = await factory.open("releases");
      const first = await store.loadRelease(releaseInput(release1, "c1", "2024-01-10T08:00:00Z"));
      const second = await store.loadRelease(releaseInput(release2, "c2", "2024-06-10T08:00:00Z"));
      assert.equal(first.status, "loaded");
      assert.equal(second.status, "loaded");
    });
    after(async () => { await store.close(); });

    test("loadRelease(input) counts added, changed and removed against the previous release", async () => {
      const releases = await store.listReleases(migrDataset.id);
      // Release 1 adds all six rows; release 2 (see fixtures) has 6 rows: 1 added, 3 changed, 1 removed.
      assert.deepEqual(releases.map((x) => [x.id, x.observations, x.added, x.changed, x.removed]), [[1, 6, 6, 0, 0], [2, 6, 1, 3, 1]]);
      assert.equal(releases[1]?.retrievedAt, "2024-06-10T08:00:00.000Z");
      assert.equal(releases[1]?.checksum, "c2");
      assert.equal(releases[1]?.sourceUpdatedAt, null);
    });

    test("query({dataset}) answers the latest state with the release that published each row, by series then period", async () => {
      assert.deepEqual(plain(await store.query({ dataset: migrDataset.id })), [
        "F.BE 2020 50  r1", "F.BE 2021 57  r2", "M.BE 2020 48 e r2", "T.BE 2020 99  r2", "T.BE 2021 110 p r1", "T.BE 2022 120 p r2",
      ]);
    });

    test("query({release}) answers the state as published by that release", async () => {
      assert.deepEqual(plain(await store.query({ dataset: migrDataset.id, release: r(1) })), [
        "F.BE 2020 50  r1", "F.BE 2021 55 p r1", "M.BE 2020 48  r1", "M.BE 2021 null c r1", "T.BE 2020 98  r1", "T.BE 2021 110 p r1",
      ]);
      assert.deepEqual(plain(await store.query({ dataset: migrDataset.id, release: r(2) })), plain(await store.query({ dataset: migrDataset.id })));
    });

    test("query({asOf}) takes the newest release retrieved by the end of a date or by an instant", async () => {
      const state = async (d: string) => plain(await store.query({ dataset: migrDataset.id, asOf: d }));
      const r1 = plain(await store.query({ dataset: migrDataset.id, release: r(1) }));
      const r2 = plain(await store.query({ dataset: migrDataset.id, release: r(2) }));
      assert.deepEqual(await state("2024-01-09"), []);
      assert.deepEqual(await state("2024-01-10"), r1);
      assert.deepEqual(await state("2024-06-09"), r1);
      assert.deepEqual(await state("2024-06-10"), r2);
      assert.deepEqual(await state("2024-06-10T07:59:59Z"), r1);
      assert.deepEqual(await state("2024-06-10T08:00:00Z"), r2);
      // 09:30 in Brussels summer time is 07:30 UTC, before release 2 was retrieved.
      assert.deepEqual(await state("2024-06-10T09:30:00+02:00"), r1);
      await assert.rejects(store.query({ dataset: migrDataset.id, asOf: "June 2024" }), UsageError);
      await assert.rejects(store.query({ dataset: migrDataset.id, asOf: "2024-02-30" }), UsageError);
    });

    test("query({where, from, to}) filters by dimension codes and period range", async () => {
      assert.deepEqual(plain(await store.query({ dataset: migrDataset.id, where: { sex: ["T", "M"] }, from: "2021" as Period })), [
        "T.BE 2021 110 p r1", "T.BE 2022 120 p r2",
      ]);
      assert.deepEqual(plain(await store.query({ dataset: migrDataset.id, where: { sex: ["F"], geo: ["BE"] }, to: "2020" as Period, release: r(1) })), [
        "F.BE 2020 50  r1",
      ]);
      assert.deepEqual(await store.query({ dataset: migrDataset.id, where: { geo: ["NL"] } }), []);
      await assert.rejects(store.query({ dataset: migrDataset.id, where: { age: ["TOTAL"] } }), /no dimension "age"; it has sex, geo/);
    });

    test("diff(id, from, to) lists added, removed, value, flags and value+flags changes", async () => {
      // Worked out from the fixture comments: five changes, sorted by series then period.
      assert.deepEqual(await store.diff(migrDataset.id, r(1), r(2)), [
        { series: "F.BE", period: "2021", change: "value+flags", before: { value: 55, flags: "p" }, after: { value: 57, flags: "" } },
        { series: "M.BE", period: "2020", change: "flags", before: { value: 48, flags: "" }, after: { value: 48, flags: "e" } },
        { series: "M.BE", period: "2021", change: "removed", before: { value: null, flags: "c" }, after: null },
        { series: "T.BE", period: "2020", change: "value", before: { value: 98, flags: "" }, after: { value: 99, flags: "" } },
        { series: "T.BE", period: "2022", change: "added", before: null, after: { value: 120, flags: "p" } },
      ]);
      const back = await store.diff(migrDataset.id, r(2), r(1));
      assert.deepEqual(back.map((c) => `${c.series} ${c.period} ${c.change}`),
        ["F.BE 2021 value+flags", "M.BE 2020 flags", "M.BE 2021 added", "T.BE 2020 value", "T.BE 2022 removed"]);
      assert.deepEqual(await store.diff(migrDataset.id, r(2), r(2)), []);
    });

    test("getDataset, listReleases, query and diff throw NotFoundError naming an unknown dataset or release", async () => {
      await assert.rejects(store.getDataset("test:nothing" as DatasetId), (e: unknown) => e instanceof NotFoundError && /test:nothing/.test(e.message));
      await assert.rejects(store.listReleases("test:nothing" as DatasetId), NotFoundError);
      await assert.rejects(store.query({ dataset: "test:nothing" as DatasetId }), NotFoundError);
      await assert.rejects(store.query({ dataset: migrDataset.id, release: r(9) }), /release 9 of dataset test:migr not found/);
      await assert.rejects(store.diff(migrDataset.id, r(1), r(7)), /release 7 of dataset test:migr not found/);
    });

    test("listDatasets() summarises releases, the newest release and the current observations", async () => {
      const [summary] = await store.listDatasets();
      assert.deepEqual(summary?.dataset, migrDataset);
      assert.equal(summary?.releases, 2);
      assert.equal(summary?.latestRelease?.id, 2);
      assert.equal(summary?.observations, 6);
    });

    test("loadRelease(input) with the newest release's checksum is unchanged and writes nothing", async () => {
      const again = await store.loadRelease(releaseInput(release2, "c2", "2024-07-01T00:00:00Z"));
      assert.equal(again.status, "unchanged");
      assert.equal(again.release.id, 2);
      assert.equal((await store.listReleases(migrDataset.id)).length, 2);
    });

    test("close() then opening the store again keeps datasets, releases, versions and diffs", async () => {
      const before = {
        releases: await store.listReleases(migrDataset.id),
        latest: await store.query({ dataset: migrDataset.id }),
        first: await store.query({ dataset: migrDataset.id, release: r(1) }),
        diff: await store.diff(migrDataset.id, r(1), r(2)),
      };
      await store.close();
      // 6 rows of release 1, plus the 4 new versions of release 2 (1 added, 3 changed).
      assert.equal(await factory.countRows("releases", "observations"), 10);
      store = await factory.open("releases");
      assert.deepEqual(await store.getDataset(migrDataset.id), migrDataset);
      assert.deepEqual(await store.listReleases(migrDataset.id), before.releases);
      assert.deepEqual(await store.query({ dataset: migrDataset.id }), before.latest);
      assert.deepEqual(await store.query({ dataset: migrDataset.id, release: r(1) }), before.first);
      assert.deepEqual(await store.diff(migrDataset.id, r(1), r(2)), before.diff);
    });
  });

  describe(`${factory.name}: content`, () => {
    test("loadRelease(input) with a new checksum but the same rows loads a release with no changes and no new rows", async () => {
      const store = await factory.open("same_content");
      await store.loadRelease(releaseInput(release1, "a", "2024-01-01T00:00:00Z"));
      const second = await store.loadRelease(releaseInput(release1, "b", "2024-02-01T00:00:00Z"));
      assert.deepEqual([second.status, second.release.added, second.release.changed, second.release.removed], ["loaded", 0, 0, 0]);
      assert.deepEqual(await store.diff(migrDataset.id, r(1), r(2)), []);
      await store.close();
      assert.equal(await factory.countRows("same_content", "observations"), 6);
    });

    test("query(q) round-trips null values, zero, tiny and negative values and multi-letter flags", async () => {
      const store = await factory.open("roundtrip");
      const rows = [
        obs("T.BE", "2019", 0, "bep"), obs("T.BE", "2020", null), obs("T.BE", "2021", -1.5, "z"),
        obs("T.BE", "2022", 1e-300, "c"), obs("T.BE", "2023", null, "cu"),
      ];
      await store.loadRelease(releaseInput(rows, "x", "2024-01-01T00:00:00Z"));
      const back = await store.query({ dataset: migrDataset.id });
      assert.deepEqual(back.map(({ series, period, value, flags }) => ({ series, period, value, flags })), rows);
      assert.ok(back.every((o) => o.release === 1));
      await store.close();
    });

    test("query(q) sorts mixed period kinds as comparePeriods does and bounds ranges the same way", async () => {
      const store = await factory.open("periods");
      const periods = ["2020-Q1", "2020", "2019-12", "2020-01", "2020-S1", "2020-01-01", "2020-W01", "2019"];
      await store.loadRelease(releaseInput(periods.map((p, i) => obs("T.BE", p, i)), "p", "2024-01-01T00:00:00Z"));
      const expected = [...periods].sort(comparePeriods);
      assert.deepEqual((await store.query({ dataset: migrDataset.id })).map((o) => o.period), expected);
      const from = "2020" as Period;
      const to = "2020-01" as Period;
      const inRange = expected.filter((p) => comparePeriods(p, from) >= 0 && comparePeriods(p, to) <= 0);
      assert.deepEqual((await store.query({ dataset: migrDataset.id, from, to })).map((o) => o.period), inRange);
      await store.close();
    });

    test("query({where}) answers alike through the id list (up to 20,000 series) and the series subquery (above)", async () => {
      const store = await factory.open("wide");
      // 20,001 series T.G0 ... T.G20000 plus one F.G0, one period each; value = the number after G.
      const rows = Array.from({ length: 20_001 }, (_, g) => obs(`T.G${g}`, "2020", g));
      rows.push(obs("F.G0", "2020", -1));
      await store.loadRelease(releaseInput(rows, "w", "2024-01-01T00:00:00Z"));
      const all = await store.query({ dataset: migrDataset.id, where: { sex: ["T"] } });
      assert.equal(all.length, 20_001);
      const keys = all.map((o) => o.series);
      assert.deepEqual(keys, [...keys].sort());
      assert.ok(all.every((o) => o.value === Number(o.series.slice(3))));
      const some = await store.query({ dataset: migrDataset.id, where: { sex: ["T", "F"], geo: ["G0", "G10", "G2"] } });
      assert.deepEqual(some.map((o) => `${o.series} ${o.value}`), ["F.G0 -1", "T.G0 0", "T.G10 10", "T.G2 2"]);
      assert.equal((await store.query({ dataset: migrDataset.id })).length, 20_002);
      await store.close();
    });

    test("loadRelease(input) refuses a series key with the wrong number of codes and a non-canonical flag string", async () => {
      const store = await factory.open("bad_rows");
      await assert.rejects(store.loadRelease(releaseInput([obs("T.BE.X", "2020", 1)], "k", "2024-01-01T00:00:00Z")),
        (e: unknown) => e instanceof InputError && /series "T.BE.X" has 3 codes, dataset test:migr has 2 dimensions \(sex,geo\)/.test(e.message));
      await assert.rejects(store.loadRelease(releaseInput([obs("T.BE", "2020", 1, "pe")], "k", "2024-01-01T00:00:00Z")),
        /series "T.BE" period 2020 has flags "pe", not a canonical flag string/);
      await assert.rejects(store.loadRelease(releaseInput([obs("T.BE", "2020", Number.NaN)], "k", "2024-01-01T00:00:00Z")),
        /series "T.BE" period 2020 has value NaN; a missing value is null/);
      assert.deepEqual(await store.listDatasets(), []);
      await store.close();
    });
  });

  storeLoadSuite(factory);
}

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { comparePeriods } from "../core/index.ts";
import type { Observation, ReleaseId } from "../core/index.ts";
import { migrDataset, obs, releaseInput } from "../../test/fixtures/store/releases.ts";
import { openDuckDbStore } from "./duckdb-store.ts";
import type { ObservationChange, StoredObservation } from "./store.ts";

// The reference: each release is a plain map from "series|period" to value and flags, and every answer of the
// store is recomputed from those maps in a few lines of JS, without any of the store's SQL.
type Content = Map<string, { value: number | null; flags: string }>;

const seriesKeys = ["F.BE", "M.BE", "T.BE", "T.NL"];
const periods = ["2019", "2020", "2020-Q1", "2021"];
const cell = fc.record({
  value: fc.oneof(fc.constant(null), fc.integer({ min: -3, max: 3 })),
  flags: fc.constantFrom("", "p", "e", "ep"),
});
// A release: for each of the 16 cells, absent or a value with flags (few distinct values, so revisions repeat).
const release = fc.array(fc.option(cell, { nil: undefined }), { minLength: 16, maxLength: 16 });

function contentOf(cells: readonly ({ value: number | null; flags: string } | undefined)[]): Content {
  const out: Content = new Map();
  cells.forEach((c, i) => { if (c !== undefined) out.set(`${seriesKeys[i >> 2]}|${periods[i & 3]}`, c); });
  return out;
}

function rowsOf(content: Content): Observation[] {
  return [...content].map(([k, c]) => { const [s, p] = k.split("|"); return obs(s ?? "", p ?? "", c.value, c.flags); });
}

const same = (a: { value: number | null; flags: string } | undefined, b: { value: number | null; flags: string } | undefined) =>
  a !== undefined && b !== undefined && a.value === b.value && a.flags === b.flags;

/** What query({release: k}) must answer: release k's rows, each with the first release of its unbroken run. */
function expectedState(releases: Content[], ids: number[], k: number): string[] {
  const rows: StoredObservation[] = [];
  for (const [key, c] of releases[k] ?? []) {
    let first = k;
    while (first > 0 && same(releases[first - 1]?.get(key), c)) first--;
    const [s, p] = key.split("|");
    rows.push({ ...obs(s ?? "", p ?? "", c.value, c.flags), release: ids[first] as ReleaseId });
  }
  rows.sort((a, b) => (a.series < b.series ? -1 : a.series > b.series ? 1 : comparePeriods(a.period, b.period)));
  return rows.map((o) => `${o.series} ${o.period} ${o.value} ${o.flags} r${o.release}`);
}

/** What diff(a, b) must answer, in the same order. */
function expectedDiff(a: Content, b: Content): string[] {
  const keys = [...new Set([...a.keys(), ...b.keys()])].map((k) => k.split("|") as [string, string]);
  keys.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : comparePeriods(x[1], y[1])));
  const out: string[] = [];
  for (const [s, p] of keys) {
    const before = a.get(`${s}|${p}`);
    const after = b.get(`${s}|${p}`);
    if (before === undefined && after !== undefined) out.push(`${s} ${p} added`);
    else if (after === undefined && before !== undefined) out.push(`${s} ${p} removed`);
    else if (before && after && !same(before, after)) {
      const kind = before.value !== after.value && before.flags !== after.flags ? "value+flags" : before.value !== after.value ? "value" : "flags";
      out.push(`${s} ${p} ${kind}`);
    }
  }
  return out;
}

test("loadRelease, query({release}), query({asOf}) and diff(a, b) agree with an in-memory model over random release sequences", async () => {
  await fc.assert(fc.asyncProperty(fc.array(release, { minLength: 1, maxLength: 4 }), async (cellsPerRelease) => {
    const store = await openDuckDbStore(":memory:");
    try {
      const releases = cellsPerRelease.map(contentOf);
      const ids: number[] = [];
      for (const [i, content] of releases.entries()) {
        const day = String(i + 1).padStart(2, "0");
        // Random releases may empty the dataset or drop most of it: the model is about versions, not the shrink guard.
        const result = await store.loadRelease({ ...releaseInput(rowsOf(content), `c${i}`, `2024-01-${day}T00:00:00Z`), allowShrink: true });
        ids.push(result.release.id);
      }
      for (let k = 0; k < releases.length; k++) {
        const got = (await store.query({ dataset: migrDataset.id, release: ids[k] as ReleaseId }))
          .map((o) => `${o.series} ${o.period} ${o.value} ${o.flags} r${o.release}`);
        assert.deepEqual(got, expectedState(releases, ids, k), `state of release ${k + 1}`);
        // Release k was retrieved at midnight starting day k + 1: as of that day it is the newest.
        const asOf = (await store.query({ dataset: migrDataset.id, asOf: `2024-01-${String(k + 1).padStart(2, "0")}` }))
          .map((o) => `${o.series} ${o.period} ${o.value} ${o.flags} r${o.release}`);
        assert.deepEqual(asOf, got, `as of day ${k + 1}`);
      }
      const last = releases.length - 1;
      assert.deepEqual((await store.query({ dataset: migrDataset.id })).map((o) => `${o.series} ${o.period} ${o.value} ${o.flags} r${o.release}`),
        expectedState(releases, ids, last), "latest");
      for (let a = 0; a < releases.length; a++) {
        for (let b = 0; b < releases.length; b++) {
          const got = (await store.diff(migrDataset.id, ids[a] as ReleaseId, ids[b] as ReleaseId))
            .map((c: ObservationChange) => `${c.series} ${c.period} ${c.change}`);
          assert.deepEqual(got, expectedDiff(releases[a] ?? new Map(), releases[b] ?? new Map()), `diff ${a + 1} -> ${b + 1}`);
        }
      }
    } finally {
      await store.close();
    }
  }), { numRuns: 20, seed: 20261126 });
});

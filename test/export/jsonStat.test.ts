import assert from "node:assert/strict";
import { test } from "node:test";
import JSONstat from "jsonstat-toolkit";
import { exportLocale } from "../../src/i18n/index.ts";
import type { ExportLocale } from "../../src/indicators/export/index.ts";
import { exportJsonStat, jsonStatMaxCells } from "../../src/indicators/export/index.ts";
import { parsePeriod, UsageError } from "../../src/core/index.ts";
import { sampleResult } from "./sampleResult.ts";

const en: ExportLocale = exportLocale("en");
const fr: ExportLocale = exportLocale("fr");
const result = sampleResult();

test("exportJsonStat(result, {locale}) is a JSON-stat 2.0 dataset that jsonstat-toolkit reads with the same values and flags", () => {
  const ds = JSONstat(JSON.parse(exportJsonStat(result, { locale: en }))).Dataset(0);
  assert.equal(ds.class, "dataset");
  assert.deepEqual(ds.id, ["indicator", "geo", "citizen", "time"]);
  assert.deepEqual(ds.size, [1, 2, 2, 3]);
  assert.equal(ds.n, 12);
  assert.equal(ds.Dimension("time")?.role, "time");
  assert.equal(ds.Dimension("geo")?.role, "geo");
  assert.equal(ds.Dimension("indicator")?.role, "metric");
  for (const v of result.values) {
    const datum = ds.Data({ indicator: "immigration-rate", geo: v.geo, citizen: v.breakdown!.citizen!, time: v.period });
    assert.ok(datum, `${v.geo} ${v.period}`);
    assert.equal(datum.value, v.value, `${v.geo} ${v.breakdown!.citizen} ${v.period}`);
    assert.equal(datum.status ?? "", v.flags);
  }
  const absent = ds.Data({ indicator: "immigration-rate", geo: "BE21", citizen: "NAT", time: "2019" });
  assert.equal(absent?.value, null, "a cell the result does not have is null, not 0");
});

test("exportJsonStat(result, {locale}) orders time categories by period and keeps bounds and notes aligned with value", () => {
  const json = JSON.parse(exportJsonStat(result, { locale: en }));
  assert.deepEqual(json.dimension.time.category.index, ["2019", "2020", "2021"]);
  const ds = JSONstat(json).Dataset(0);
  const cells = ds.Unflatten((coordinates, datum) => ({ coordinates, datum }));
  assert.equal(cells.length, 12);
  cells.forEach((cell, i) => {
    const v = result.values.find((x) => x.geo === cell.coordinates.geo && x.breakdown?.citizen === cell.coordinates.citizen
      && x.period === cell.coordinates.time);
    assert.equal(json.extension.lower[i], v?.lower ?? null);
    assert.equal(json.extension.upper[i], v?.upper ?? null);
    assert.deepEqual(json.extension.notes[String(i)], v?.notes === undefined ? undefined : [...v.notes]);
  });
});

test("exportJsonStat(result, {locale}) throws UsageError when the cube would exceed jsonStatMaxCells", () => {
  // 8,000 areas x 80 codes x 80 periods = 51.2 million cells from only 8,080 values spread along the three axes.
  const values = [
    ...Array.from({ length: 8000 }, (_, i) => ({ geo: `G${i}`, period: parsePeriod("2000"), breakdown: { citizen: "C0" }, value: 1, flags: "" })),
    ...Array.from({ length: 79 }, (_, i) => ({ geo: "G0", period: parsePeriod("2000"), breakdown: { citizen: `C${i + 1}` }, value: 1, flags: "" })),
    ...Array.from({ length: 79 }, (_, i) => ({ geo: "G0", period: parsePeriod(String(2001 + i)), breakdown: { citizen: "C0" }, value: 1, flags: "" })),
  ];
  assert.ok(8000 * 80 * 80 > jsonStatMaxCells);
  assert.throws(() => exportJsonStat({ ...result, values }, { locale: en }),
    (e: unknown) => e instanceof UsageError && /would hold 51200000 cells, more than 50000000: choose csv or parquet/.test(e.message));
});

test("exportJsonStat(result, {locale}) carries the citation, the unit and every provenance entry", () => {
  const json = JSON.parse(exportJsonStat(result, { locale: fr }));
  assert.equal(json.version, "2.0");
  assert.equal(json.label, "Taux brut d’immigration");
  assert.equal(json.source, fr.citation(result));
  assert.equal(json.extension.citation, fr.citation(result));
  assert.deepEqual(json.extension.provenance.map((p: { dataset: string; release: number }) => [p.dataset, p.release]),
    [["eurostat:migr_imm1ctz", 3], ["eurostat:demo_pjan", 7]]);
  assert.deepEqual(json.dimension.indicator.category.unit, { "immigration-rate": { label: "per 1,000 inhabitants" } });
  assert.deepEqual(json.note, ["Les taux tirés de petits effectifs sont incertains."]);
  assert.equal(json.updated, "2025-03-21T09:00:00Z");
  const ds = JSONstat(json).Dataset(0);
  assert.equal(ds.source, fr.citation(result));
});

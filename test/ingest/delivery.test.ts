import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import { makeDatasetId } from "../../src/core/index.ts";
import { DeliveryRejectedError, checkDeliveryFile, ingestDelivery } from "../../src/ingest/delivery.ts";
import { openDuckDbStore } from "../../src/store/duckdb-store.ts";
import type { Store } from "../../src/store/store.ts";
import { runCli } from "../cli/run-cli.ts";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/deliveries/${name}`, import.meta.url));
const example = fileURLToPath(new URL("../../data/deliveries/examples/civic-integration-starts.yaml", import.meta.url));
const datasetId = makeDatasetId("agency", "civic_integration_starts");
const fixedNow = () => new Date("2026-01-15T10:00:00Z");

/** The valid fixture read by a plain split, for expectations computed apart from the code under test. */
function plainRows(file: string): string[][] {
  return readFileSync(file, "utf8").trim().split("\n").slice(1).map((l) => l.split(";"));
}

/** Writes the rows of a `;` CSV fixture into an XLSX workbook with a title row above the header (header on row 3). */
async function writeXlsx(csvFile: string, target: string, edit?: (rows: (string | number)[][]) => void): Promise<void> {
  const [header, ...body] = readFileSync(csvFile, "utf8").trim().split("\n").map((l) => l.split(";"));
  const rows: (string | number)[][] = body.map((r) => r.map((c, i) => (i === 0 || i === 3 || i === 4) && /^\d+$/.test(c) ? Number(c) : c));
  edit?.(rows);
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Notes").addRow(["synthetic test workbook"]);
  const sheet = workbook.addWorksheet("Starts");
  sheet.addRow(["Civic-integration starts (synthetic fixture)"]);
  sheet.addRow([]);
  sheet.addRow(header!);
  for (const r of rows) sheet.addRow(r.map((c) => (c === "" ? null : c)));
  await workbook.xlsx.writeFile(target);
}

describe("agency deliveries", () => {
  let dir: string;
  let store: Store;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "migmon-delivery-"));
    store = await openDuckDbStore(path.join(dir, "store.duckdb"));
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("ingestDelivery({file: csv, descriptionFile}) loads a valid CSV as a release of agency:<dataset> with every figure and flag", async () => {
    const result = await ingestDelivery({ store, file: fixture("civic-integration-starts-2024.csv"), descriptionFile: example, now: fixedNow });
    assert.equal(result.status, "loaded");
    assert.equal(result.format, "csv");
    assert.equal(result.release.dataset, datasetId);
    const expected = plainRows(fixture("civic-integration-starts-2024.csv"));
    assert.equal(result.release.observations, expected.length);
    const dataset = await store.getDataset(datasetId);
    assert.deepEqual(dataset.dimensions, ["geo", "citizen", "sex"]);
    assert.equal(dataset.publisher, "agency");
    const stored = await store.query({ dataset: datasetId });
    const byKey = new Map(stored.map((o) => [`${o.series}|${o.period}`, o]));
    for (const [geo, citizen, sex, year, value, flags] of expected) {
      const o = byKey.get(`${geo}.${citizen}.${sex}|${year}`);
      assert.ok(o, `${geo} ${citizen}`);
      assert.equal(o.value, Number(value));
      assert.equal(o.flags, flags ?? "");
    }
  });

  it("ingestDelivery({file: xlsx}) loads the same table from a worksheet whose header is on row 3, codes written as numbers", async () => {
    const xlsx = path.join(dir, "starts.xlsx");
    await writeXlsx(fixture("civic-integration-starts-2024.csv"), xlsx);
    const description = path.join(dir, "starts-xlsx.yaml");
    writeFileSync(description, readFileSync(example, "utf8")
      .replace("dataset: civic_integration_starts", "dataset: civic_integration_starts_xlsx")
      .replace(/format:\n(  .*\n)+/, "format:\n  type: xlsx\n  sheet: Starts\n  headerRow: 3\n"));
    const result = await ingestDelivery({ store, file: xlsx, descriptionFile: description, now: fixedNow });
    assert.equal(result.format, "xlsx");
    const csvStored = await store.query({ dataset: datasetId });
    const xlsxStored = await store.query({ dataset: makeDatasetId("agency", "civic_integration_starts_xlsx") });
    const strip = (rows: typeof csvStored) => rows.map((o) => ({ series: o.series, period: o.period, value: o.value, flags: o.flags }));
    assert.equal(xlsxStored.length, plainRows(fixture("civic-integration-starts-2024.csv")).length);
    assert.deepEqual(strip(xlsxStored), strip(csvStored));
  });

  it("checkDeliveryFile(xlsx) names defects by the worksheet's own row numbers", async () => {
    const xlsx = path.join(dir, "starts-bad.xlsx");
    // Data start on sheet row 4; body index 10 is row 14; its code 11004 becomes the unknown 11003.
    await writeXlsx(fixture("civic-integration-starts-2024.csv"), xlsx, (rows) => { rows[10]![0] = 11003; });
    const description = path.join(dir, "starts-xlsx-bad.yaml");
    writeFileSync(description, readFileSync(example, "utf8").replace(/format:\n(  .*\n)+/, "format:\n  type: xlsx\n  sheet: Starts\n  headerRow: 3\n"));
    const checked = await checkDeliveryFile(xlsx, description);
    assert.deepEqual(checked.problems.map((p) => [p.row, p.column, p.kind]), [[14, "gemeente", "unknown-code"]]);
  });

  it("ingestDelivery refuses a file with row defects, names each with its row and column, and leaves the store unchanged", async () => {
    const before = await store.listReleases(datasetId);
    const beforeObs = await store.query({ dataset: datasetId });
    await assert.rejects(
      ingestDelivery({ store, file: fixture("civic-integration-starts-2024-row-defects.csv"), descriptionFile: example, now: fixedNow }),
      (error: unknown) => {
        assert.ok(error instanceof DeliveryRejectedError);
        // The rows changed in the fixture (see test/fixtures/deliveries/README.md and `diff` against the valid file).
        assert.deepEqual(error.problems.map((p) => [p.row, p.column, p.kind]), [
          [6, "gemeente", "unknown-code"],
          [7, "aantal", "non-numeric"],
          [10, "jaar", "bad-period"],
          [15, "vlag", "bad-flag"],
          [20, "geslacht", "unknown-code"],
          [25, "nationaliteit", "empty-cell"],
          [126, null, "duplicate-key"],
          [127, null, "row-width"],
        ]);
        assert.match(error.problems[6]!.message, /already occurs in row 30/);
        assert.match(error.message, /8 problems, nothing loaded/);
        return true;
      },
    );
    assert.deepEqual(await store.listReleases(datasetId), before);
    assert.deepEqual(await store.query({ dataset: datasetId }), beforeObs);
  });

  it("ingestDelivery refuses a declared total that differs from its parts, for each declared total it breaks", async () => {
    await assert.rejects(
      ingestDelivery({ store, file: fixture("civic-integration-starts-2024-wrong-total.csv"), descriptionFile: example }),
      (error: unknown) => {
        assert.ok(error instanceof DeliveryRejectedError);
        // Row 5 says 1079; the valid file's 1080 is MA+SY+UA of 11000 (361+360+359) and the sum of the 30 municipal TOTAL rows.
        const rows = plainRows(fixture("civic-integration-starts-2024.csv"));
        const municipalTotal = rows.filter((r) => r[0] !== "11000" && r[1] === "TOTAL").reduce((s, r) => s + Number(r[4]), 0);
        assert.equal(municipalTotal, 1080);
        assert.deepEqual(error.problems.map((p) => [p.row, p.column, p.kind]), [[5, "aantal", "total-mismatch"], [5, "aantal", "total-mismatch"]]);
        assert.ok(error.problems.some((p) => /geo=11000 is 1079 but its 30 parts \(municipalities\) sum to 1080/.test(p.message)));
        assert.ok(error.problems.some((p) => /citizen=TOTAL is 1079 but its 3 parts \(others\) sum to 1080/.test(p.message)));
        return true;
      },
    );
  });

  it("checkDeliveryFile names a missing column and each column the description does not know, on the header row", async () => {
    const checked = await checkDeliveryFile(fixture("civic-integration-starts-2024-wrong-columns.csv"), example);
    assert.deepEqual(checked.problems.map((p) => [p.row, p.column, p.kind]), [
      [1, "geslacht", "missing-column"], [1, "sex", "unexpected-column"], [1, "opmerking", "unexpected-column"],
    ]);
  });

  it("migmon ingest <dataset> --file F --describe D prints one line per problem and a summary line (or JSON), exit 1; a valid file loads", async () => {
    const env = { MIGMON_DB: path.join(dir, "cli.duckdb") };
    const bad = await runCli(["ingest", "agency:civic_integration_starts", "--file", fixture("civic-integration-starts-2024-row-defects.csv"), "--describe", example], env);
    assert.equal(bad.code, 1);
    const lines = bad.stderr.trim().split("\n");
    assert.equal(lines.length, 9);
    assert.equal(lines[0], 'civic-integration-starts-2024-row-defects.csv row 6 column "gemeente": unknown geo code "99999" (not in refnis on 2024-01-01)');
    assert.equal(lines[8], "migmon: civic-integration-starts-2024-row-defects.csv: 8 problems, nothing loaded");
    const json = await runCli(["ingest", "agency:civic_integration_starts", "--file", fixture("civic-integration-starts-2024-wrong-columns.csv"), "--describe", example, "--json"], env);
    assert.equal(json.code, 1);
    const answer = JSON.parse(json.stdout) as { status: string; problems: { row: number; column: string; kind: string }[] };
    assert.equal(answer.status, "rejected");
    assert.deepEqual(answer.problems.map((p) => p.column), ["geslacht", "sex", "opmerking"]);
    const wrongName = await runCli(["ingest", "agency:other", "--file", fixture("civic-integration-starts-2024.csv"), "--describe", example], env);
    assert.equal(wrongName.code, 2);
    const good = await runCli(["ingest", "civic_integration_starts", "--file", fixture("civic-integration-starts-2024.csv"), "--describe", example], env, fixedNow);
    assert.equal(good.code, 0, good.stderr);
    assert.match(good.stdout, /agency:civic_integration_starts: release 1 loaded from csv: 124 observations/);
  });
});

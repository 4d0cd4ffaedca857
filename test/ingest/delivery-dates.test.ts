// A date is not a count: a spreadsheet date cell in the value column of an agency delivery is a problem named by
// its row and column, whether or not a declared total covers the row (issue 17 found one stored as its year).
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import { DeliveryRejectedError, checkDeliveryFile, ingestDelivery } from "../../src/ingest/delivery.ts";
import { openDuckDbStore } from "../../src/store/duckdb-store.ts";
import type { Store } from "../../src/store/store.ts";

const example = fileURLToPath(new URL("../../data/deliveries/examples/civic-integration-starts.yaml", import.meta.url));

describe("agency deliveries with a date in the value column", () => {
  let dir: string;
  let store: Store;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "migmon-delivery-dates-"));
    store = await openDuckDbStore(path.join(dir, "store.duckdb"));
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** An XLSX table of the example's columns whose row 3 has a real spreadsheet date (or its ISO text) as its count. */
  async function writeTable(file: string, date: Date | string): Promise<void> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Starts");
    sheet.addRow(["gemeente", "nationaliteit", "geslacht", "jaar", "aantal", "vlag"]);
    sheet.addRow([11002, "MA", "M", 2024, 7, null]);
    sheet.addRow([11002, "SY", "M", 2024, date, null]);
    sheet.addRow([11002, "TOTAL", "M", 2024, 2031, null]);
    await workbook.xlsx.writeFile(file);
  }

  function writeDescription(file: string, withTotals: boolean): void {
    const text = readFileSync(example, "utf8").replace(/format:\n(  .*\n)+/, "format:\n  type: xlsx\n  sheet: Starts\n");
    writeFileSync(file, withTotals ? text : text.replace(/totals:[\s\S]*$/, ""));
  }

  for (const withTotals of [false, true]) {
    for (const cell of [new Date(Date.UTC(2024, 2, 5)), "2024-03-05"]) {
      const kind = cell instanceof Date ? "date cell" : "ISO text";
      it(`checkDeliveryFile(xlsx with a ${kind} in the value column, ${withTotals ? "with" : "without"} declared totals) names row 3, column aantal: a date, not a number`, async () => {
        const xlsx = path.join(dir, `dates-${withTotals}-${kind.replace(" ", "-")}.xlsx`);
        const yaml = path.join(dir, `dates-${withTotals}.yaml`);
        await writeTable(xlsx, cell);
        writeDescription(yaml, withTotals);
        const checked = await checkDeliveryFile(xlsx, yaml);
        const dateProblems = checked.problems.filter((p) => p.kind === "non-numeric");
        assert.deepEqual(dateProblems.map((p) => [p.row, p.column, p.message]), [[3, "aantal", 'value "2024-03-05" is a date, not a number']]);
        assert.ok(!checked.observations.some((o) => o.value === 2024), "no date stored as its year");
      });
    }
  }

  it("ingestDelivery(xlsx with a date in the value column) is refused and the store keeps no dataset for it", async () => {
    const xlsx = path.join(dir, "dates-load.xlsx");
    const yaml = path.join(dir, "dates-load.yaml");
    await writeTable(xlsx, new Date(Date.UTC(2024, 2, 5)));
    writeDescription(yaml, false);
    await assert.rejects(ingestDelivery({ store, file: xlsx, descriptionFile: yaml }), (error: unknown) => {
      assert.ok(error instanceof DeliveryRejectedError);
      assert.ok(error.problems.some((p) => p.row === 3 && p.column === "aantal"));
      return true;
    });
    assert.deepEqual(await store.listDatasets(), []);
  });
});

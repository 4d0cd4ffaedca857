import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ReferenceCodes } from "./codes.ts";
import { deliveryDescriptionSchema } from "./description.ts";
import { readDeliveredRows } from "./parse.ts";
import { checkDelivery } from "./validate.ts";

/** A stand-in for the reference lists: a region and two municipalities in one arrondissement, valid from 2019; countries BE, FR. */
const reference: ReferenceCodes = {
  isRefnisUnit: (code, date) => ["02000", "11000", "11001", "11002"].includes(code) && date >= "2019-01-01",
  isCountryCode: (code) => ["BE", "FR", "TOTAL"].includes(code),
  municipalitiesIn: (code) => (code === "11000" ? ["11001", "11002"] : []),
};

const description = deliveryDescriptionSchema.parse({
  dataset: "test_table",
  title: { nl: "t", fr: "t", en: "t" },
  licence: "test", contact: "test", unit: "persons",
  format: { type: "csv", delimiter: ";", decimal: ",", encoding: "windows-1252" },
  dimensions: [
    { id: "geo", column: "commune", codes: "refnis" },
    { id: "kind", column: "catégorie", codes: { inline: [{ code: "A", label: "first" }, { code: "B", label: "second" }] } },
  ],
  period: { column: "trimestre", form: "quarter" },
  value: { column: "valeur" },
  totals: [{ dimension: "geo", code: "11000", parts: "municipalities" }],
});

const windows1252 = (text: string) => Uint8Array.from([...text].map((ch) => (ch === "é" ? 0xe9 : ch.charCodeAt(0))));

describe("checkDelivery", () => {
  it("readDeliveredRows(csv windows-1252) decodes the header and keeps file line numbers across blank lines", async () => {
    const rows = await readDeliveredRows(windows1252("commune;catégorie;trimestre;valeur\n\n11001;A;2020Q1;1,5\n"), description.format, "t.csv");
    assert.deepEqual(rows.header, ["commune", "catégorie", "trimestre", "valeur"]);
    assert.deepEqual(rows.rows, [{ row: 3, cells: ["11001", "A", "2020Q1", "1,5"] }]);
  });

  it("checkDelivery reads decimal commas, `:` as a missing value, REFNIS codes without their leading zero, and checks quarters", async () => {
    const text = "commune;catégorie;trimestre;valeur\n11001;A;2020Q1;1,5\n11002;A;2020-Q1;:\n11001;B;2020Q1;2\n11002;B;2020Q1;3\n11000;B;2020Q1;5\n2000;B;2020Q1;7\n";
    const rows = await readDeliveredRows(windows1252(text), description.format, "t.csv");
    const checked = checkDelivery(description, rows, reference);
    assert.deepEqual(checked.problems, []);
    assert.deepEqual(checked.observations.map((o) => [o.series, o.period, o.value]), [
      ["11001.A", "2020-Q1", 1.5], ["11002.A", "2020-Q1", null], ["11001.B", "2020-Q1", 2], ["11002.B", "2020-Q1", 3], ["11000.B", "2020-Q1", 5],
      ["02000.B", "2020-Q1", 7],
    ]);
  });

  it("checkDelivery names a code valid only later, a year given for a quarter, a code outside the inline list, 1.000 with a decimal comma, a short row", async () => {
    const text = "commune;catégorie;trimestre;valeur\n11001;A;2018Q4;1\n11001;A;2020;1\n11001;C;2020Q2;1\n11001;A;2020Q3;1.000\n11002;A;2020Q3\n";
    const rows = await readDeliveredRows(windows1252(text), description.format, "t.csv");
    const checked = checkDelivery(description, rows, reference);
    assert.deepEqual(checked.problems.map((p) => [p.row, p.column, p.kind]), [
      [2, "commune", "unknown-code"], [3, "trimestre", "bad-period"], [4, "catégorie", "unknown-code"], [5, "valeur", "non-numeric"],
      [6, null, "row-width"],
    ]);
    assert.match(checked.problems[0]!.message, /on 2018-10-01/);
  });

  it("checkDelivery does not judge a declared total whose group holds a defective row, so only the row's own problem is named", async () => {
    const text = "commune;catégorie;trimestre;valeur\n11001;B;2020Q1;x\n11002;B;2020Q1;3\n11000;B;2020Q1;5\n11001;A;2020Q1;1\n11002;A;2020Q1;1\n11000;A;2020Q1;3\n";
    const rows = await readDeliveredRows(windows1252(text), description.format, "t.csv");
    const checked = checkDelivery(description, rows, reference);
    assert.deepEqual(checked.problems.map((p) => [p.row, p.column, p.kind]), [[2, "valeur", "non-numeric"], [7, "valeur", "total-mismatch"]]);
    assert.match(checked.problems[1]!.message, /geo=11000 is 3 but its 2 parts \(municipalities\) sum to 2/);
  });

  it("deliveryDescriptionSchema refuses parts: municipalities on a dimension that is not refnis, and a column named twice", () => {
    const base = { dataset: "x", title: { nl: "t", fr: "t", en: "t" }, licence: "l", contact: "c", unit: "u",
      format: { type: "csv" }, period: { column: "p", form: "year" }, value: { column: "v" } };
    const bad = deliveryDescriptionSchema.safeParse({ ...base, dimensions: [{ id: "sex", column: "s", codes: "sex" }],
      totals: [{ dimension: "sex", code: "T", parts: "municipalities" }] });
    assert.equal(bad.success, false);
    const twice = deliveryDescriptionSchema.safeParse({ ...base, dimensions: [{ id: "sex", column: "v", codes: "sex" }] });
    assert.equal(twice.success, false);
  });
});

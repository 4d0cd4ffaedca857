// Descriptions and tables far larger than an agency sends: the checks stay linear, and a description past the
// size limit is refused before the YAML parser spends minutes on it (issue 17: 100,000 ignored columns ran past
// 120 s, 200,000 inline codes took 103 s and 942 MB).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError, InputLimitError } from "../../../core/index.ts";
import type { ReferenceCodes } from "./codes.ts";
import { deliveryDescriptionSchema, parseDeliveryDescription } from "./description.ts";
import type { DeliveredRows } from "./parse.ts";
import { checkDelivery } from "./validate.ts";

const reference: ReferenceCodes = {
  isRefnisUnit: () => false,
  isCountryCode: () => false,
  municipalitiesIn: () => [],
};

const base = {
  dataset: "large_table",
  title: { nl: "t", fr: "t", en: "t" },
  licence: "test", contact: "test", unit: "persons",
  format: { type: "csv", delimiter: ";", decimal: ".", encoding: "utf-8" },
  period: { fixed: "2024" },
  value: { column: "value" },
};

const elapsed = (since: number) => Math.round(performance.now() - since);
// The bounds below are not speed targets: they only catch the quadratic checks of issue 17 (minutes for 100,000
// columns, hours for 200,000 codes) and stay far above what a linear check needs on a machine under heavy load, so
// no test here depends on the machine's speed (a linear run takes well under a second when the machine is quiet).
const quadraticBoundMs = 60_000;

describe("large delivery descriptions", () => {
  it("deliveryDescriptionSchema.parse(100,000 ignoredColumns) is linear (seconds, not minutes) and still names a column given twice", () => {
    const ignored = Array.from({ length: 100_000 }, (_, i) => `note ${i}`);
    const dimensions = [{ id: "kind", column: "kind", codes: "sex" }];
    const started = performance.now();
    const parsed = deliveryDescriptionSchema.parse({ ...base, dimensions, ignoredColumns: ignored });
    assert.equal(parsed.ignoredColumns.length, 100_000);
    // the pairwise check took over 120 s; a set takes tens of milliseconds
    assert.ok(elapsed(started) < quadraticBoundMs, `took ${elapsed(started)} ms`);
    const twice = deliveryDescriptionSchema.safeParse({ ...base, dimensions, ignoredColumns: [...ignored, "note 99999"] });
    assert.ok(!twice.success && twice.error.issues.some((i) => i.message === 'column "note 99999" is named twice'));
  });

  it("checkDelivery(header of 100,000 ignored columns) reads the header in linear time and names an unknown column", () => {
    const ignored = Array.from({ length: 100_000 }, (_, i) => `note ${i}`);
    const description = deliveryDescriptionSchema.parse({ ...base, dimensions: [{ id: "sex", column: "sex", codes: "sex" }], ignoredColumns: ignored });
    const header = ["sex", "value", ...ignored, "stray"];
    const cells = header.map((_, i) => (i === 0 ? "T" : i === 1 ? "3" : null));
    const table: DeliveredRows = { headerRow: 1, header, rows: [{ row: 2, cells }] };
    const started = performance.now();
    const { problems, observations } = checkDelivery(description, table, reference);
    assert.ok(elapsed(started) < quadraticBoundMs, `took ${elapsed(started)} ms`);
    assert.deepEqual(problems.map((p) => [p.row, p.column, p.kind]), [[1, "stray", "unexpected-column"]]);
    assert.equal(observations.length, 1);
  });

  it("checkDelivery(200,000 inline codes, 200,000 rows) looks codes up in a set: linear, every row checked", () => {
    const inline = Array.from({ length: 200_000 }, (_, i) => ({ code: `C${i}`, label: `label ${i}` }));
    const description = deliveryDescriptionSchema.parse({ ...base, dimensions: [{ id: "kind", column: "kind", codes: { inline } }] });
    const rows = inline.map((c, i) => ({ row: i + 2, cells: [c.code, String(i % 7)] }));
    rows.push({ row: rows.length + 2, cells: ["C200000", "1"] });
    const started = performance.now();
    const { problems, observations } = checkDelivery(description, { headerRow: 1, header: ["kind", "value"], rows }, reference);
    // .some() over the list for each row was 4e10 comparisons
    assert.ok(elapsed(started) < quadraticBoundMs, `took ${elapsed(started)} ms`);
    assert.equal(observations.length, 200_000);
    assert.deepEqual(problems.map((p) => [p.row, p.column, p.message]), [[200_002, "kind", 'unknown kind code "C200000" (not in inline list)']]);
  });

  it("parseDeliveryDescription(a YAML text over the limit) throws InputLimitError naming the file and the setting, before parsing", () => {
    const codes = Array.from({ length: 200_000 }, (_, i) => `        - code: C${i}\n          label: Label ${i}\n`).join("");
    const text = `dataset: large_table\ndimensions:\n  - id: kind\n    column: kind\n    codes:\n      inline:\n${codes}`;
    const started = performance.now();
    assert.throws(() => parseDeliveryDescription(text, "huge.yaml"), (error: unknown) => {
      assert.ok(error instanceof InputLimitError);
      assert.equal(error.message, "huge.yaml is larger than 1 MiB, too large for a delivery description; set MIGMON_MAX_DESCRIPTION_BYTES to raise the limit");
      return true;
    });
    // the YAML parser needs tens of seconds for this text; refusing on its size first takes milliseconds
    assert.ok(elapsed(started) < 10_000, `took ${elapsed(started)} ms`);
    // multi-byte text is measured in bytes: 400,000 characters of "é" are 800,000 bytes, under 1 MiB; 600,000 are over
    assert.throws(() => parseDeliveryDescription(`# ${"é".repeat(400_000)}\n`, "ok.yaml"), (e: unknown) => e instanceof InputError && !(e instanceof InputLimitError));
    assert.throws(() => parseDeliveryDescription(`# ${"é".repeat(600_000)}\n`, "big.yaml"), InputLimitError);
  });
  it("parseDeliveryDescription(20,000 nested brackets) throws InputError naming the line instead of letting the YAML parser end the process", () => {
    // the yaml package dies with a fatal out-of-memory error at this depth (measured: 20,000 "[" in 40 kB)
    const text = `dataset: deep\ntitle: ${"[".repeat(20_000)}1${"]".repeat(20_000)}\n`;
    assert.throws(() => parseDeliveryDescription(text, "deep.yaml"),
      (e: unknown) => e instanceof InputError && e.message === "brackets nested deeper than 64 levels in deep.yaml line 2");
    // brackets inside quotes and comments do not count
    const quoted = parseDeliveryDescription.bind(null, `# ${"[".repeat(100)}\ndataset: "${"{".repeat(100)}"\n`, "q.yaml");
    assert.throws(quoted, (e: unknown) => e instanceof InputError && /^field /.test(e.message));
  });
});

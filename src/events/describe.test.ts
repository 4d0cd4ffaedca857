import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { describeEventSchema, formatSchemaTable } from "./describe.ts";
import { eventKeyOrder, eventLevels } from "./schema.ts";

describe("describeEventSchema", () => {
  it("describeEventSchema() lists every field of the schema in order, each with a description", () => {
    const rows = describeEventSchema();
    assert.deepEqual(rows.map((r) => r.field), [...eventKeyOrder]);
    for (const r of rows) assert.ok(r.description.length > 10, r.field);
  });

  it("describeEventSchema() marks exactly the optional fields as not required", () => {
    const optional = describeEventSchema().filter((r) => !r.required).map((r) => r.field);
    assert.deepEqual(optional, ["announced", "published", "legalReference", "checkedOn", "checkedBy"]);
  });

  it("describeEventSchema() shows the DEMIG direction codes and the levels as the schema's literal values", () => {
    const rows = Object.fromEntries(describeEventSchema().map((r) => [r.field, r]));
    assert.equal(rows.direction!.type, "-1 | 0 | 1");
    assert.match(rows.direction!.description, /\+1 more restrictive, -1 less restrictive/);
    assert.equal(rows.level!.type, eventLevels.map((l) => JSON.stringify(l)).join(" | "));
    assert.equal(rows.sources!.type, "list of string (uri)");
  });

  it("formatSchemaTable(rows) writes a Markdown table with one line per field and escaped pipes", () => {
    const text = formatSchemaTable(describeEventSchema());
    const lines = text.trimEnd().split("\n");
    assert.equal(lines.length, eventKeyOrder.length + 2);
    assert.match(lines[0]!, /^\| field \| required \| type \| description \|$/);
    assert.ok(lines.find((l) => l.startsWith("| kind |"))!.includes('"policy" \\| "context" \\| "statistical"'));
  });
});

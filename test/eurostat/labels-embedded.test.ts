// The parsers use an embedded copy of the curated label table (ingest/sources does no file access); this test
// keeps the copy equal to data/reference/eurostat-labels.csv and, with MIGMON_UPDATE_EMBEDDED=1, rewrites it.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { describe, it } from "node:test";
import { eurostatLabelsCsv } from "../../src/ingest/sources/eurostat/labels-data.ts";
import { repositoryPath } from "./real-files.ts";

describe("embedded Eurostat label table", () => {
  it("eurostatLabelsCsv is the text of data/reference/eurostat-labels.csv", () => {
    const csv = readFileSync(repositoryPath("data/reference/eurostat-labels.csv"), "utf8");
    if (csv !== eurostatLabelsCsv && process.env["MIGMON_UPDATE_EMBEDDED"] === "1") {
      const path = repositoryPath("src/ingest/sources/eurostat/labels-data.ts");
      const text = readFileSync(path, "utf8");
      writeFileSync(path, `${text.slice(0, text.indexOf("`") + 1)}${csv}\`;\n`);
      return;
    }
    assert.equal(eurostatLabelsCsv, csv, "labels-data.ts is stale: run this test with MIGMON_UPDATE_EMBEDDED=1");
  });
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { InputError, UsageError } from "../../src/core/index.ts";
import { optionalRefnis, restoreRefnis } from "../../src/ingest/sources/statbel/codes.ts";
import { statbelFileKind } from "../../src/ingest/sources/statbel/parse.ts";

test("restoreRefnis(text) restores leading zeros, writes the kingdom BE and rejects other text", () => {
  assert.equal(restoreRefnis("2000", "f", 1), "02000");
  assert.equal(restoreRefnis(" 4000 ", "f", 1), "04000");
  assert.equal(restoreRefnis("11001", "f", 1), "11001");
  assert.equal(restoreRefnis("1000", "f", 1), "BE");
  assert.throws(() => restoreRefnis("BE2", "f.txt", 9), (e: unknown) => e instanceof InputError && e.message === 'not a REFNIS code: "BE2" in f.txt line 9');
  assert.equal(optionalRefnis("NA", "f", 1), null);
  assert.equal(optionalRefnis("", "f", 1), null);
});

test("statbelFileKind(name) recognises the files this connector reads and refuses others", () => {
  assert.equal(statbelFileKind("https://x/TF_SOC_POP_STRUCT_2015.zip"), "population-structure");
  assert.equal(statbelFileKind("census2011/TF_CENSUS_2011_HC27_L.csv.gz"), "census-hypercube");
  assert.equal(statbelFileKind("pop_by_municipality_nationality_sex_agegroup_2009-2015.csv.gz"), "municipal-population");
  assert.equal(statbelFileKind("bevolking_per_gemeente_2020.csv"), "municipal-totals");
  assert.throws(() => statbelFileKind("REFNIS_2019.csv"), UsageError);
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { FlagError } from "../core/index.ts";
import { describeFlags, flagMeaning } from "./flagText.ts";

test("flagMeaning(code, lang) is the meaning of a flag in the language", () => {
  assert.equal(flagMeaning("p", "nl"), "voorlopig");
  assert.equal(flagMeaning("c", "fr"), "confidentiel");
  assert.equal(flagMeaning("u", "en"), "low reliability");
});

test("describeFlags(flags, lang) lists code and meaning in canonical order", () => {
  assert.equal(describeFlags("peb", "en"), "b: break in time series, e: estimated, p: provisional");
  assert.equal(describeFlags("bep", "fr"), "b\u00a0: rupture de série, e\u00a0: estimé, p\u00a0: provisoire");
  assert.equal(describeFlags("", "nl"), "");
});

test("describeFlags(flags, lang) throws FlagError for a letter that is not a flag code", () => {
  assert.throws(() => describeFlags("px", "en"), FlagError);
});

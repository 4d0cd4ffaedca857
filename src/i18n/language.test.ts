import assert from "node:assert/strict";
import { test } from "node:test";
import { UsageError } from "../core/index.ts";
import { localeOf, parseLang } from "./language.ts";

test("parseLang(text) accepts nl, fr and en in any case", () => {
  assert.equal(parseLang("nl"), "nl");
  assert.equal(parseLang(" FR "), "fr");
  assert.equal(localeOf[parseLang("en")], "en-GB");
});

test("parseLang(text) throws UsageError naming the value and the choices", () => {
  assert.throws(() => parseLang("de"), (e: unknown) => e instanceof UsageError && /unknown language "de": expected one of nl, fr, en/.test(e.message));
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CorruptInputError, InputError, InputLimitError, excerpt } from "./errors.ts";

describe("error messages quote input in excerpts", () => {
  it("excerpt(text) quotes a short text whole and cuts a long one to 80 characters with its length said", () => {
    assert.equal(excerpt("BE99"), '"BE99"');
    assert.equal(excerpt("x".repeat(80)), JSON.stringify("x".repeat(80)));
    const long = `${"a".repeat(100)}${"b".repeat(1 << 20)}`;
    assert.equal(excerpt(long), `${JSON.stringify(`${"a".repeat(80)}…`)} (${long.length} characters)`);
    assert.equal(excerpt("abcdef", 3), '"abc…" (6 characters)');
    assert.equal(excerpt(12.5), '"12.5"');
  });

  it("InputError(source, line, problem) keeps a 1 MiB problem to one readable line that still names the file and line", () => {
    const error = new InputError("big.csv", 7, `bad cell ${"z".repeat(1 << 20)}\nsecond line`);
    assert.ok(error.message.length < 500, `${error.message.length} characters`);
    assert.doesNotMatch(error.message, /\n/);
    assert.match(error.message, /^bad cell z+… in big\.csv line 7$/);
    assert.equal(new InputError("a.csv", undefined, "two\r\nlines").message, "two lines in a.csv");
  });

  it("InputLimitError and CorruptInputError carry their whole message and stay InputErrors (exit 1, HTTP 422)", () => {
    const limit = new InputLimitError("t.tsv", 12, "line 12 of t.tsv is longer than 16 MiB; set MIGMON_MAX_LINE_BYTES to raise the limit", "MIGMON_MAX_LINE_BYTES");
    assert.equal(limit.message, "line 12 of t.tsv is longer than 16 MiB; set MIGMON_MAX_LINE_BYTES to raise the limit");
    assert.ok(limit instanceof InputError && limit.line === 12 && limit.setting === "MIGMON_MAX_LINE_BYTES" && limit.httpStatus === 422 && limit.exitCode === 1);
    const corrupt = new CorruptInputError("x.gz", "not a valid gzip stream (incorrect header check)");
    assert.equal(corrupt.message, "x.gz: not a valid gzip stream (incorrect header check)");
    assert.ok(corrupt instanceof InputError && corrupt.source === "x.gz");
  });
});

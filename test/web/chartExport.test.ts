import assert from "node:assert/strict";
import { test } from "node:test";
import { standaloneSvg, wrapText } from "../../src/web/chartExport.ts";

test("wrapText(text, chars) breaks at spaces into lines of at most chars, a longer word alone", () => {
  // By hand: "Source:" + "Eurostat," is 17 characters, "Eurostat," + "tps00170" 18, "tps00170" + "(release" 17.
  assert.deepEqual(wrapText("Source: Eurostat, tps00170 (release 3)", 16), ["Source:", "Eurostat,", "tps00170", "(release 3)"]);
  assert.deepEqual(wrapText("a b c", 3), ["a b", "c"]);
  assert.deepEqual(wrapText("averyverylongword x", 5), ["averyverylongword", "x"]);
});

test("standaloneSvg(chart, w, h, title, source) puts the title above and the source under the nested chart, escaped", () => {
  const { markup, height } = standaloneSvg('<svg width="300" height="200"><g/></svg>', 300, 200, "Permits & more", "Source: Eurostat <tps00170>");
  assert.match(markup, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="300" height="\d+"/);
  assert.ok(markup.includes(">Permits &amp; more</text>"));
  assert.ok(markup.includes("Source: Eurostat &lt;tps00170&gt;"));
  assert.ok(markup.includes('<svg x="0" y="34" width="300" height="200">'), "the chart is nested below the title");
  assert.equal(height, 34 + 200 + 10 + 15 + 6);
});

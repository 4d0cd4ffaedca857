import assert from "node:assert/strict";
import { test } from "node:test";
import { flagCodes } from "../core/index.ts";
import { languages } from "./language.ts";
import { catalogues, placeholdersOf, t } from "./translate.ts";

const allKeys = [...new Set(languages.flatMap((lang) => Object.keys(catalogues[lang])))].sort();

test("catalogues: every key exists with a non-empty text in nl, fr and en", () => {
  assert.ok(allKeys.length > 40);
  for (const lang of languages) {
    const missing = allKeys.filter((k) => typeof (catalogues[lang] as Record<string, unknown>)[k] !== "string"
      || (catalogues[lang] as Record<string, string>)[k]?.trim() === "");
    assert.deepEqual(missing, [], `${lang} lacks ${missing.join(", ")}`);
  }
});

test("catalogues: a key has the same {placeholders} in nl, fr and en", () => {
  for (const key of allKeys) {
    const expected = placeholdersOf((catalogues.en as Record<string, string>)[key] ?? "").sort();
    for (const lang of languages) {
      assert.deepEqual(placeholdersOf((catalogues[lang] as Record<string, string>)[key] ?? "").sort(), expected, `${key} in ${lang}`);
    }
  }
});

test("catalogues: every flag code of src/core has a meaning in each language", () => {
  for (const code of flagCodes) {
    for (const lang of languages) assert.ok(allKeys.includes(`flag.${code}`) && t(lang, `flag.${code}`).length > 0, `${code} ${lang}`);
  }
});

test("catalogues: nl and fr texts are translations, not copies of the English", () => {
  for (const key of ["sheet.data", "column.value", "label.definition", "flag.p", "citation.sentence"] as const) {
    assert.notEqual(t("nl", key, { sources: "S", app: "A", indicator: "I" }), t("en", key, { sources: "S", app: "A", indicator: "I" }), key);
    assert.notEqual(t("fr", key, { sources: "S", app: "A", indicator: "I" }), t("en", key, { sources: "S", app: "A", indicator: "I" }), key);
  }
});

test("t(lang, key) is the catalogue text of the language", () => {
  assert.equal(t("nl", "sheet.data"), "Gegevens");
  assert.equal(t("fr", "sheet.data"), "Données");
  assert.equal(t("en", "sheet.data"), "Data");
  assert.equal(t("fr", "flag.p"), "provisoire");
});

test("t(lang, key, params) fills every {placeholder}", () => {
  assert.equal(
    t("en", "citation.release", { publisher: "Eurostat", dataset: "demo_pjan", release: 7, updated: "2025-03-14", retrieved: "2025-03-20" }),
    "Eurostat, demo_pjan (release 7 of 2025-03-14, retrieved 2025-03-20)",
  );
});

test("t(lang, key, params) throws RangeError naming the key and the parameter that is missing", () => {
  assert.throws(() => t("nl", "citation.sentence", { sources: "x" }), /message citation\.sentence \(nl\) needs the parameter \{app\}/);
});

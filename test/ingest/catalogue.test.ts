import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { MigmonError } from "../../src/core/index.ts";
import { defaultCataloguePath, findEntry, loadCatalogue, parseCatalogue } from "../../src/ingest/catalogue.ts";
import { checkCatalogueFormats } from "../../src/ingest/formats.ts";
import { sharedData } from "../shared-data.ts";

const text = readFileSync(defaultCataloguePath, "utf8");

describe("the source catalogue data/sources.yaml", () => {
  it("loadCatalogue() validates every entry against the schema and names a parser for every format", async () => {
    const catalogue = await loadCatalogue();
    assert.ok(catalogue.length >= 30);
    checkCatalogueFormats(catalogue);
  });

  it("loadCatalogue() entries name an offline copy that exists in the shared data folder", async () => {
    for (const entry of await loadCatalogue()) {
      if (entry.offline) assert.ok(existsSync(sharedData(entry.offline.file)), `${entry.id}: ${entry.offline.file}`);
    }
  });

  it("loadCatalogue() covers every Eurostat dataset the foundation issue lists", async () => {
    const ids = (await loadCatalogue()).map((e) => e.id);
    for (const code of ["migr_imm1ctz", "migr_emi1ctz", "migr_imm5prv", "migr_pop1ctz", "migr_pop3ctb", "demo_gind", "demo_r_gind3",
      "migr_asyappctza", "migr_asyappctzm", "migr_asydcfsta", "migr_asytpsm", "migr_resfirst", "tps00170", "migr_acq",
      "migr_eipre", "migr_eirtn", "lfsa_urgan", "lfsa_ergan"]) {
      assert.ok(ids.includes(`eurostat:${code}`), code);
    }
  });

  it("parseCatalogue(text) refuses a duplicate id, a missing title language and an id that does not match its code", () => {
    const [head = "", first = ""] = text.split(/\n(?=- id: )/);
    const twice = `${head}\n${first}\n${first}`;
    assert.throws(() => parseCatalogue(twice, "t.yaml"), (e: unknown) => e instanceof MigmonError && /listed twice/.test(e.message));
    const noFrench = `${head}\n${first.replace(/\n    fr: [^\n]*/, "")}`;
    assert.throws(() => parseCatalogue(noFrench, "t.yaml"), (e: unknown) => e instanceof MigmonError && /t\.yaml: sources\.0\.title\.fr \(eurostat:migr_imm1ctz\)/.test(e.message));
    const wrongId = `${head}\n${first.replace("id: eurostat:migr_imm1ctz", "id: eurostat:migr_emi1ctz")}`;
    assert.throws(() => parseCatalogue(wrongId, "t.yaml"), /id must be <publisher>:<code>/);
  });

  it("checkCatalogueFormats(entries) names an entry whose format no parser reads", async () => {
    const entry = findEntry(await loadCatalogue(), "demo_r_gind3");
    assert.throws(() => checkCatalogueFormats([{ ...entry, download: { format: "xml" } }]),
      /eurostat:demo_r_gind3: download\.format "xml" is not a eurostat format/);
  });

  it("findEntry(catalogue, name) finds by id or bare code and refuses an unknown name", async () => {
    const catalogue = await loadCatalogue();
    assert.equal(findEntry(catalogue, "MIGR_ACQ").id, "eurostat:migr_acq");
    assert.equal(findEntry(catalogue, "oecd:df_mig").code, "DF_MIG");
    assert.throws(() => findEntry(catalogue, "nope"), /not in the source catalogue/);
  });
});

// GET /api/datasets/{id}/observations explains an empty answer as `migmon query` does (one module,
// src/indicators/observationRequest.ts): Eurostat's EL corrected to GR with a note, an unknown code a 400 naming the
// codes there are, a period range outside the data a 404 naming the periods the file has (read here directly).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { startApi, teinaFile } from "./apiFixture.ts";

type Api = Awaited<ReturnType<typeof startApi>>;
let api: Api;
before(async () => { api = await startApi(); });
after(async () => { await api.close(); });
const get = (url: string) => api.app.inject({ method: "GET", url });

/** The years of teina200.tsv's header and its PC_GDP,EL row's first value, without the project's parser. */
function teina(): { years: string[]; greece: number } {
  const [header, ...lines] = readFileSync(teinaFile, "utf8").split("\n");
  const years = (header ?? "").split("\t").slice(1).map((y) => y.trim()).filter((y) => y !== "").sort();
  const row = lines.find((l) => l.startsWith("PC_GDP,EL\t"))!.split("\t").slice(1).map((c) => c.trim());
  const byYear = new Map((header ?? "").split("\t").slice(1).map((y, i) => [y.trim(), row[i] ?? ""]));
  return { years, greece: Number.parseFloat(byYear.get("2010") ?? "") };
}

describe("observations: empty answers explained", () => {
  test("observations?where=geo:EL answers Greece's figures under GR, with a note saying why", async () => {
    const r = await get("/api/datasets/eurostat:teina200/observations?where=geo:EL&where=unit:PC_GDP&from=2010&to=2010");
    assert.equal(r.statusCode, 200, r.body);
    const body = r.json() as { notes: string[]; observations: { series: string; value: number }[] };
    assert.deepEqual(body.notes, ["EL is Eurostat's code for GR (ISO 3166), as the store codes it"]);
    assert.deepEqual(body.observations.map((o) => o.value), [teina().greece]);
  });

  test("observations?where=geo:XX answers 400 naming the codes the dimension has", async () => {
    const r = await get("/api/datasets/eurostat:teina200/observations?where=geo:XX");
    assert.equal(r.statusCode, 400, r.body);
    assert.match(r.json().error, /^eurostat:teina200 has no geo "XX" \(it has AT, BE, /);
  });

  test("observations?from=1990&to=1995 answers 404 naming the periods the file has", async () => {
    const { years } = teina();
    const r = await get("/api/datasets/eurostat:teina200/observations?from=1990&to=1995");
    assert.equal(r.statusCode, 404, r.body);
    assert.equal(r.json().error, `no observations of eurostat:teina200 from 1990 to 1995; it has ${years[0]}-${years.at(-1)}`);
  });
});

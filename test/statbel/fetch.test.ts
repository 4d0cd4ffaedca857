import { test } from "node:test";
import assert from "node:assert/strict";
import { zipSync } from "fflate";
import { DownloadError } from "../../src/core/index.ts";
import { createHttpGet } from "../../src/ingest/http.ts";
import { fetchPopulationStructure, fetchStatbelZip, populationStructureUrl, refnisCodeListUrl } from "../../src/ingest/sources/statbel/fetch.ts";
import { parsePopulationStructure } from "../../src/ingest/sources/statbel/parse.ts";
import { startLocalServer } from "../local-server.ts";
import { collect, statbelText } from "./statbel-files.ts";

test("populationStructureUrl(year) and refnisCodeListUrl() point into Statbel's open-data folders", () => {
  assert.equal(populationStructureUrl(2015),
    "https://statbel.fgov.be/sites/default/files/files/opendata/bevolking%20naar%20woonplaats%2C%20nationaliteit%20burgelijke%20staat%20%2C%20leeftijd%20en%20geslacht/TF_SOC_POP_STRUCT_2015.zip");
  assert.equal(refnisCodeListUrl(), "https://statbel.fgov.be/sites/default/files/files/opendata/REFNIS%20code/TU_COM_REFNIS.zip");
  assert.equal(populationStructureUrl(2020, "http://127.0.0.1:9/mirror/"), "http://127.0.0.1:9/mirror/bevolking%20naar%20woonplaats%2C%20nationaliteit%20burgelijke%20staat%20%2C%20leeftijd%20en%20geslacht/TF_SOC_POP_STRUCT_2020.zip");
});

test("fetchPopulationStructure(get, 2015, base) downloads the ZIP from a local server, unzips and parses the real file", async () => {
  const text = statbelText("TF_SOC_POP_STRUCT_2015.txt.gz");
  // A ZIP like Statbel's, with a second entry before the data to show the entry is chosen by name.
  const zip = zipSync({ "Metadata.txt": new TextEncoder().encode("not data\n"), "TF_SOC_POP_STRUCT_2015.txt": new TextEncoder().encode(text) }, { level: 1 });
  const server = await startLocalServer((request, response) => {
    if (request.url?.endsWith("/TF_SOC_POP_STRUCT_2015.zip")) {
      response.setHeader("content-type", "application/zip");
      // Sent in small pieces so the unzipping really streams across chunk boundaries.
      for (let i = 0; i < zip.byteLength; i += 100_000) response.write(zip.subarray(i, i + 100_000));
      response.end();
    } else {
      response.statusCode = 404;
      response.end("not found");
    }
  });
  try {
    const get = createHttpGet({ retries: 0 });
    const input = await fetchPopulationStructure(get, 2015, `${server.url}/opendata/`);
    assert.match(input.name, /TF_SOC_POP_STRUCT_2015\.zip$/);
    const table = await parsePopulationStructure(input);
    let total = 0;
    let foreign = 0;
    for (const o of await collect(table)) {
      total += o.value!;
      if (o.series.split(".")[2] === "ETR") foreign += o.value!;
    }
    assert.equal(total, 11209044);
    assert.equal(foreign, 1255286);
    assert.equal(server.requests.length, 1);
    assert.match(server.requests[0]!, /^\/opendata\/bevolking%20naar%20woonplaats/);

    await assert.rejects(fetchPopulationStructure(get, 1999, `${server.url}/opendata/`), (e: unknown) =>
      e instanceof DownloadError && /HTTP 404/.test(e.message) && /TF_SOC_POP_STRUCT_1999\.zip/.test(e.message));
    const wrongEntry = await fetchStatbelZip(get, `${server.url}/opendata/x/TF_SOC_POP_STRUCT_2015.zip`, /REFNIS/);
    await assert.rejects(async () => collect(await parsePopulationStructure(wrongEntry)), (e: unknown) =>
      e instanceof DownloadError && /no entry matching \/REFNIS\//.test(e.message) && /"Metadata.txt", "TF_SOC_POP_STRUCT_2015.txt"/.test(e.message));
  } finally {
    await server.close();
  }
});

test("fetchStatbelZip(get, url) reports a truncated archive as a DownloadError naming the URL", async () => {
  const zip = zipSync({ "TF_SOC_POP_STRUCT_2015.txt": new TextEncoder().encode("CD_REFNIS|x\n".repeat(5000)) }, { level: 1 });
  const server = await startLocalServer((_request, response) => {
    response.end(zip.subarray(0, Math.floor(zip.byteLength / 2)));
  });
  try {
    const input = await fetchStatbelZip(createHttpGet({ retries: 0 }), `${server.url}/cut.zip`);
    const read = async () => {
      for await (const chunk of input.chunks) void chunk;
    };
    await assert.rejects(read(), (e: unknown) => e instanceof DownloadError && e.message.includes(`${server.url}/cut.zip`));
  } finally {
    await server.close();
  }
});

// `migmon update` online for every publisher, against a local server on 127.0.0.1 that answers as the publishers'
// endpoints do, with the recorded files of ../shared/data (see the comment on each route for what is served).
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import { after, before, describe, it } from "node:test";
import { zipSync } from "fflate";
import { makeDatasetId } from "../../src/core/index.ts";
import { openDuckDbStore } from "../../src/store/duckdb-store.ts";
import { startLocalServer } from "../local-server.ts";
import { sharedData } from "../shared-data.ts";
import { runCli } from "./run-cli.ts";

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), "utf8");

// The WDI series the long table holds under short names (its README), as the World Bank API names them.
const wdiIds: Record<string, string> = {
  birth: "SP.DYN.CBRT.IN", depend: "SP.POP.DPND", fdiin: "BX.KLT.DINV.CD.WD", fdiout: "BM.KLT.DINV.CD.WD",
  gdp: "NY.GDP.MKTP.CD", income: "NY.GDP.PCAP.PP.KD", inf: "FP.CPI.TOTL.ZG", nmig: "SM.POP.NETM",
  remin: "BX.TRF.PWKR.CD.DT", remout: "BM.TRF.PWKR.CD.DT", unem: "SL.UEM.TOTL.ZS",
};

/** The real long WDI table, read with plain code: indicator id -> rows (ISO3 economy, year, value). */
function readWdiTable(): Map<string, { geo: string; year: string; value: number | null }[]> {
  const text = gunzipSync(readFileSync(sharedData("international/iom_gdidata/worldbank_wdi_selected_indicators_1950-2023.csv.gz"))).toString("utf8");
  const byId = new Map<string, { geo: string; year: string; value: number | null }[]>();
  for (const line of text.trim().split("\n").slice(1)) {
    const [geo, name, year, value] = line.split(",").map((c) => c.replace(/"/g, ""));
    const id = wdiIds[name ?? ""];
    if (id === undefined) continue;
    const rows = byId.get(id) ?? [];
    rows.push({ geo: geo!, year: year!, value: value === "NA" || value === "" ? null : Number(value) });
    byId.set(id, rows);
  }
  return byId;
}

describe("migmon update online reaches every publisher's live endpoint (local server on 127.0.0.1)", () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof startLocalServer>>;
  let env: Record<string, string>;
  let wdiRowsServed = 0;
  let summary: { dataset: string; status: string; observations: number | null; note: string | null }[] = [];
  let stderr = "";
  const wdi = readWdiTable();
  // The first 40,000 rows of the recorded file (all 457,051 take a minute to zip and load on this machine).
  const populationStructure = gunzipSync(readFileSync(sharedData("statbel/TF_SOC_POP_STRUCT_2015.txt.gz"))).toString("utf8").split("\n").slice(0, 40_001).join("\n");
  const oecdExtract = readFileSync(sharedData("oecd/oecd_imd_DF_MIG_inflows_extract.csv"));
  const eurostatTsv = readFileSync(sharedData("eurostat/bulk-tsv/demo_r_gind3_CNMIGRAT_subset.tsv"));
  const only = ["eurostat:demo_r_gind3", "statbel:tf_soc_pop_struct_2015", "oecd:df_mig", "unhcr:population", "worldbank:wdi",
    "undesa:ims2024_stock_by_origin_sex", "unhcr:solutions"];

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "migmon-live-all-"));
    server = await startLocalServer((request, response) => {
      const url = new URL(request.url ?? "/", "http://x");
      const [, publisher, ...rest] = url.pathname.split("/");
      const route = decodeURIComponent(rest.join("/"));
      // Eurostat: the bulk TSV, gzip as the API sends it (compress=true).
      if (publisher === "eurostat" && route === "sdmx/2.1/data/demo_r_gind3" && url.searchParams.get("format") === "TSV") {
        response.end(gzipSync(eurostatTsv));
      // Statbel: the open-data ZIP holding the text file (the recorded file, zipped as Statbel ships it).
      } else if (publisher === "statbel" && route === "bevolking naar woonplaats, nationaliteit burgelijke staat , leeftijd en geslacht/TF_SOC_POP_STRUCT_2015.zip") {
        response.end(zipSync({ "TF_SOC_POP_STRUCT_2015.txt": Buffer.from(populationStructure) }, { level: 1 }));
      // OECD: the Data Explorer's SDMX-CSV with labels (the recorded extract of DF_MIG, measure B11).
      } else if (publisher === "oecd" && route.startsWith("data/OECD.ELS.IMD,DSD_MIG@DF_MIG,1.0/") && url.searchParams.get("format") === "csvfilewithlabels") {
        response.end(oecdExtract);
      // UNHCR: the population API's two pages (hand-made in the documented shape, counts copied from the real download).
      } else if (publisher === "unhcr" && route === "population/" && url.searchParams.get("coa_all") === "true") {
        response.end(fixture(`unhcr/api_population_BEL_2021-2022_page${url.searchParams.get("page")}.json`).trim());
      // World Bank: API v2 pages built from the real long WDI table (every economy it holds), 1000 rows a page.
      } else if (publisher === "worldbank" && /^v2\/country\/all\/indicator\/[^/]+$/.test(route)) {
        const id = route.split("/")[4];
        const rows = wdi.get(id!) ?? [];
        const perPage = Number(url.searchParams.get("per_page"));
        const page = Number(url.searchParams.get("page"));
        const slice = rows.slice((page - 1) * perPage, page * perPage);
        wdiRowsServed += slice.length;
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify([
          { page, pages: Math.max(1, Math.ceil(rows.length / perPage)), per_page: perPage, total: rows.length, sourceid: "2", lastupdated: "2024-06-28" },
          slice.map((r) => ({ indicator: { id, value: id }, country: { id: r.geo, value: r.geo }, countryiso3code: r.geo, date: r.year,
            value: r.value, unit: "", obs_status: "", decimal: 1 })),
        ]));
      } else {
        response.statusCode = 404;
        response.end(`no such resource: ${url.pathname}`);
      }
    });
    env = {
      MIGMON_DB: path.join(dir, "store.duckdb"), MIGMON_CACHE: path.join(dir, "cache"),
      MIGMON_EUROSTAT_API: `${server.url}/eurostat`, MIGMON_STATBEL_API: `${server.url}/statbel`, MIGMON_OECD_API: `${server.url}/oecd`,
      MIGMON_UNHCR_API: `${server.url}/unhcr/`, MIGMON_WORLDBANK_API: `${server.url}/worldbank`,
    };
    const run = await runCli(["update", "--only", only.join(","), "--format", "json"], env);
    assert.equal(run.code, 0, run.stderr);
    summary = JSON.parse(run.stdout) as typeof summary;
    stderr = run.stderr;
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const statusOf = (id: string) => summary.find((r) => r.dataset === id);

  it("migmon update loads every dataset with a live endpoint and skips the others with their reason", () => {
    assert.deepEqual(summary.map((r) => [r.dataset, r.status]).sort(), only.map((id) => [id, id.startsWith("undesa") || id === "unhcr:solutions" ? "skipped" : "loaded"]).sort());
    assert.match(statusOf("undesa:ims2024_stock_by_origin_sex")?.note ?? "", /has no live endpoint: the UN publishes this table only as an XLSX workbook/);
    assert.match(stderr, /unhcr:solutions: skipped: unhcr:solutions has no live endpoint: UNHCR's API serves this table/);
  });

  it("migmon ingest <dataset> online for a dataset without a live endpoint is a usage error (exit 2) giving the reason; nothing is asked", async () => {
    const asked = server.requests.length;
    const run = await runCli(["ingest", "undesa:wpp2024_net_migration"], env);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^migmon: undesa:wpp2024_net_migration has no live endpoint: the UN publishes WPP as large CSV and XLSX files/);
    assert.equal(server.requests.length, asked);
  });

  it("migmon update (eurostat) downloads the bulk TSV under MIGMON_EUROSTAT_API and records the URL on the release", async () => {
    // Belgium's 2015 cell of the recorded TSV, read with plain code: `value flag`
    const [header, ...lines] = eurostatTsv.toString("utf8").trim().split("\n").map((l) => l.split("\t").map((c) => c.trim()));
    const cell = lines.find((l) => l[0] === "CNMIGRAT,BE")?.[header!.indexOf("2015")];
    const [value, flags] = (cell ?? "").split(" ");
    const run = await runCli(["query", "eurostat:demo_r_gind3", "--where", "geo=BE", "--from", "2015", "--to", "2015", "--format", "json"], env);
    assert.deepEqual((JSON.parse(run.stdout) as { value: number; flags: string }[]).map((r) => [r.value, r.flags]), [[Number(value), flags ?? ""]]);
    const releases = await runCli(["releases", "eurostat:demo_r_gind3", "--format", "json"], env);
    assert.equal((JSON.parse(releases.stdout) as { source: string }[])[0]?.source, `${server.url}/eurostat/sdmx/2.1/data/demo_r_gind3?format=TSV&compress=true`);
  });

  it("migmon update (statbel) unzips TF_SOC_POP_STRUCT_2015 from MIGMON_STATBEL_API and stores every person of the rows served", async () => {
    const [header, ...rows] = populationStructure.trim().split("\n").map((l) => l.split("|"));
    const served = rows.reduce((sum, r) => sum + Number(r[header!.indexOf("MS_POPULATION")]), 0);
    const store = await openDuckDbStore(env.MIGMON_DB!);
    try {
      const total = await store.sum({ dataset: makeDatasetId("statbel", "TF_SOC_POP_STRUCT_2015") }, []);
      assert.deepEqual(total.map((t) => [t.period, t.value]), [["2015-01-01", served]]);
    } finally {
      await store.close();
    }
  });

  it("migmon update (oecd) reads DF_MIG measure B11 from MIGMON_OECD_API: inflows to Belgium in 2022 are 192,002", async () => {
    // 192,002: PROVENANCE.md §7
    assert.ok(server.requests.some((r) => r.startsWith("/oecd/data/OECD.ELS.IMD,DSD_MIG@DF_MIG,1.0/...B11....?")), server.requests.join("\n"));
    const run = await runCli(["query", "oecd:df_mig", "--where", "ref_area=BE", "--from", "2022", "--to", "2022", "--format", "json"], env);
    assert.deepEqual((JSON.parse(run.stdout) as { value: number }[]).map((r) => r.value), [192_002]);
  });

  it("migmon update (unhcr) walks the population API's pages under MIGMON_UNHCR_API: 150,713 refugees in Belgium at the end of 2022", async () => {
    const line = readFileSync(sharedData("unhcr/refugees_in_EU_plus_UK.csv"), "utf8").split("\n").find((l) => l.startsWith("2022,Belgium,-,"));
    const refugees = Number(line?.split(",")[5]);
    assert.equal(refugees, 150_713);
    const run = await runCli(["query", "unhcr:population", "--where", "geo=BE", "--where", "poptype=REF", "--format", "json"], env);
    assert.deepEqual((JSON.parse(run.stdout) as { period: string; value: number }[]).map((r) => [r.period, r.value]), [["2021", 74_063], ["2022", refugees]]);
    assert.deepEqual(server.requests.filter((r) => r.startsWith("/unhcr/")).map((r) => new URL(r, "http://x").searchParams.get("page")), ["1", "2"]);
  });

  it("migmon update (worldbank) asks MIGMON_WORLDBANK_API for each WDI series page by page: every row served is stored, BE 2022 unemployment 5.57", async () => {
    assert.equal(statusOf("worldbank:wdi")?.observations, wdiRowsServed);
    const unemployment = wdi.get("SL.UEM.TOTL.ZS")?.find((r) => r.geo === "BEL" && r.year === "2022")?.value;
    assert.equal(unemployment, 5.57);
    const run = await runCli(["query", "worldbank:wdi", "--where", "geo=BE", "--where", "indicator=SL_UEM_TOTL_ZS", "--from", "2022", "--to", "2022", "--format", "json"], env);
    assert.deepEqual((JSON.parse(run.stdout) as { value: number }[]).map((r) => r.value), [unemployment]);
  });

  it("migmon sources says for each dataset whether it has a live endpoint, and why not", async () => {
    const run = await runCli(["sources", "--format", "json"], env);
    const rows = JSON.parse(run.stdout) as { id: string; live: string }[];
    const live = (id: string) => rows.find((r) => r.id === id)?.live;
    for (const id of ["eurostat:demo_r_gind3", "statbel:tf_soc_pop_struct_2015", "oecd:df_mig", "unhcr:population", "worldbank:wdi"]) assert.equal(live(id), "yes", id);
    assert.match(live("statbel:pop_by_municipality_nationality_sex") ?? "", /^no: no live file has this layout/);
    assert.match(live("unhcr:asylum_seekers_monthly") ?? "", /^no: discontinued/);
  });
});

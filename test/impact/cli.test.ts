import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ingestDelivery } from "../../src/ingest/delivery.ts";
import { openDuckDbStore } from "../../src/store/duckdb-store.ts";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { belgianGeography } from "../../src/reference/geography.ts";
import { runCli } from "../cli/run-cli.ts";
import { makeImpactStore, readStatbelNonBelgians, readTemporaryProtectionBE, readThirdCountryShareBE } from "./impactStore.ts";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/deliveries/${name}`, import.meta.url));

interface JsonQuantity { name: string; value: number; lower: number; upper: number; unit: string; source: string; uncertainty: string; assumption: boolean }
interface JsonResult { inflowDetail: { region: string; year: number; sex: string; ageBand: string; group: string; status: string; value: number }[]; dataEnd: number; years: number[]; areas: { code: string; year: number; quantities: JsonQuantity[] }[]; parameters: { name: string; value: number; source: string; assumption: boolean }[]; backtest: { levels: unknown[] } | null }

describe("migmon impact on the real Statbel and Eurostat files", () => {
  let env: Record<string, string>;
  let remove: () => Promise<void>;
  before(async () => {
    const made = await makeImpactStore();
    await made.store.close();
    env = { MIGMON_DB: made.file };
    remove = async () => rmSync(path.dirname(made.file), { recursive: true, force: true });
  });
  after(async () => { await remove(); });

  it("impact --scenario tp-wave-2026 --geo 02000 --format json: Flanders' 2027 arrivals are the mean net change of 2009-2015 per sex and age group plus continuing temporary protection, and 2026 adds the 2022 wave, each times Flanders' share", async () => {
    const run = await runCli(["impact", "--scenario", "tp-wave-2026", "--geo", "02000", "--format", "json"], env);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as JsonResult;
    assert.equal(result.dataEnd, 2015);
    assert.deepEqual(result.years, [2026, 2027, 2028]);
    // Independent: the raw file, plain code; a municipality's region from the curated geography.
    const geo = belgianGeography();
    const rows = readStatbelNonBelgians();
    const flemish = rows.filter((r) => geo.parentOf(r.refnis, "region") === "02000");
    const cell = new Map<string, Map<number, number>>();
    for (const r of flemish) {
      const k = `${r.sex}|${r.ageGroup}`;
      if (!cell.has(k)) cell.set(k, new Map());
      cell.get(k)!.set(r.year, (cell.get(k)!.get(r.year) ?? 0) + r.persons);
    }
    let baseline = 0;
    for (const byYear of cell.values()) baseline += Math.max(0, ((byYear.get(2015) ?? 0) - (byYear.get(2009) ?? 0)) / 6);
    const inflow = (year: number) => result.areas.find((a) => a.code === "02000" && a.year === year)!.quantities.find((q) => q.name === "inflow")!;
    const etr2015 = (pick: (refnis: string) => boolean) => rows.filter((r) => r.year === 2015 && pick(r.refnis)).reduce((s, r) => s + r.persons, 0);
    const share = etr2015((c) => geo.parentOf(c, "region") === "02000") / etr2015(() => true);
    // Continuing temporary protection: the mean growth of the December stock in 2023 and 2024, Flanders' share of it.
    const tp = (m: string) => readTemporaryProtectionBE(m);
    const continuing = ((tp("2023-12") - tp("2022-12")) + (tp("2024-12") - tp("2023-12"))) / 2 * share;
    assert.ok(Math.abs(inflow(2027).value - (baseline + continuing)) < 1e-6 * baseline, `${inflow(2027).value} vs ${baseline + continuing}`);
    const wave = tp("2022-12") * share;
    assert.ok(Math.abs(inflow(2026).value - (baseline + continuing + wave)) < 1e-6 * baseline, `${inflow(2026).value} vs ${baseline + continuing + wave}`);
    assert.ok(inflow(2026).lower <= inflow(2026).value && inflow(2026).value <= inflow(2026).upper);
    assert.match(inflow(2026).source, /eurostat:migr_asytpsm/);
    // Step 1 in detail adds up to the region's inflow.
    const detail = result.inflowDetail.filter((d) => d.region === "02000" && d.year === 2026);
    assert.ok(Math.abs(detail.reduce((s, d) => s + d.value, 0) - inflow(2026).value) < 1e-6 * inflow(2026).value);
    assert.ok(detail.some((d) => d.sex === "F" && d.ageBand === "12-17" && d.group === "third-country" && d.status === "permit-family"));
    const classes = result.areas[0]!.quantities.find((q) => q.name === "okan-classes")!;
    const pupils = result.areas[0]!.quantities.find((q) => q.name === "okan-pupils")!;
    assert.equal(classes.value, Math.ceil(pupils.value / 15));
    assert.equal(classes.assumption, true);
    assert.ok(result.parameters.some((a) => a.name === "takeUpObliged" && a.assumption));
    // thirdCountryShare is estimated from immigration by citizenship (the store holds it): 2023's share, no assumption.
    const tc = result.parameters.find((a) => a.name === "thirdCountryShare")!;
    assert.equal(tc.assumption, false);
    assert.ok(Math.abs(tc.value - readThirdCountryShareBE(2023)) < 1e-12, `${tc.value} vs ${readThirdCountryShareBE(2023)}`);
    assert.match(tc.source, /migr_imm1ctz_derived/);
    assert.ok(result.backtest === null || result.backtest.levels.length > 0);
  });

  it("impact --scenario tp-wave-2026-obliged (a rule change from 1 January 2026) adds the 18-64 share of temporary protection to Flanders' obliged", async () => {
    const obliged = async (scenario: string) => {
      const run = await runCli(["impact", "--scenario", scenario, "--geo", "02000", "--horizon", "1", "--format", "json"], env);
      assert.equal(run.code, 0, run.stderr);
      return (JSON.parse(run.stdout) as JsonResult).areas[0]!.quantities.find((q) => q.name === "obliged")!.value;
    };
    const geo = belgianGeography();
    const rows = readStatbelNonBelgians().filter((r) => r.year === 2015);
    const share = rows.filter((r) => geo.parentOf(r.refnis, "region") === "02000").reduce((s, r) => s + r.persons, 0) / rows.reduce((s, r) => s + r.persons, 0);
    // Hand-computed: (wave + continuing arrivals) x Flanders' share x the 18-64 share of the age profiles (0.58).
    const tp = (m: string) => readTemporaryProtectionBE(m);
    const continuing = ((tp("2023-12") - tp("2022-12")) + (tp("2024-12") - tp("2023-12"))) / 2;
    const expected = (tp("2022-12") + continuing) * share * 0.58;
    const difference = (await obliged("tp-wave-2026-obliged")) - (await obliged("tp-wave-2026"));
    assert.ok(Math.abs(difference - expected) < 1e-6 * expected, `${difference} vs ${expected}`);
  });

  it("impact --scenario baseline --level municipality --format csv prints every municipality of 2026 for every year and step", async () => {
    const run = await runCli(["impact", "--scenario", "baseline", "--level", "municipality", "--format", "csv", "--horizon", "1"], env);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trim().split("\n");
    assert.equal(lines[0], "area,name,year,step,value,lower,upper,unit");
    const municipalities2026 = belgianGeography().on("2026-01-01").filter((u) => u.level === "municipality").length;
    // 8 steps per municipality plus one reception row for Belgium.
    assert.equal(lines.length - 1, municipalities2026 * 8 + 1);
  });

  it("impact --policy --format json puts the assess reading of net migration beside each rule's register event, or says why there is none", async () => {
    const run = await runCli(["impact", "--scenario", "baseline", "--geo", "02000", "--horizon", "1", "--format", "json", "--policy"], env);
    assert.equal(run.code, 0, run.stderr);
    const policy = (JSON.parse(run.stdout) as { policy: { event: string; region: string; assumes: string; reading: string }[] }).policy;
    const decree2016 = policy.find((p) => p.event === "flemish-2016-integration-decree")!;
    assert.equal(decree2016.region, "02000");
    assert.match(decree2016.assumes, /^from 2016-02-29: obliged: third-country 18-64/);
    assert.match(decree2016.reading, /^Assessment of the event .* on net_migration_adjusted 02000/);
    // demo_r_gind3 ends in 2019: the 2022 reform has no reading, and says so.
    assert.match(policy.find((p) => p.event === "flemish-2022-civic-integration-reform")!.reading, /^no assess reading: .*after the end/);
  });

  it("impact --rules --format csv lists every curated rule with its register event, without a store", async () => {
    const run = await runCli(["impact", "--rules", "--format", "csv"], { MIGMON_DB: "/nonexistent/never-opened.duckdb" });
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trim().split("\n");
    assert.equal(lines[0], "rule,service,region,from,to,event,dates,uncertainCases,legalSource");
    assert.ok(lines.some((l) => l.startsWith("flanders-civic-integration-2022,civic-integration,BE2,2022-03-01,,flemish-2022-civic-integration-reform,")));
  });

  it("impact without --scenario, with --geo and --level, or with an unknown area is a usage error (exit 2)", async () => {
    assert.equal((await runCli(["impact"], env)).code, 2);
    assert.equal((await runCli(["impact", "--scenario", "baseline", "--geo", "02000", "--level", "region"], env)).code, 2);
    const unknown = await runCli(["impact", "--scenario", "baseline", "--geo", "99999"], env);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown area code "99999"/);
  });

  it("impact --scenario FILE with a share above 1 fails with the field named (exit 1)", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "migmon-scenario-"));
    try {
      const file = path.join(dir, "bad.yaml");
      const { readFileSync } = await import("node:fs");
      const text = readFileSync(new URL("../../data/impact/scenarios/baseline.yaml", import.meta.url), "utf8").replace("takeUpObliged: { value: 0.85, low: 0.7, high: 0.95", "takeUpObliged: { value: 0.85, low: 0.7, high: 1.5");
      writeFileSync(file, text);
      const run = await runCli(["impact", "--scenario", file], env);
      assert.equal(run.code, 1);
      assert.match(run.stderr, /a share is at most 1 at parameters\.takeUpObliged/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it("impact after an agency delivery of started trajectories: Antwerp arrondissement keeps its total, shared inside by the delivered starts", async () => {
    const area = async (geo: string) => {
      const run = await runCli(["impact", "--scenario", "baseline", "--geo", geo, "--horizon", "1", "--format", "json"], env);
      assert.equal(run.code, 0, run.stderr);
      return (JSON.parse(run.stdout) as JsonResult).areas.map((a) => a.quantities.find((q) => q.name === "inflow")!.value);
    };
    const [arrondissementBefore] = await area("11000");
    const store = await openDuckDbStore(env.MIGMON_DB!);
    try {
      await ingestDelivery({ store, file: fixture("civic-integration-starts-2024.csv"), descriptionFile: fileURLToPath(new URL("../../data/deliveries/examples/civic-integration-starts.yaml", import.meta.url)) });
    } finally {
      await store.close();
    }
    const [arrondissementAfter, aartselaar, boechout] = await area("11000,11001,11004");
    assert.ok(Math.abs(arrondissementAfter! - arrondissementBefore!) < 1e-6 * arrondissementBefore!, `${arrondissementAfter} vs ${arrondissementBefore}`);
    // Independent: the fixture's TOTAL rows, plain code (neither municipality was merged in 2025).
    const starts = new Map(readFileSync(fixture("civic-integration-starts-2024.csv"), "utf8").split("\n").slice(1)
      .map((l) => l.split(";")).filter((f) => f[1] === "TOTAL").map((f) => [f[0]!, Number(f[4])]));
    assert.ok(Math.abs(aartselaar! / boechout! - starts.get("11001")! / starts.get("11004")!) < 1e-9);
  });
});

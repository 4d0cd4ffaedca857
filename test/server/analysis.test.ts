// GET /api/analysis/{method} on a series of the store: the numbers against R (strucchange) on the same values read
// from the publisher file, and every way a request can be wrong.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { interruptedTimeSeries } from "../../src/analysis/interruptedTimeSeries.ts";
import { pelt } from "../../src/analysis/pelt.ts";
import { startApi, gind3File } from "./apiFixture.ts";
import { readTsvCells } from "./tsvCells.ts";

type Api = Awaited<ReturnType<typeof startApi>>;
let api: Api;
before(async () => { api = await startApi(); });
after(async () => { await api.close(); });

const get = (url: string) => api.app.inject({ method: "GET", url });
const be = "dataset=eurostat:demo_r_gind3&series=CNMIGRAT.BE";

/** Belgium's net migration 2000-2018 from the file (2019 is ':'), read without the project's parser. */
function belgium(): { periods: string[]; values: number[] } {
  const cells = readTsvCells(gind3File).filter((c) => c.codes.join(",") === "CNMIGRAT,BE" && c.value !== null).sort((a, b) => a.period.localeCompare(b.period));
  return { periods: cells.map((c) => c.period), values: cells.map((c) => c.value as number) };
}

describe("analysis routes", () => {
  test("GET /api/analysis/chow?at=2014 on Belgium's net migration equals R strucchange::sctest(y ~ 1, type = \"Chow\", point = 15)", async () => {
    // R 4.2, strucchange, on the 19 values 2000-2018 of the CNMIGRAT,BE row (12836 ... 49304); printed again by
    // test/server/analysis-figures.R (which gives F to 3e-15 by strucchange's formula when strucchange is absent):
    // > s <- sctest(y ~ 1, type = "Chow", point = 15); s$statistic  F 0.0886052047859378; s$p.value 0.769564868349699
    const body = (await get(`/api/analysis/chow?${be}&at=2014`)).json() as { n: number; result: { F: number; p: number; df1: number; df2: number; at: string }; reading: string; release: number };
    assert.equal(body.n, 19);
    assert.equal(body.release, api.gind3Release);
    assert.ok(Math.abs(body.result.F - 0.0886052047859378) < 1e-10, String(body.result.F));
    assert.ok(Math.abs(body.result.p - 0.769564868349699) < 1e-10, String(body.result.p));
    assert.deepEqual([body.result.df1, body.result.df2, body.result.at], [1, 17, "2014"]);
    assert.ok(body.reading.length > 0);
  });

  test("GET /api/analysis/cusum equals R strucchange::sctest(y ~ 1, type = \"OLS-CUSUM\") on the same values", async () => {
    // > s2 <- sctest(y ~ 1, type = "OLS-CUSUM"); S0 0.994275235719126, p 0.276186973937858 (test/server/analysis-figures.R)
    const body = (await get(`/api/analysis/cusum?${be}`)).json() as { result: { statistic: number; p: number } };
    assert.ok(Math.abs(body.result.statistic - 0.994275235719126) < 1e-10, String(body.result.statistic));
    // strucchange's p for the Brownian bridge sums a series; the analysis module matches it to 1e-6 (test/golden/cusum).
    assert.ok(Math.abs(body.result.p - 0.276186973937858) < 1e-6, String(body.result.p));
  });

  test("GET /api/analysis/pelt and /its give what the methods give on the values read from the file, with periods for positions", async () => {
    const { periods, values } = belgium();
    const y = Float64Array.from(values);
    const direct = pelt(y, { series: "y" });
    const body = (await get(`/api/analysis/pelt?${be}`)).json() as { result: { changepoints: string[]; penalty: number }; values: { period: string; value: number | null; flags: string }[] };
    assert.deepEqual(body.result.changepoints, direct.changepoints.map((i) => periods[i]));
    assert.equal(body.result.penalty, direct.penalty);
    assert.equal(body.values.length, 20);
    assert.deepEqual(body.values.at(-1), { period: "2019", value: null, flags: "" });
    const its = (await get(`/api/analysis/its?${be}&event=2015`)).json() as { result: { levelChange: { estimate: number }; n: number } };
    const itsDirect = interruptedTimeSeries(y, { interventionIndex: periods.indexOf("2015") });
    assert.equal(its.result.n, 19);
    assert.equal(its.result.levelChange.estimate, itsDirect.levelChange.estimate);
  });

  test("GET /api/analysis/{method} with from and to uses only that range; adf, kpss and binseg answer on it", async () => {
    const body = (await get(`/api/analysis/binseg?${be}&from=2005&to=2018`)).json() as { periods: { first: string; last: string }; n: number };
    assert.deepEqual([body.periods.first, body.periods.last, body.n], ["2005", "2018", 14]);
    for (const url of [`/api/analysis/adf?${be}&lags=1`, `/api/analysis/kpss?${be}&regression=ct`]) {
      const r = await get(url);
      assert.equal(r.statusCode, 200, `${url}: ${r.body}`);
    }
  });

  test("GET /api/analysis/assess?dataset&series&event gives the ITS at the event's first period with R's OLS coefficients, the reading in nl, fr, en", async () => {
    // R 4.2 on the 19 values 2000-2018 of CNMIGRAT,BE; eu-2004-enlargement is in force from 2004-05-01, so 2004 is
    // the first period under it: y ~ t + post + since with post = year >= 2004, since = year - 2004 after it.
    // > coef(lm(y ~ t + post + since))  post 10982.99166666665, since -7651.43214285715, t 6660.40000000000
    // (test/server/analysis-figures.R)
    const r = await get(`/api/analysis/assess?${be}&event=eu-2004-enlargement`);
    assert.equal(r.statusCode, 200, r.body);
    const body = r.json() as { interventionPeriod: string; geo: string; its: { levelChange: { estimate: number }; slopeChange: { estimate: number }; preSlope: { estimate: number } }; reading: { nl: string; fr: string; en: string }; values: unknown[] };
    assert.deepEqual([body.interventionPeriod, body.geo, body.values.length], ["2004", "BE", 20]);
    assert.ok(Math.abs(body.its.levelChange.estimate - 10982.99166666665) < 1e-6, String(body.its.levelChange.estimate));
    assert.ok(Math.abs(body.its.slopeChange.estimate - -7651.43214285715) < 1e-6, String(body.its.slopeChange.estimate));
    assert.ok(Math.abs(body.its.preSlope.estimate - 6660.4) < 1e-6, String(body.its.preSlope.estimate));
    assert.ok(body.reading.nl.length > 0 && body.reading.fr.length > 0 && body.reading.en.length > 0);
    const byIndicator = await get("/api/analysis/assess?indicator=net_migration_adjusted&geo=BE&event=eu-2004-enlargement");
    assert.equal(byIndicator.statusCode, 200, byIndicator.body);
    assert.equal((byIndicator.json() as { its: { levelChange: { estimate: number } } }).its.levelChange.estimate, body.its.levelChange.estimate);
  });

  test("GET /api/analysis/assess answers 400 for a bad combination, value or key length, 404 for an unknown event or an empty series, 422 for too few values", async () => {
    const cases: [string, number, RegExp][] = [
      [`/api/analysis/assess?${be}`, 400, /^query parameter event is required$/],
      ["/api/analysis/assess?dataset=eurostat:demo_r_gind3&event=eu-2004-enlargement", 400, /^query parameters dataset and series go together$/],
      [`/api/analysis/assess?${be}&geo=BE&event=eu-2004-enlargement`, 400, /^query parameter geo goes with indicator/],
      ["/api/analysis/assess?event=eu-2004-enlargement", 400, /^give indicator and geo, or dataset and series$/],
      [`/api/analysis/assess?${be}&event=eu-2004-enlargement&window=x`, 400, /^query parameter window: must be a whole number from 0 to 99/],
      [`/api/analysis/assess?${be}&event=eu-2004-enlargement&trend=maybe`, 400, /^query parameter trend: must be true or false/],
      [`/api/analysis/assess?${be}&event=EU-2004`, 400, /^query parameter event: must be an event id/],
      [`/api/analysis/assess?${be}&event=eu-1999-nothing`, 404, /^no event "eu-1999-nothing" in the register$/],
      [`/api/analysis/assess?${be}&event=eu-2004-enlargement&from=2003&to=2005`, 422, /assess needs at least 3 observations/],
      ["/api/analysis/assess?dataset=eurostat:demo_r_gind3&series=BE&event=eu-2004-enlargement", 400, /^query parameter series: "BE" has 1 codes, dataset eurostat:demo_r_gind3 has 2 dimensions \(indic_de\.geo\)$/],
      ["/api/analysis/assess?dataset=eurostat:demo_r_gind3&series=CNMIGRAT.XX&event=eu-2004-enlargement", 404, /^eurostat:demo_r_gind3 CNMIGRAT\.XX has no observations in the range and version asked for$/],
    ];
    for (const [url, status, message] of cases) {
      const r = await get(url);
      assert.equal(r.statusCode, status, `${url}: ${r.body}`);
      assert.match(r.json().error, message, url);
    }
  });

  test("analysis answers 422 for a gap inside the series (Albania lacks 2009) and for too few observations", async () => {
    const gap = await get("/api/analysis/pelt?dataset=eurostat:demo_r_gind3&series=CNMIGRAT.AL");
    assert.equal(gap.statusCode, 422);
    assert.match(gap.json().error, /pelt needs consecutive periods, but 2009 has no value/);
    const withGaps = await get("/api/analysis/its?dataset=eurostat:demo_r_gind3&series=CNMIGRAT.AL&event=2008");
    assert.equal(withGaps.statusCode, 200, withGaps.body);
    const short = await get(`/api/analysis/pelt?${be}&from=2018`);
    assert.equal(short.statusCode, 422);
    assert.match(short.json().error, /pelt needs at least 2 observations/);
  });

  test("analysis answers 400 naming the parameter, 404 for an unknown method, dataset or series", async () => {
    const cases: [string, number, RegExp][] = [
      ["/api/analysis/pelt?series=CNMIGRAT.BE", 400, /^query parameter dataset is required$/],
      ["/api/analysis/pelt?dataset=eurostat:demo_r_gind3", 400, /^query parameter series is required$/],
      ["/api/analysis/pelt?dataset=eurostat:demo_r_gind3&series=BE", 400, /^query parameter series: "BE" has 1 codes, dataset eurostat:demo_r_gind3 has 2 dimensions \(indic_de\.geo\)$/],
      ["/api/analysis/pelt?dataset=eurostat:demo_r_gind3&series=CNMIGRAT..BE", 400, /^query parameter series: must be a full series key/],
      [`/api/analysis/pelt?${be}&cost=laplace`, 400, /^query parameter cost: must be normal-mean, normal-meanvar or poisson/],
      [`/api/analysis/pelt?${be}&penalty=-3`, 400, /^query parameter penalty: must be bic, mbic or a non-negative number/],
      [`/api/analysis/pelt?${be}&event=2015`, 400, /^unknown query parameter "event"; this route takes dataset, series, from, to, asOf, release, cost, penalty, minseg$/],
      [`/api/analysis/its?${be}`, 400, /^query parameter event is required$/],
      [`/api/analysis/its?${be}&event=1990`, 400, /^query parameter event: 1990 is not an observed period of eurostat:demo_r_gind3 CNMIGRAT.BE \(2000 to 2018\)$/],
      [`/api/analysis/chow?${be}&at=2000`, 400, /^chow: /],
      [`/api/analysis/chow?${be}&at=2014&trend=yes`, 400, /^query parameter trend: must be true or false/],
      [`/api/analysis/its?${be}&event=2015&model=logit`, 400, /^query parameter model: must be gaussian or poisson/],
      [`/api/analysis/adf?${be}&lags=many`, 400, /^query parameter lags: must be aic or a whole number/],
      [`/api/analysis/pelt?${be}&asOf=2025-01-01&release=1`, 400, /asOf and release exclude each other/],
      ["/api/analysis/arima?dataset=eurostat:demo_r_gind3&series=CNMIGRAT.BE", 404, /^no analysis method "arima"; the methods are assess, its, chow, supf, cusum, breaks, pelt, binseg, adf, kpss, stl, ets, ewma, ccf, granger, did, synth$/],
      ["/api/analysis/pelt?dataset=eurostat:nothing&series=A.B", 404, /dataset eurostat:nothing not found/],
      ["/api/analysis/pelt?dataset=eurostat:demo_r_gind3&series=CNMIGRAT.XX", 404, /series CNMIGRAT.XX of dataset eurostat:demo_r_gind3 has no observations/],
      [`/api/analysis/pelt?${be}&asOf=2020-01-01`, 404, /has no observations in the range and version asked for/],
    ];
    for (const [url, status, message] of cases) {
      const r = await get(url);
      assert.equal(r.statusCode, status, `${url}: ${r.body}`);
      assert.match(r.json().error, message, url);
    }
  });
});

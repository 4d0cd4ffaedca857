process.env.TZ = "UTC";
import { test } from "node:test";
import { choroplethSvg, lineChartSvg } from "../../src/charts/renderSvg.ts";
import { asylumMonthlyChart, belgianNuts2NetMigrationMap, europeNetMigrationMap, foreignUnemploymentMap, municipalPopulationMap, netMigrationChart } from "./chartInputs.ts";
import { assertSnapshot } from "./snapshot.ts";

for (const lang of ["nl", "fr", "en"] as const) {
  test(`lineChartSvg(net migration of BE, BE1, BE2, BE3, demo_r_gind3, 2 events) in ${lang} matches its snapshot`, () => {
    assertSnapshot(`line-net-migration-${lang}`, lineChartSvg(netMigrationChart(lang), { idPrefix: "net-migration" }));
  });
  test(`lineChartSvg(monthly asylum applications in BE with gaps, UNHCR, 2 events) in ${lang} matches its snapshot`, () => {
    assertSnapshot(`line-asylum-monthly-${lang}`, lineChartSvg(asylumMonthlyChart(lang), { idPrefix: "asylum-monthly" }));
  });
}

test("choroplethSvg(population of the 581 municipalities of 2019) in fr matches its snapshot", () => {
  assertSnapshot("map-municipal-population-fr", choroplethSvg(municipalPopulationMap("fr"), { idPrefix: "municipal-population" }));
});

test("choroplethSvg(crude rate of net migration by NUTS 3 region of Europe) in en matches its snapshot", () => {
  assertSnapshot("map-nuts3-net-migration-en", choroplethSvg(europeNetMigrationMap("en"), { idPrefix: "nuts3-net-migration" }));
});

test("choroplethSvg(unemployment of foreigners by country, NUTS 0, with u flags) in nl matches its snapshot", () => {
  assertSnapshot("map-nuts0-foreign-unemployment-nl", choroplethSvg(foreignUnemploymentMap("nl"), { idPrefix: "foreign-unemployment" }));
});

test("choroplethSvg(net migration 2018 of the 11 Belgian NUTS 2 regions) in en matches its snapshot", () => {
  assertSnapshot("map-nuts2-belgium-net-migration-en", choroplethSvg(belgianNuts2NetMigrationMap("en"), { idPrefix: "nuts2-net-migration" }));
});

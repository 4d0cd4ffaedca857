import { iso2FromAlpha3 } from "../international/countryCodes.ts";

/**
 * World Bank economy codes that are not ISO 3166-1 countries, kept as named groups with our code:
 * - `XKX` (Kosovo, no ISO code; the user-assigned code Eurostat uses) -> `XK`;
 * - `CHI` (Channel Islands: Guernsey and Jersey together, UN M49 830) -> `CHANNEL_ISLANDS`;
 * - `ANT` (Netherlands Antilles, dissolved 2010; its withdrawn ISO code) -> `AN`;
 * - aggregates: `WLD` (World) -> `WORLD`, `EUU` (European Union, current members) -> `EU27_2020`,
 *   `EMU` (Euro area, its current 20 members for every year, as Eurostat's fixed composition) -> `EA20`,
 *   `OED` (OECD members) -> `OECD`.
 * The other World Bank aggregates (regions, income groups) are skipped by the API reader (worldBankAggregatesNotKept).
 */
export const worldBankGroups: ReadonlyMap<string, string> = new Map([
  ["XKX", "XK"],
  ["CHI", "CHANNEL_ISLANDS"],
  ["ANT", "AN"],
  ["WLD", "WORLD"],
  ["EUU", "EU27_2020"],
  ["EMU", "EA20"],
  ["OED", "OECD"],
]);

/**
 * The World Bank's regional, income and lending aggregates that are not kept: they overlap the countries and have no
 * code in our lists. The API's `country/all` answers them among the economies; the API reader skips their rows
 * (parseApi.ts), so a live download can ask for `all`. Any other code that maps nowhere is still an error. The four
 * aggregates we keep (WLD, EUU, EMU, OED) are in `worldBankGroups`.
 */
export const worldBankAggregatesNotKept: ReadonlySet<string> = new Set([
  "AFE", "AFW", "ARB", "CEB", "CSS", "EAP", "EAR", "EAS", "ECA", "ECS", "FCS", "HIC", "HPC", "IBD", "IBT", "IDA", "IDB",
  "IDX", "INX", "LAC", "LCN", "LDC", "LIC", "LMC", "LMY", "LTE", "MEA", "MIC", "MNA", "NAC", "OSS", "PRE", "PSS", "PST",
  "SAS", "SSA", "SSF", "SST", "TEA", "TEC", "TLA", "TMN", "TSA", "TSS", "UMC",
]);

/** Our code for a World Bank economy code (ISO alpha-3 or a group above), or undefined. */
export function mapWorldBankEconomy(code: string): string | undefined {
  return worldBankGroups.get(code) ?? iso2FromAlpha3(code);
}

/**
 * The indicators of the long WDI table (iom/gdidata `wdi`) by their short name, as the publisher's indicator id.
 * `pop` is the UN World Population Prospects 2024 mid-year population, not the WDI's SP.POP.TOTL, and
 * `polstb` the Worldwide Governance Indicators' political-stability estimate: both keep their own ids.
 */
export const wdiTableIndicators: ReadonlyMap<string, string> = new Map([
  ["birth", "SP.DYN.CBRT.IN"],
  ["depend", "SP.POP.DPND"],
  ["fdiin", "BX.KLT.DINV.CD.WD"],
  ["fdiout", "BM.KLT.DINV.CD.WD"],
  ["gdp", "NY.GDP.MKTP.CD"],
  ["income", "NY.GDP.PCAP.PP.KD"],
  ["inf", "FP.CPI.TOTL.ZG"],
  ["nmig", "SM.POP.NETM"],
  ["polstb", "WGI.PV.EST"],
  ["pop", "UN.WPP2024.POP"],
  ["remin", "BX.TRF.PWKR.CD.DT"],
  ["remout", "BM.TRF.PWKR.CD.DT"],
  ["unem", "SL.UEM.TOTL.ZS"],
]);

/**
 * The series-key code of a World Bank indicator id: the dots become underscores (`SL.UEM.TOTL.ZS` ->
 * `SL_UEM_TOTL_ZS`) because `.` separates the codes of a series key. Undefined for an id with other characters.
 */
export function indicatorCode(id: string): string | undefined {
  return /^[A-Za-z0-9_.]+$/.test(id) ? id.replace(/\./g, "_") : undefined;
}

/** The series-key code of a long-table indicator name (`unem` -> `SL_UEM_TOTL_ZS`), or undefined. */
export function mapWdiTableIndicator(name: string): string | undefined {
  const id = wdiTableIndicators.get(name);
  return id === undefined ? undefined : indicatorCode(id);
}

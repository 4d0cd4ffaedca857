import type { CrosswalkLink, Geography } from "./geography-model.ts";

/**
 * Whether a crosswalk link is a pure recode: the whole old municipality became the new one, nothing else went
 * into it that day, the old one went nowhere else and the new code did not exist before. Structure is checked,
 * not the `relationship` label, so a merger of one unit with nothing would count too.
 */
function isPureRecode(geography: Geography, link: CrosswalkLink): boolean {
  if (link.transfer !== "whole") return false;
  const sameDay = geography.links.filter((l) => l.date === link.date);
  if (sameDay.some((l) => l !== link && (l.oldCode === link.oldCode || l.newCode === link.newCode))) return false;
  return geography.versionsOf(link.newCode).every((v) => v.validFrom !== null && v.validFrom >= link.date);
}

/**
 * Every code one municipality's territory has had through pure recodes, oldest first: the 2019 Hainaut reform
 * gave 11 Walloon municipalities a new code without changing their territory (54007 Moeskroen/Mouscron is 57096
 * from 1 January 2019, 55022 La Louvière is 58001), so a series of such a municipality runs under both codes.
 * A code without recodes gives itself alone. Merged units are not the same territory and are never included.
 * Throws UnknownCodeError for a code the geography never had.
 */
export function sameTerritoryCodes(geography: Geography, code: string): string[] {
  geography.versionsOf(code);
  const pure = geography.links.filter((l) => isPureRecode(geography, l));
  let first = code;
  for (;;) {
    const back = pure.find((l) => l.newCode === first);
    if (back === undefined) break;
    first = back.oldCode;
  }
  const chain = [first];
  for (;;) {
    const last = chain.at(-1)!;
    const next = pure.find((l) => l.oldCode === last);
    if (next === undefined) break;
    chain.push(next.newCode);
  }
  return chain;
}

/**
 * Whether a unit above the municipalities (an arrondissement, a province) covered the same territory on two dates:
 * the same municipalities, each counted under its newest code (a pure recode is no change). The 2019 Hainaut
 * reform changed Tournai (57000, which gained Mouscron) and created La Louvière (58000); most units never changed.
 */
export function sameTerritoryOn(geography: Geography, unit: string, dateA: string, dateB: string): boolean {
  const level = geography.versionsOf(unit).at(-1)!.level;
  if (level === "municipality") return true;
  const members = (date: string) => new Set(geography.on(date)
    .filter((u) => u.level === "municipality" && geography.parentOf(u.code, level) === unit)
    .map((u) => sameTerritoryCodes(geography, u.code).at(-1)!));
  const a = members(dateA);
  const b = members(dateB);
  return a.size === b.size && [...a].every((c) => b.has(c));
}

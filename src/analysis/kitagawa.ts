import { InputError } from "../core/index.ts";

/** One group's part in a Kitagawa decomposition. */
export interface KitagawaGroup {
  /** Share of the group in population A and in population B. */
  readonly shareA: number;
  readonly shareB: number;
  /** Rate of the group (events / population) in A and in B. */
  readonly rateA: number;
  readonly rateB: number;
  /** (shareB - shareA) x (rateA + rateB) / 2. */
  readonly composition: number;
  /** (rateB - rateA) x (shareA + shareB) / 2. */
  readonly rate: number;
}

/** The Kitagawa decomposition of crudeB - crudeA. */
export interface KitagawaResult {
  readonly crudeA: number;
  readonly crudeB: number;
  /** crudeB - crudeA = composition + rate. */
  readonly difference: number;
  /** The part of the difference due to different group shares (composition effect). */
  readonly composition: number;
  /** The part due to different group-specific rates (rate effect). */
  readonly rate: number;
  readonly groups: readonly KitagawaGroup[];
  readonly reading: string;
}

/** Population and event counts by group for the two populations compared, all arrays one value per group. */
export interface KitagawaInput {
  readonly populationA: Float64Array;
  readonly eventsA: Float64Array;
  readonly populationB: Float64Array;
  readonly eventsB: Float64Array;
}

/**
 * Decomposes the difference between two crude rates (events / population, e.g. the unemployment rate of two
 * regions, with groups such as age bands or nationality groups) into a composition part and a rate part, with the
 * symmetric weights of Kitagawa (1955), "Components of a difference between two rates", JASA 50(272): each part
 * weights its difference by the mean of the other factor, so composition + rate equals the difference exactly.
 * It equals the two-factor case of Das Gupta (1993), "Standardization and Decomposition of Rates".
 * @throws InputError when the arrays differ in length, are empty, hold a negative or non-finite value, or a group
 *   has zero population in A or B (its rate is undefined).
 */
export function decomposeRateDifference(input: KitagawaInput, series = "rates"): KitagawaResult {
  const k = input.populationA.length;
  if (k === 0) throw new InputError(series, undefined, "no groups were given");
  const named: [string, Float64Array][] = [
    ["populationA", input.populationA],
    ["eventsA", input.eventsA],
    ["populationB", input.populationB],
    ["eventsB", input.eventsB],
  ];
  for (const [name, values] of named) {
    if (values.length !== k) throw new InputError(series, undefined, `${name} has ${values.length} groups, populationA has ${k}`);
    const bad = values.findIndex((v) => !Number.isFinite(v) || v < 0);
    if (bad >= 0) throw new InputError(series, undefined, `${name} of group ${bad} is negative or not a finite number`);
  }
  const totalA = input.populationA.reduce((s, v) => s + v, 0);
  const totalB = input.populationB.reduce((s, v) => s + v, 0);
  const groups: KitagawaGroup[] = [];
  let crudeA = 0;
  let crudeB = 0;
  let composition = 0;
  let rate = 0;
  for (let i = 0; i < k; i++) {
    const popA = input.populationA[i]!;
    const popB = input.populationB[i]!;
    if (popA === 0 || popB === 0) throw new InputError(series, undefined, `group ${i} has zero population, its rate is undefined`);
    const shareA = popA / totalA;
    const shareB = popB / totalB;
    const rateA = input.eventsA[i]! / popA;
    const rateB = input.eventsB[i]! / popB;
    const groupComposition = ((shareB - shareA) * (rateA + rateB)) / 2;
    const groupRate = ((rateB - rateA) * (shareA + shareB)) / 2;
    crudeA += shareA * rateA;
    crudeB += shareB * rateB;
    composition += groupComposition;
    rate += groupRate;
    groups.push({ shareA, shareB, rateA, rateB, composition: groupComposition, rate: groupRate });
  }
  const difference = crudeB - crudeA;
  const reading =
    `The crude rate is ${crudeA.toPrecision(4)} in A and ${crudeB.toPrecision(4)} in B (difference ${difference.toPrecision(4)}): ` +
    `${composition.toPrecision(4)} comes from a different make-up of the population over the ${k} groups and ` +
    `${rate.toPrecision(4)} from different rates within the groups. The split depends on the groups chosen and ` +
    "does not say why the rates or the make-up differ.";
  return { crudeA, crudeB, difference, composition, rate, groups, reading };
}

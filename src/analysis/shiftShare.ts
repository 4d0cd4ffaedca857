import { InputError } from "../core/index.ts";

/** One group's (e.g. nationality group's) part in a shift-share decomposition. */
export interface ShiftShareGroup {
  /** Growth of the reference area's group: referenceEnd / referenceStart - 1. */
  readonly referenceGrowth: number;
  readonly nationalShare: number;
  readonly mix: number;
  readonly local: number;
}

/** The shift-share decomposition of a local foreign population's change. */
export interface ShiftShareResult {
  /** Local end total minus local start total: nationalShare + mix + local. */
  readonly change: number;
  /** Growth the area would have had if every group grew at the reference area's overall rate. */
  readonly nationalShare: number;
  /** Extra growth from the area's mix of groups (groups that grew faster or slower in the reference area). */
  readonly mix: number;
  /** The rest: growth of the groups in the area beyond their growth in the reference area. */
  readonly local: number;
  /** Overall growth rate of the reference area. */
  readonly referenceGrowth: number;
  readonly groups: readonly ShiftShareGroup[];
  readonly reading: string;
}

/** Counts by group at the start and the end, for the area and for the reference area (e.g. Belgium). */
export interface ShiftShareInput {
  readonly localStart: Float64Array;
  readonly localEnd: Float64Array;
  readonly referenceStart: Float64Array;
  readonly referenceEnd: Float64Array;
}

/**
 * Classic shift-share analysis (Dunn 1960; Esteban-Marquillas 1972 notation) of the growth of a local foreign
 * population over groups (nationality groups): national share = sum of localStart x g, mix = sum of
 * localStart x (g_i - g), local = sum of (localEnd_i - localStart_i - localStart_i x g_i), where g is the reference
 * area's overall growth and g_i its growth in group i. Writing the local part as a residual per group keeps the
 * identity exact when a group is absent locally at the start.
 * @throws InputError when the arrays differ in length, are empty, hold a negative or non-finite value, or a group
 *   (or the total) of the reference area is zero at the start (its growth is undefined).
 */
export function decomposeShiftShare(input: ShiftShareInput, series = "foreign population"): ShiftShareResult {
  const k = input.localStart.length;
  if (k === 0) throw new InputError(series, undefined, "no groups were given");
  const named: [string, Float64Array][] = [
    ["localStart", input.localStart],
    ["localEnd", input.localEnd],
    ["referenceStart", input.referenceStart],
    ["referenceEnd", input.referenceEnd],
  ];
  for (const [name, values] of named) {
    if (values.length !== k) throw new InputError(series, undefined, `${name} has ${values.length} groups, localStart has ${k}`);
    const bad = values.findIndex((v) => !Number.isFinite(v) || v < 0);
    if (bad >= 0) throw new InputError(series, undefined, `${name} of group ${bad} is negative or not a finite number`);
  }
  const sum = (values: Float64Array): number => values.reduce((s, v) => s + v, 0);
  const referenceTotalStart = sum(input.referenceStart);
  if (referenceTotalStart === 0) throw new InputError(series, undefined, "the reference area has no population at the start");
  const referenceGrowth = sum(input.referenceEnd) / referenceTotalStart - 1;
  const groups: ShiftShareGroup[] = [];
  let nationalShare = 0;
  let mix = 0;
  let local = 0;
  let change = 0;
  for (let i = 0; i < k; i++) {
    const refStart = input.referenceStart[i]!;
    if (refStart === 0) throw new InputError(series, undefined, `group ${i} is zero in the reference area at the start, its growth is undefined`);
    const start = input.localStart[i]!;
    const groupChange = input.localEnd[i]! - start;
    const groupGrowth = input.referenceEnd[i]! / refStart - 1;
    const group: ShiftShareGroup = {
      referenceGrowth: groupGrowth,
      nationalShare: start * referenceGrowth,
      mix: start * (groupGrowth - referenceGrowth),
      local: groupChange - start * groupGrowth,
    };
    nationalShare += group.nationalShare;
    mix += group.mix;
    local += group.local;
    change += groupChange;
    groups.push(group);
  }
  const fmt = (v: number): string => Math.round(v).toLocaleString("en-GB");
  const reading =
    `The foreign population changed by ${fmt(change)}: ${fmt(nationalShare)} is what the reference area's overall ` +
    `growth (${(referenceGrowth * 100).toFixed(1)} %) would have given, ${fmt(mix)} comes from the area's mix of ` +
    `groups and ${fmt(local)} is local growth beyond each group's growth in the reference area. The split is ` +
    "descriptive: it depends on the groups chosen and does not explain why the area grew differently.";
  return { change, nationalShare, mix, local, referenceGrowth, groups, reading };
}

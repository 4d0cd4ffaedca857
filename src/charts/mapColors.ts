/**
 * Sequential class colours, ColorBrewer YlGnBu (Cynthia Brewer, colorbrewer2.org) for 1 to 7 classes, light to
 * dark; readable in grey print and by readers with the common colour vision deficiencies.
 */
const ylGnBu: readonly (readonly string[])[] = [
  ["#41b6c4"],
  ["#a1dab4", "#225ea8"],
  ["#edf8b1", "#7fcdbb", "#2c7fb8"],
  ["#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"],
  ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"],
  ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"],
  ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"],
];

/** The fill of an area without a figure: a neutral grey that no class colour resembles. */
export const missingColor = "#cfcfcf";

/** The colours of `count` classes (1 to 7), light to dark. Throws RangeError for another count. */
export function classColors(count: number): readonly string[] {
  const colors = ylGnBu[count - 1];
  if (colors === undefined) throw new RangeError(`maps have 1 to 7 classes, not ${count}`);
  return colors;
}

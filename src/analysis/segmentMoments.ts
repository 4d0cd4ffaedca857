// Segment sums and sums of squares in O(1) from prefix sums kept in double-double arithmetic (Dekker 1971), so
// that sum (y - mean)^2 = sum y^2 - (sum y)^2 / m loses nothing to cancellation: in plain doubles a short, quiet
// segment far from the series mean loses most of its digits, and the change-point costs take its logarithm.

/** Prefix sums of y - shift and of (y - shift)^2 as (high, low) double-double pairs. */
export interface SegmentMoments {
  /** The constant subtracted from every value before summing (the series mean). */
  readonly shift: number;
  readonly sumHigh: Float64Array;
  readonly sumLow: Float64Array;
  readonly squareHigh: Float64Array;
  readonly squareLow: Float64Array;
}

const SPLITTER = 134217729; // 2^27 + 1

function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function quickTwoSum(a: number, b: number): [number, number] {
  const s = a + b;
  return [s, b - (s - a)];
}

function twoProduct(a: number, b: number): [number, number] {
  const p = a * b;
  const ca = SPLITTER * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = SPLITTER * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function add(ah: number, al: number, bh: number, bl: number): [number, number] {
  const [s, e] = twoSum(ah, bh);
  return quickTwoSum(s, e + al + bl);
}

/** Builds the double-double prefix sums of y - shift and (y - shift)^2. */
export function segmentMoments(y: Float64Array, shift: number): SegmentMoments {
  const n = y.length;
  const sumHigh = new Float64Array(n + 1);
  const sumLow = new Float64Array(n + 1);
  const squareHigh = new Float64Array(n + 1);
  const squareLow = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const c = (y[i] as number) - shift;
    const [s, sl] = add(sumHigh[i] as number, sumLow[i] as number, c, 0);
    sumHigh[i + 1] = s;
    sumLow[i + 1] = sl;
    const [p, pl] = twoProduct(c, c);
    const [q, ql] = add(squareHigh[i] as number, squareLow[i] as number, p, pl);
    squareHigh[i + 1] = q;
    squareLow[i + 1] = ql;
  }
  return { shift, sumHigh, sumLow, squareHigh, squareLow };
}

/** The sum of y[start..end-1] (0-based, end exclusive). */
export function segmentSum(moments: SegmentMoments, start: number, end: number): number {
  const [h, l] = add(moments.sumHigh[end] as number, moments.sumLow[end] as number, -(moments.sumHigh[start] as number), -(moments.sumLow[start] as number));
  return h + l + moments.shift * (end - start);
}

/** The sum of squared deviations from the segment mean of y[start..end-1], never negative. */
export function segmentSumOfSquares(moments: SegmentMoments, start: number, end: number): number {
  const m = end - start;
  const [xh, xl] = add(moments.sumHigh[end] as number, moments.sumLow[end] as number, -(moments.sumHigh[start] as number), -(moments.sumLow[start] as number));
  const [qh, ql] = add(moments.squareHigh[end] as number, moments.squareLow[end] as number, -(moments.squareHigh[start] as number), -(moments.squareLow[start] as number));
  // (xh + xl)^2 / m in double-double.
  const [p, pe] = twoProduct(xh, xh);
  const [sh, sl] = quickTwoSum(p, pe + 2 * xh * xl);
  const q1 = sh / m;
  const [r, re] = twoProduct(q1, m);
  const q2 = (sh - r - re + sl) / m;
  const [dh, dl] = quickTwoSum(q1, q2);
  const [ssh, ssl] = add(qh, ql, -dh, -dl);
  return Math.max(ssh + ssl, 0);
}

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
  const a = moments.sumHigh[end] as number;
  const b = -(moments.sumHigh[start] as number);
  const s = a + b;
  const bb = s - a;
  const e = a - (s - bb) + (b - bb) + ((moments.sumLow[end] as number) - (moments.sumLow[start] as number));
  return s + e + moments.shift * (end - start);
}

/**
 * The sum of squared deviations from the segment mean of y[start..end-1], never negative. The double-double
 * operations of twoSum, twoProduct and add are written out inline: this runs once per candidate segment in PELT's
 * inner loop, where allocating their result pairs dominated the time.
 */
export function segmentSumOfSquares(moments: SegmentMoments, start: number, end: number): number {
  const m = end - start;
  // x = S1[end] - S1[start] in double-double.
  const a1 = moments.sumHigh[end] as number;
  const b1 = -(moments.sumHigh[start] as number);
  let s = a1 + b1;
  let bb = s - a1;
  let e = a1 - (s - bb) + (b1 - bb) + ((moments.sumLow[end] as number) - (moments.sumLow[start] as number));
  const xh = s + e;
  const xl = e - (xh - s);
  // q = S2[end] - S2[start] in double-double.
  const a2 = moments.squareHigh[end] as number;
  const b2 = -(moments.squareHigh[start] as number);
  s = a2 + b2;
  bb = s - a2;
  e = a2 - (s - bb) + (b2 - bb) + ((moments.squareLow[end] as number) - (moments.squareLow[start] as number));
  const qh = s + e;
  const ql = e - (qh - s);
  // x^2 exactly (Dekker's product), then divided by m in double-double.
  const p = xh * xh;
  const c = SPLITTER * xh;
  const hi = c - (c - xh);
  const lo = xh - hi;
  const pe = hi * hi - p + 2 * hi * lo + lo * lo;
  const t = pe + 2 * xh * xl;
  const sh = p + t;
  const sl = t - (sh - p);
  const q1 = sh / m;
  const r = q1 * m;
  const cq = SPLITTER * q1;
  const q1h = cq - (cq - q1);
  const q1l = q1 - q1h;
  const cm = SPLITTER * m;
  const mh = cm - (cm - m);
  const ml = m - mh;
  const re = q1h * mh - r + q1h * ml + q1l * mh + q1l * ml;
  const q2 = (sh - r - re + sl) / m;
  const dh = q1 + q2;
  const dl = q2 - (dh - q1);
  // q - x^2 / m.
  s = qh - dh;
  bb = s - qh;
  e = qh - (s - bb) + (-dh - bb) + (ql - dl);
  const ssh = s + e;
  const ssl = e - (ssh - s);
  return Math.max(ssh + ssl, 0);
}

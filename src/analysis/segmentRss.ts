// Residual sums of squares of OLS fits on contiguous segments of a series, the building block of the
// structural-break tests, computed from recursive residuals as strucchange does.
import { Matrix, solve } from "ml-matrix";

/**
 * Recursive residuals of y on the design over rows start..end (0-based, inclusive): for each row r after the first
 * k, w_r = (y_r - x_r' b_{r-1}) / sqrt(1 + x_r' (X'X)⁻¹_{r-1} x_r), where b_{r-1} is the OLS fit on the rows
 * before r. Their squares sum to the RSS of the OLS fit on the rows so far. For a constant-only design the
 * closed form of strucchange::breakpoints is used. Matches strucchange::recresid. Throws Error if the first k
 * rows do not determine the coefficients (cannot happen for a constant or a constant and a trend).
 */
export function recursiveResiduals(design: readonly Float64Array[], y: Float64Array, start: number, end: number): Float64Array {
  const k = design.length;
  const length = end - start + 1;
  const out = new Float64Array(Math.max(0, length - k));
  const constantOnly = k === 1 && (design[0] as Float64Array).every((v) => v === 1);
  if (constantOnly) {
    let sum = y[start] as number;
    for (let m = 2; m <= length; m++) {
      const v = y[start + m - 1] as number;
      sum += v;
      out[m - 2] = (v - sum / m) * Math.sqrt(1 + 1 / (m - 1));
    }
    return out;
  }
  const x1 = new Matrix(k, k);
  const y1 = new Matrix(k, 1);
  for (let r = 0; r < k; r++) {
    for (let j = 0; j < k; j++) x1.set(r, j, (design[j] as Float64Array)[start + r] as number);
    y1.set(r, 0, y[start + r] as number);
  }
  const inverse = solve(x1.transpose().mmul(x1), Matrix.eye(k));
  const p: number[][] = inverse.to2DArray();
  const b: number[] = solve(x1, y1).getColumn(0);
  const x = new Array<number>(k).fill(0);
  const px = new Array<number>(k).fill(0);
  for (let r = start + k; r <= end; r++) {
    for (let j = 0; j < k; j++) x[j] = (design[j] as Float64Array)[r] as number;
    let prediction = 0;
    let f = 1;
    for (let a = 0; a < k; a++) {
      let s = 0;
      const row = p[a] as number[];
      for (let c = 0; c < k; c++) s += (row[c] as number) * (x[c] as number);
      px[a] = s;
      f += (x[a] as number) * s;
      prediction += (x[a] as number) * (b[a] as number);
    }
    const error = (y[r] as number) - prediction;
    out[r - start - k] = error / Math.sqrt(f);
    // Sherman-Morrison update of (X'X)⁻¹ and of the coefficients with row r.
    for (let a = 0; a < k; a++) {
      b[a] = (b[a] as number) + ((px[a] as number) * error) / f;
      const row = p[a] as number[];
      for (let c = 0; c < k; c++) row[c] = (row[c] as number) - ((px[a] as number) * (px[c] as number)) / f;
    }
  }
  return out;
}

/** RSS of OLS fits on every segment that starts at or before n - h and has at least h rows. */
export interface RssTriangle {
  /** RSS of the OLS fit on rows i..j (0-based, inclusive); NaN when the segment has k rows or fewer. */
  rss(i: number, j: number): number;
}

/**
 * Builds the triangle of segment RSS that the Bai-Perron dynamic programme reads: for each start i = 0..n-h, the
 * cumulative sums of squared recursive residuals from i (strucchange's RSS.triang).
 */
export function buildRssTriangle(design: readonly Float64Array[], y: Float64Array, h: number): RssTriangle {
  const n = y.length;
  const k = design.length;
  const rows: Float64Array[] = [];
  for (let i = 0; i <= n - h; i++) {
    const w = recursiveResiduals(design, y, i, n - 1);
    const cumulative = new Float64Array(w.length);
    let s = 0;
    for (let r = 0; r < w.length; r++) {
      s += (w[r] as number) ** 2;
      cumulative[r] = s;
    }
    rows.push(cumulative);
  }
  return {
    rss(i: number, j: number): number {
      const row = rows[i];
      const offset = j - i - k;
      if (row === undefined || offset < 0 || offset >= row.length) return NaN;
      return row[offset] as number;
    },
  };
}

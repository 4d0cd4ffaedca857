// Residual sums of squares of OLS fits on contiguous segments of a series, the building block of the
// structural-break tests, computed from recursive residuals as strucchange does.

/** Scratch arrays for the recursive residuals of a k-column design, reused across segments. */
interface Workspace {
  readonly k: number;
  readonly square: Float64Array;
  readonly inverse: Float64Array;
  readonly p: Float64Array;
  readonly b: Float64Array;
  readonly x: Float64Array;
  readonly px: Float64Array;
}

function createWorkspace(k: number): Workspace {
  return {
    k,
    square: new Float64Array(k * k),
    inverse: new Float64Array(k * k),
    p: new Float64Array(k * k),
    b: new Float64Array(k),
    x: new Float64Array(k),
    px: new Float64Array(k),
  };
}

/**
 * Inverts the k x k matrix in ws.square (row-major; destroyed) into ws.inverse by Gauss-Jordan elimination with
 * partial pivoting.
 */
function invertSmall(ws: Workspace): void {
  const { k, square: m, inverse: inv } = ws;
  inv.fill(0);
  for (let i = 0; i < k; i++) inv[i * k + i] = 1;
  for (let col = 0; col < k; col++) {
    let pivot = col;
    for (let r = col + 1; r < k; r++) if (Math.abs(m[r * k + col] as number) > Math.abs(m[pivot * k + col] as number)) pivot = r;
    const p = m[pivot * k + col] as number;
    if (p === 0) throw new Error(`recursiveResiduals: the first ${k} rows of the segment do not determine the coefficients`);
    if (pivot !== col) {
      for (let c = 0; c < k; c++) {
        const t = m[col * k + c] as number;
        m[col * k + c] = m[pivot * k + c] as number;
        m[pivot * k + c] = t;
        const u = inv[col * k + c] as number;
        inv[col * k + c] = inv[pivot * k + c] as number;
        inv[pivot * k + c] = u;
      }
    }
    for (let c = 0; c < k; c++) {
      m[col * k + c] = (m[col * k + c] as number) / p;
      inv[col * k + c] = (inv[col * k + c] as number) / p;
    }
    for (let r = 0; r < k; r++) {
      if (r === col) continue;
      const f = m[r * k + col] as number;
      if (f === 0) continue;
      for (let c = 0; c < k; c++) {
        m[r * k + c] = (m[r * k + c] as number) - f * (m[col * k + c] as number);
        inv[r * k + c] = (inv[r * k + c] as number) - f * (inv[col * k + c] as number);
      }
    }
  }
}

function isConstantOnly(design: readonly Float64Array[]): boolean {
  return design.length === 1 && (design[0] as Float64Array).every((v) => v === 1);
}

/**
 * Writes the recursive residuals of y on the design over rows start..end (0-based, inclusive) into out, from
 * out[0]; there are end - start + 1 - k of them. See recursiveResiduals.
 */
function writeRecursiveResiduals(
  design: readonly Float64Array[],
  y: Float64Array,
  start: number,
  end: number,
  out: Float64Array,
  constantOnly: boolean,
  ws: Workspace,
): void {
  const k = design.length;
  const length = end - start + 1;
  if (constantOnly) {
    // strucchange's closed form for y ~ 1: (y_m - mean of the first m) sqrt(1 + 1 / (m - 1)).
    let sum = y[start] as number;
    for (let m = 2; m <= length; m++) {
      const v = y[start + m - 1] as number;
      sum += v;
      out[m - 2] = (v - sum / m) * Math.sqrt(1 + 1 / (m - 1));
    }
    return;
  }
  // The exact fit on the first k rows: b = X1⁻¹ y1 and (X1'X1)⁻¹ = X1⁻¹ X1⁻ᵀ.
  const { square, inverse, p, b, x, px } = ws;
  for (let r = 0; r < k; r++) for (let j = 0; j < k; j++) square[r * k + j] = (design[j] as Float64Array)[start + r] as number;
  invertSmall(ws);
  for (let a = 0; a < k; a++) {
    let s = 0;
    for (let r = 0; r < k; r++) s += (inverse[a * k + r] as number) * (y[start + r] as number);
    b[a] = s;
    for (let c = 0; c < k; c++) {
      let t = 0;
      for (let r = 0; r < k; r++) t += (inverse[a * k + r] as number) * (inverse[c * k + r] as number);
      p[a * k + c] = t;
    }
  }
  for (let r = start + k; r <= end; r++) {
    for (let j = 0; j < k; j++) x[j] = (design[j] as Float64Array)[r] as number;
    let prediction = 0;
    let f = 1;
    for (let a = 0; a < k; a++) {
      let s = 0;
      for (let c = 0; c < k; c++) s += (p[a * k + c] as number) * (x[c] as number);
      px[a] = s;
      f += (x[a] as number) * s;
      prediction += (x[a] as number) * (b[a] as number);
    }
    const error = (y[r] as number) - prediction;
    out[r - start - k] = error / Math.sqrt(f);
    // Sherman-Morrison update of (X'X)⁻¹ and of the coefficients with row r.
    for (let a = 0; a < k; a++) {
      b[a] = (b[a] as number) + ((px[a] as number) * error) / f;
      for (let c = 0; c < k; c++) p[a * k + c] = (p[a * k + c] as number) - ((px[a] as number) * (px[c] as number)) / f;
    }
  }
}

/**
 * Recursive residuals of y on the design over rows start..end (0-based, inclusive): for each row r after the first
 * k, w_r = (y_r - x_r' b_{r-1}) / sqrt(1 + x_r' (X'X)⁻¹_{r-1} x_r), where b_{r-1} is the OLS fit on the rows
 * before r. Their squares sum to the RSS of the OLS fit on the rows so far. For a constant-only design the
 * closed form of strucchange::breakpoints is used. Matches strucchange::recresid. Throws Error if the first k
 * rows do not determine the coefficients (cannot happen for a constant or a constant and a trend).
 */
export function recursiveResiduals(design: readonly Float64Array[], y: Float64Array, start: number, end: number): Float64Array {
  const out = new Float64Array(Math.max(0, end - start + 1 - design.length));
  writeRecursiveResiduals(design, y, start, end, out, isConstantOnly(design), createWorkspace(design.length));
  return out;
}

/** RSS of OLS fits on every segment that starts at or before n - h, in a flat n x n table. */
export interface RssTriangle {
  readonly n: number;
  /** values[i * n + j] is the RSS of the fit on rows i..j (0-based, inclusive); NaN where undefined. */
  readonly values: Float64Array;
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
  const values = new Float64Array(n * n).fill(NaN);
  const w = new Float64Array(n);
  const constantOnly = isConstantOnly(design);
  const ws = createWorkspace(k);
  for (let i = 0; i <= n - h; i++) {
    writeRecursiveResiduals(design, y, i, n - 1, w, constantOnly, ws);
    let s = 0;
    const base = i * n + i + k;
    for (let r = 0; r < n - i - k; r++) {
      s += (w[r] as number) ** 2;
      values[base + r] = s;
    }
  }
  return {
    n,
    values,
    rss(i: number, j: number): number {
      return i >= 0 && i < n && j >= i && j < n ? (values[i * n + j] as number) : NaN;
    },
  };
}

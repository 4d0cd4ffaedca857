// The regression the structural-break tests examine: a constant (y ~ 1), optionally a linear trend (y ~ trend).

export interface BreakModelOptions {
  /** Add a linear trend t = 1..n to the constant (R: y ~ trend), default false (R: y ~ 1). */
  readonly trend?: boolean;
}

/** The design columns (constant first, then the trend) and their names, as R's model.matrix builds them. */
export function buildBreakDesign(n: number, options: BreakModelOptions): { columns: Float64Array[]; names: string[] } {
  const columns = [new Float64Array(n).fill(1)];
  const names = ["(Intercept)"];
  if (options.trend === true) {
    columns.push(Float64Array.from({ length: n }, (_, i) => i + 1));
    names.push("trend");
  }
  return { columns, names };
}

// Minimal types for the parts of jstat the analysis uses (the package ships none; only a default export).
declare module "jstat" {
  interface JStatStatic {
    studentt: { inv(p: number, dof: number): number };
    normal: { inv(p: number, mean: number, sd: number): number };
    chisquare: { inv(p: number, dof: number): number };
  }
  const jStat: JStatStatic;
  export default jStat;
}

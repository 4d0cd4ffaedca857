/**
 * The `--format` values of `migmon indicator` and `migmon compare`. On its own so that declaring the commands does
 * not load the exporters (exceljs, parquet) that write them (issue 16: --help stays light).
 */
export const indicatorFormats = ["table", "csv", "xlsx", "json", "jsonstat", "sdmx-csv", "parquet"] as const;

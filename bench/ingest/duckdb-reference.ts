// Child process: DuckDB's own reading of the same file, measured two ways, one JSON line out.
//  readCsv:   read_csv of the wide TSV into a table (every cell as text), DuckDB's raw parsing speed;
//  unpivot:   read_csv, UNPIVOT the year columns and split "value flag" into value and flag columns, i.e. the
//             same long table of observations the monitor builds.
import { rmSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";

const [file, db] = process.argv.slice(2) as [string, string];
rmSync(db, { force: true });
rmSync(`${db}.wal`, { force: true });
const instance = await DuckDBInstance.create(db);
const connection = await instance.connect();
const time = async (sql: string) => {
  const t = process.hrtime.bigint();
  await connection.run(sql);
  return Number(process.hrtime.bigint() - t) / 1e9;
};
const source = `read_csv('${file.replace(/'/g, "''")}', delim = '\t', header = true, all_varchar = true)`;
const readCsv = await time(`CREATE TABLE wide AS SELECT * FROM ${source}`);
const unpivot = await time(`CREATE TABLE long AS
  WITH u AS (UNPIVOT (SELECT * FROM ${source}) ON COLUMNS(* EXCLUDE ("freq,citizen,agedef,age,unit,sex,geo\\TIME_PERIOD")) INTO NAME period VALUE cell)
  SELECT "freq,citizen,agedef,age,unit,sex,geo\\TIME_PERIOD" AS series, trim(period) AS period,
         TRY_CAST(nullif(trim(split_part(cell, ' ', 1)), ':') AS DOUBLE) AS value, trim(split_part(cell, ' ', 2)) AS flags
  FROM u`);
const rows = await connection.runAndReadAll("SELECT count(*)::INTEGER AS n FROM long");
const observations = Number(rows.getRowObjects()[0]?.n);
connection.closeSync();
process.stdout.write(`${JSON.stringify({ readCsv, unpivot, observations, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);

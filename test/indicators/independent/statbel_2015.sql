-- Independent route to the Belgian 2015 figures: DuckDB SQL over Statbel's raw TF_SOC_POP_STRUCT_2015 file
-- (pipe-separated), without the parser, the store or the engine. $FILE is replaced by the test with the path.
-- Region codes are restored to five digits (the file has 2000, 3000, 4000).
WITH raw AS (
  SELECT lpad(CAST(CD_RGN_REFNIS AS VARCHAR), 5, '0') AS region, CD_NATLTY AS nat, CD_SEX AS sex, CAST(MS_POPULATION AS BIGINT) AS n
  FROM read_csv('$FILE', delim = '|', header = true, all_varchar = true)
),
by_area AS (
  SELECT region AS geo, nat, sex, sum(n) AS n FROM raw GROUP BY region, nat, sex
  UNION ALL
  SELECT 'BE' AS geo, nat, sex, sum(n) AS n FROM raw GROUP BY nat, sex
),
wide AS (
  SELECT geo, sum(n) AS total, sum(n) FILTER (WHERE nat = 'ETR') AS etr, sum(n) FILTER (WHERE nat = 'ETR' AND sex = 'F') AS etr_women
  FROM by_area GROUP BY geo
)
SELECT geo, total, etr,
  100.0 * etr / total AS share_etr,
  -- Shannon entropy and Gini-Simpson over the two groups BEL and ETR
  -((etr / total) * ln(etr / total) + ((total - etr) / total) * ln((total - etr) / total)) AS shannon,
  1 - ((etr / total) ^ 2 + ((total - etr) / total) ^ 2) AS simpson,
  etr_women
FROM wide ORDER BY geo;

#!/usr/bin/env bash
# Loads one large real file (UNHCR demographics, 2,084,970 observations, from the offline folder) into a fresh DuckDB
# file and into a fresh PostgreSQL database through `migmon update --offline`, printing wall and CPU time and the
# peak RSS of the migmon process (PostgreSQL's own processes are not counted), with the load average before each.
#   MIGMON_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:55432/bench bash bench/store/load-both.sh [dataset]
# The database must exist and be empty (createdb bench); a cluster for it: eval "$(bash .ci/postgres.sh)".
set -euo pipefail
cd "$(dirname "$0")/../.."
dataset="${1:-unhcr:demographics}"
url="${MIGMON_BENCH_DATABASE_URL:?set MIGMON_BENCH_DATABASE_URL to an empty PostgreSQL database}"
file="$(mktemp -d)/bench.duckdb"
echo "DuckDB (load average $(cut -d' ' -f1-3 /proc/loadavg))"
MIGMON_DB="$file" /usr/bin/time -f "wall %e s, cpu %U+%S s, peak %M kB" node bin/migmon.js update --offline --only "$dataset"
echo "PostgreSQL (load average $(cut -d' ' -f1-3 /proc/loadavg))"
MIGMON_DATABASE_URL="$url" /usr/bin/time -f "wall %e s, cpu %U+%S s, peak %M kB" node bin/migmon.js update --offline --only "$dataset"
rm -rf "$(dirname "$file")"

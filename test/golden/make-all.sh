#!/usr/bin/env bash
# Regenerates every golden file: runs each test/golden/<method>/make.R with Rscript and each make.py with
# Debian's /usr/bin/python3 (the one that sees python3-statsmodels), from the repository root. Needs R with
# strucchange, sandwich, lmtest, segmented and jsonlite; CI does not run this, it only reads the committed JSON.
set -euo pipefail
cd "$(dirname "$0")/../.."
status=0
for script in test/golden/*/make.R test/golden/*/make.py; do
  [ -e "$script" ] || continue
  echo "== $script" >&2
  case "$script" in
    *.R) Rscript "$script" || { echo "failed: $script" >&2; status=1; } ;;
    *.py) /usr/bin/python3 "$script" || { echo "failed: $script" >&2; status=1; } ;;
  esac
done
exit "$status"

#!/usr/bin/env bash
# Regenerates every golden file: runs each test/golden/<method>/make.R with Rscript and each make.py with
# Debian's /usr/bin/python3 (the one that sees python3-statsmodels), from the repository root. Needs the R packages
# the make.R scripts load (strucchange, sandwich, lmtest, forecast, quadprog, jsonlite: Debian r-cran-<name>) and
# python3-statsmodels with numpy; both are checked first, naming what is missing. CI does not run this, it only
# reads the committed JSON.
set -euo pipefail
cd "$(dirname "$0")/../.."
r_packages='c("strucchange", "sandwich", "lmtest", "forecast", "quadprog", "jsonlite")'
Rscript -e "missing <- setdiff($r_packages, rownames(installed.packages())); if (length(missing) > 0) { cat('missing R packages:', missing, '(apt install r-cran-<name>)\n', file = stderr()); quit(status = 1) }"
/usr/bin/python3 -c "import numpy, statsmodels" 2>/dev/null || { echo "missing: python3-statsmodels or python3-numpy for /usr/bin/python3 (apt install python3-statsmodels)" >&2; exit 1; }
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

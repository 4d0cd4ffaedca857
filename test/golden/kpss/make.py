"""Golden file for src/analysis/kpss.ts: statsmodels' kpss (regression "c" and "ct"; nlags "auto", "legacy" and
fixed). Series: see test/golden/stationarity-series.py.

Regenerate from the repository root with:  /usr/bin/python3 test/golden/kpss/make.py   (writes kpss.json here)
"""
import importlib.util
import json
import sys
import warnings

import numpy as np
import statsmodels
from statsmodels.tsa.stattools import kpss

spec = importlib.util.spec_from_file_location("series", "test/golden/stationarity-series.py")
series_module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(series_module)

warnings.simplefilter("ignore")
series = series_module.stationarity_series()
cases = []
for name, _source, _periods, values in series:
    x = np.asarray(values)
    for regression in ("c", "ct"):
        for nlags in ("auto", "legacy", 3):
            stat, p, lags, crit = kpss(x, regression=regression, nlags=nlags)
            cases.append({"series": name, "regression": regression, "nlags": nlags, "statistic": stat,
                          "p": p, "lags": lags, "critical": crit})

out = {
    "python": sys.version.split()[0],
    "packages": {"statsmodels": statsmodels.__version__, "numpy": np.__version__},
    "generated": "by make.py beside this file; regenerate with /usr/bin/python3 test/golden/kpss/make.py from the repo root",
    "series": [{"name": n, "source": s, "periods": p, "values": v} for n, s, p, v in series],
    "cases": cases,
}
with open("test/golden/kpss/kpss.json", "w") as f:
    json.dump(out, f, indent=1)

"""Golden file for src/analysis/adf.ts and src/analysis/mackinnon.ts: statsmodels' adfuller (regression "c" and
"ct"; lag chosen by AIC up to the default maximum, and fixed lags) with MacKinnon's p-values and critical values.
Series: see test/golden/stationarity-series.py.

Regenerate from the repository root with:  /usr/bin/python3 test/golden/adf/make.py   (writes adf.json here)
"""
import importlib.util
import json
import sys
import warnings

import numpy as np
import statsmodels
from statsmodels.tsa.adfvalues import mackinnoncrit, mackinnonp
from statsmodels.tsa.stattools import adfuller

spec = importlib.util.spec_from_file_location("series", "test/golden/stationarity-series.py")
series_module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(series_module)

warnings.simplefilter("ignore")
series = series_module.stationarity_series()
cases = []
for name, _source, _periods, values in series:
    x = np.asarray(values)
    n = len(x)
    for regression in ("c", "ct"):
        largest = n // 2 - len(regression) - 1
        settings = [("aic", None)] + [("fixed", lag) for lag in (0, 2) if lag <= largest]
        for kind, lag in settings:
            if kind == "aic":
                stat, p, used, nobs, crit, _ic = adfuller(x, regression=regression, autolag="AIC")
            else:
                stat, p, used, nobs, crit = adfuller(x, maxlag=lag, regression=regression, autolag=None)
            cases.append({"series": name, "regression": regression, "lags": "aic" if kind == "aic" else lag,
                          "statistic": stat, "p": p, "used_lag": used, "nobs": nobs,
                          "critical": {k: crit[k] for k in ("1%", "5%", "10%")}})

# MacKinnon's p-value surface over a grid, both branches and both clamps included.
grid = [-20.0, -18.0, -12.5, -6.0, -4.1, -3.3, -2.95, -2.89, -2.5, -1.8, -1.61, -1.0, 0.0, 0.5, 0.7, 1.2, 2.74, 3.0]
surface = [{"statistic": s, "regression": r, "p": float(mackinnonp(s, regression=r, N=1))} for r in ("c", "ct") for s in grid]
critical = [{"regression": r, "nobs": m, "values": [float(v) for v in mackinnoncrit(N=1, regression=r, nobs=m)]}
            for r in ("c", "ct") for m in (20, 47, 100, 500)]

out = {
    "python": sys.version.split()[0],
    "packages": {"statsmodels": statsmodels.__version__, "numpy": np.__version__},
    "generated": "by make.py beside this file; regenerate with /usr/bin/python3 test/golden/adf/make.py from the repo root",
    "series": [{"name": n, "source": s, "periods": p, "values": v} for n, s, p, v in series],
    "cases": cases,
    "mackinnonp": surface,
    "mackinnoncrit": critical,
}
with open("test/golden/adf/adf.json", "w") as f:
    json.dump(out, f, indent=1)

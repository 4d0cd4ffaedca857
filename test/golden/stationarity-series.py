"""Series shared by test/golden/adf/make.py and test/golden/kpss/make.py (imported from there; not run alone).

Simulated (numpy default_rng(20261127), values rounded to 12 significant digits so the JSON holds exactly what
statsmodels used): a random walk, a stationary AR(1) with phi 0.5, a trend-stationary series. Real Belgian series
read from ../shared/data (or $MIGMON_MIRROR, or its deprecated alias $MIGMON_SHARED_DATA): UNHCR monthly asylum applications lodged in Belgium 2012-01 to
the last month in the file, summed over origins with the `*` cells (suppressed values of 1-4) left out of the sum
(as test/golden/real-series-be.R); Eurostat unemployment rates 15-64 of foreigners (FOR) and nationals (NAT) in
Belgium, lfsa_urgan, 1995-2024; Eurostat immigration to Belgium, all citizenships (migr_imm1ctz derived table),
2010-2023, the stretch without missing years.
"""
import csv
import gzip
import os

import numpy as np

SHARED = os.environ.get("MIGMON_MIRROR") or os.environ.get("MIGMON_SHARED_DATA") or "../shared/data"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def _asylum():
    path = os.path.join(SHARED, "unhcr", "unhcr_popstats_asylum_seekers_monthly_2012-2017_noheader.csv.gz")
    totals = {}
    with gzip.open(path, "rt", newline="") as f:
        for asylum, _origin, year, month, value in csv.reader(f):
            if asylum == "Belgium":
                period = "%s-%02d" % (year, MONTHS.index(month) + 1)
                totals[period] = totals.get(period, 0) + (0 if value == "*" else int(value))
    periods = sorted(totals)
    return periods, [float(totals[p]) for p in periods]


def _unemployment(citizen):
    path = os.path.join(SHARED, "eurostat", "sdmx-csv", "unemployment_rates_yearly.csv.gz")
    rows = {}
    with gzip.open(path, "rt", newline="") as f:
        for r in csv.DictReader(f):
            if r["geo"] == "BE" and r["sex"] == "T" and r["age"] == "Y15-64" and r["citizen"] == citizen:
                rows[r["TIME_PERIOD"]] = float(r["OBS_VALUE"])
    periods = sorted(rows)
    return periods, [rows[p] for p in periods]


def _immigration():
    path = os.path.join(SHARED, "eurostat", "derived_immigration_by_citizenship_migr_imm1ctz.csv.gz")
    rows = {}
    with gzip.open(path, "rt", newline="") as f:
        for r in csv.DictReader(f):
            if r["geo"] == "Belgium" and r["Country of citizenship"] == "Total":
                rows[r["year"]] = float(r["Migrants number"])
    periods = [str(y) for y in range(2010, 2024)]
    return periods, [rows[p] for p in periods]


def stationarity_series():
    """[(name, source, periods or None, values)] for the ADF and KPSS golden files."""
    rng = np.random.default_rng(20261127)
    walk = np.cumsum(rng.normal(0, 1, 150))
    ar = np.zeros(150)
    e = rng.normal(0, 1, 150)
    for t in range(1, 150):
        ar[t] = 0.5 * ar[t - 1] + e[t]
    trend = 0.05 * np.arange(150) + rng.normal(0, 1, 150)
    exact = lambda v: [float("%.12g" % x) for x in v]
    out = [
        ("simulated random walk", "numpy default_rng(20261127)", None, exact(walk)),
        ("simulated AR(1), phi 0.5", "numpy default_rng(20261127)", None, exact(ar)),
        ("simulated linear trend plus noise", "numpy default_rng(20261127)", None, exact(trend)),
    ]
    p, v = _asylum()
    out.append(("Belgium: monthly asylum applications (UNHCR, sum over origins, * left out)",
                "unhcr/unhcr_popstats_asylum_seekers_monthly_2012-2017_noheader.csv.gz", p, v))
    for citizen, label in (("FOR", "foreigners"), ("NAT", "nationals")):
        p, v = _unemployment(citizen)
        out.append(("Belgium: unemployment rate of %s 15-64, %% (Eurostat lfsa_urgan)" % label,
                    "eurostat/sdmx-csv/unemployment_rates_yearly.csv.gz", p, v))
    p, v = _immigration()
    out.append(("Belgium: immigration, all citizenships, 2010-2023 (Eurostat migr_imm1ctz)",
                "eurostat/derived_immigration_by_citizenship_migr_imm1ctz.csv.gz", p, v))
    return out

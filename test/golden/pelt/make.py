"""Golden file for src/analysis/pelt.ts (and binarySegmentation.ts for its planted case).

R's changepoint package is not packaged in Debian (apt-cache search r-cran-changepoint finds nothing) and neither
is Python's ruptures, so the reference here is an exact optimal partitioning (Jackson et al. 2005) written
independently in Python: it tries every last change point at every t, with each segment's cost summed directly
over the segment. Costs and penalties are those of R's changepoint (cost_general_functions.c: mll_mean,
mll_meanvar, mll_meanvar_poisson and the mbic_ variants with + log(m); penalty_decision: BIC (p + 1) log n,
MBIC (p + 2) log n), with two stated choices of ours: normal-mean divides by a variance estimated once as
(mad(diff(y)) / sqrt(2))^2 (R's mad constant 1.4826; the sample variance when that MAD is 0), and
normal-meanvar floors the variance at 1e-10 x the series variance (the constrained minimum, not a clamp).
PELT must find exactly this optimum.

Regenerate from the repository root with:  /usr/bin/python3 test/golden/pelt/make.py   (writes pelt.json here)

Inputs: simulated series (numpy seed 20261126) and real Belgian series read from ../shared/data (or
$MIGMON_MIRROR, or its deprecated alias $MIGMON_SHARED_DATA): UNHCR monthly asylum applications lodged in Belgium 2012-01..2017 summed over origins, with
the `*` cells (suppressed values of 1-4) left out of the sum, as test/golden/real-series-be.R does; Eurostat
unemployment rate of foreigners in Belgium (lfsa_urgan, T, Y15-64, FOR, 1995-2024); Eurostat immigration to
Belgium (migr_imm1ctz derived table, citizenship Total) 2010-2023, the stretch without missing years.
"""
import csv
import gzip
import json
import math
import os
import platform
import sys

import numpy as np

SHARED = os.environ.get("MIGMON_MIRROR") or os.environ.get("MIGMON_SHARED_DATA") or "../shared/data"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def be_asylum_monthly():
    path = os.path.join(SHARED, "unhcr", "unhcr_popstats_asylum_seekers_monthly_2012-2017_noheader.csv.gz")
    totals = {}
    with gzip.open(path, "rt", newline="") as f:
        for asylum, _origin, year, month, value in csv.reader(f):
            if asylum != "Belgium":
                continue
            period = "%s-%02d" % (year, MONTHS.index(month) + 1)
            totals.setdefault(period, 0)
            if value != "*":
                totals[period] += int(value)
    periods = sorted(totals)
    return periods, [float(totals[p]) for p in periods]


def be_unemployment_foreigners():
    path = os.path.join(SHARED, "eurostat", "sdmx-csv", "unemployment_rates_yearly.csv.gz")
    rows = {}
    with gzip.open(path, "rt", newline="") as f:
        for r in csv.DictReader(f):
            if r["geo"] == "BE" and r["sex"] == "T" and r["age"] == "Y15-64" and r["citizen"] == "FOR":
                rows[r["TIME_PERIOD"]] = float(r["OBS_VALUE"])
    periods = sorted(rows)
    return periods, [rows[p] for p in periods]


def be_immigration_2010_2023():
    path = os.path.join(SHARED, "eurostat", "derived_immigration_by_citizenship_migr_imm1ctz.csv.gz")
    rows = {}
    with gzip.open(path, "rt", newline="") as f:
        for r in csv.DictReader(f):
            if r["geo"] == "Belgium" and r["Country of citizenship"] == "Total":
                rows[r["year"]] = float(r["Migrants number"])
    periods = [str(y) for y in range(2010, 2024)]
    return periods, [rows[p] for p in periods]


def noise_variance(y):
    d = np.diff(np.asarray(y, dtype=float))
    if len(y) >= 3:
        mad = 1.4826 * np.median(np.abs(d - np.median(d)))
        if mad > 0:
            return mad * mad / 2
    v = float(np.var(y, ddof=1)) if len(y) >= 2 else 0.0
    return v if v > 0 else 1.0


def segment_cost(values, cost, mbic, variance, floor):
    m = len(values)
    extra = math.log(m) if mbic else 0.0
    if cost == "poisson":
        x = sum(values)
        return (0.0 if x == 0 else 2 * x * (math.log(m) - math.log(x))) + extra
    mean = sum(values) / m
    ss = sum((v - mean) ** 2 for v in values)
    if cost == "normal-mean":
        return ss / variance + extra
    s2 = ss / m
    if s2 > floor:
        return m * (math.log(2 * math.pi) + math.log(s2) + 1) + extra
    return m * (math.log(2 * math.pi) + math.log(floor)) + ss / floor + extra


def optimal_partitioning(y, cost, penalty, min_segment):
    n = len(y)
    p = 2 if cost == "normal-meanvar" else 1
    mbic = penalty == "mbic"
    beta = penalty if isinstance(penalty, float) else (p + (2 if mbic else 1)) * math.log(n)
    variance = noise_variance(y) if cost == "normal-mean" else None
    whole = float(np.var(y, ddof=1))
    floor = 1e-10 * (whole if whole > 0 else 1.0)
    best = [math.inf] * (n + 1)
    last = [-1] * (n + 1)
    best[0] = -beta
    for t in range(min_segment, n + 1):
        for tau in range(0, t - min_segment + 1):
            if 0 < tau < min_segment:
                continue
            value = best[tau] + segment_cost(y[tau:t], cost, mbic, variance, floor) + beta
            if value < best[t]:
                best[t] = value
                last[t] = tau
    cps = []
    t = n
    while last[t] > 0:
        cps.insert(0, last[t] - 1)
        t = last[t]
    return {"changepoints": cps, "penalised_cost": best[n], "penalty_value": beta, "variance": variance}


def main():
    rng = np.random.default_rng(20261126)
    sim_mean = np.concatenate([rng.normal(0, 1, 40), rng.normal(3, 1, 30), rng.normal(-1, 1, 50)])
    sim_var = np.concatenate([rng.normal(0, 1, 50), rng.normal(0, 4, 50), rng.normal(0, 1, 40)])
    sim_counts = np.concatenate([rng.poisson(3, 40), rng.poisson(9, 25), rng.poisson(1, 35)]).astype(float)
    series = [
        ("simulated normal, mean shifts after 40 and 70", "numpy default_rng(20261126)", None,
         [float("%.12g" % v) for v in sim_mean]),
        ("simulated normal, variance x16 from 51 to 100", "numpy default_rng(20261126)", None,
         [float("%.12g" % v) for v in sim_var]),
        ("simulated Poisson counts, rates 3, 9, 1", "numpy default_rng(20261126)", None, list(sim_counts)),
    ]
    periods, values = be_asylum_monthly()
    series.append(("Belgium: monthly asylum applications (UNHCR, sum over origins, * left out)",
                   "unhcr_popstats_asylum_seekers_monthly_2012-2017_noheader.csv.gz", periods, values))
    periods, values = be_unemployment_foreigners()
    series.append(("Belgium: unemployment rate of foreigners 15-64, % (Eurostat lfsa_urgan)",
                   "eurostat/sdmx-csv/unemployment_rates_yearly.csv.gz", periods, values))
    periods, values = be_immigration_2010_2023()
    series.append(("Belgium: immigration, all citizenships, 2010-2023 (Eurostat migr_imm1ctz)",
                   "eurostat/derived_immigration_by_citizenship_migr_imm1ctz.csv.gz", periods, values))
    cases = []
    for name, source, periods, y in series:
        counts = all(v == int(v) and v >= 0 for v in y)
        costs = ["normal-mean", "normal-meanvar"] + (["poisson"] if counts else [])
        for cost in costs:
            for penalty in ["bic", "mbic"]:
                for min_segment in sorted({2 if cost == "normal-meanvar" else 1, 3}):
                    result = optimal_partitioning(y, cost, penalty, min_segment)
                    cases.append({"series": name, "cost": cost, "penalty": penalty, "min_segment": min_segment,
                                  **result})
    out = {
        "python": sys.version.split()[0],
        "packages": {"numpy": np.__version__},
        "platform": platform.platform(),
        "reference": "exact optimal partitioning in make.py (changepoint and ruptures are not in Debian)",
        "generated": "by make.py beside this file; regenerate with /usr/bin/python3 test/golden/pelt/make.py from the repo root",
        "series": [{"name": n, "source": s, "periods": p, "values": y} for n, s, p, y in series],
        "cases": cases,
    }
    with open("test/golden/pelt/pelt.json", "w") as f:
        json.dump(out, f, indent=1)


main()

"""Recomputes the expected figures of parse.test.ts from the real UNHCR files, with Python's csv module.

Run from the repository root:  /usr/bin/python3 test/ingest/sources/unhcr/expected-figures.py
(MIGMON_MIRROR, or its deprecated alias MIGMON_SHARED_DATA, overrides ../shared/data). awk is not used because origin names such as
"China, Hong Kong SAR" hold commas inside quotes. Output on 2026-11-26:
  population rows 120261, Belgium 2022 REF 127831, STA 1190
  applications cells 95829, Belgium 2022 16020
  decisions cells 95718, Belgium 2022 recognized 4476, total decided 10907
  solutions rows 18703, cells 18701
  demographics cells 138998, Belgium 2021 Total 103872
  popstats rows 106038, suppressed 12418, cells 103054
"""
import csv
import gzip
import os

base = os.environ.get("MIGMON_MIRROR") or os.environ.get("MIGMON_SHARED_DATA") or os.path.join(os.path.dirname(__file__), "../../../../../shared/data")


def rows(name):
    with gzip.open(os.path.join(base, "unhcr", name), "rt", newline="") as f:
        return list(csv.DictReader(f))


def belgium(r, year):
    return r["Year"] == year and r["CountryAsylumCode"] == "BEL"


pop = rows("unhcr_end_year_population_totals_1951-2022.csv.gz")
print("population rows", len(pop), "Belgium 2022 REF", sum(int(r["REF"]) for r in pop if belgium(r, "2022")),
      "STA", sum(int(r["STA"]) for r in pop if belgium(r, "2022")))
app = rows("unhcr_asylum_applications_2000-2022.csv.gz")
app_keys = {(r["Year"], r["CountryOriginCode"], r["CountryAsylumCode"], r["ProcedureType"], r["ApplicationTypeCode"], r["ApplicationDataType"]) for r in app}
print("applications cells", len(app_keys), "Belgium 2022", round(sum(float(r["NumberApplications"]) for r in app if belgium(r, "2022"))))
dec = rows("unhcr_asylum_decisions_2000-2022.csv.gz")
dec_keys = {(r["Year"], r["CountryOriginCode"], r["CountryAsylumCode"], r["ProcedureType"], r["DecisionTypeCode"], r["DecisionDataType"]) for r in dec}
print("decisions cells", len(dec_keys), "Belgium 2022 recognized", round(sum(float(r["Recognized"]) for r in dec if belgium(r, "2022"))),
      "total decided", round(sum(float(r["TotalDecided"]) for r in dec if belgium(r, "2022"))))
sol = rows("unhcr_solutions_1959-2022.csv.gz")
print("solutions rows", len(sol), "cells", len({(r["Year"], r["CountryOriginCode"], r["CountryAsylumCode"]) for r in sol}))
dem = rows("unhcr_demographics_2001-2021.csv.gz")
dem_keys = {(r["Year"], r["CountryOriginCode"], r["CountryAsylumCode"], r["Population.type"]) for r in dem}
print("demographics cells", len(dem_keys), "Belgium 2021 Total", round(sum(float(r["Total"]) for r in dem if belgium(r, "2021"))))
with gzip.open(os.path.join(base, "unhcr", "unhcr_popstats_asylum_seekers_monthly_2012-2017_noheader.csv.gz"), "rt", newline="") as f:
    ps = list(csv.reader(f))
cells = {("US" if r[0].startswith("USA (") else r[0], r[1], r[2], r[3]) for r in ps}
print("popstats rows", len(ps), "suppressed", sum(1 for r in ps if r[4] == "*"), "cells", len(cells))

# The R figures quoted in test/server/analysis.test.ts, on Belgium's net migration 2000-2018 (Eurostat demo_r_gind3,
# CNMIGRAT,BE; 2019 is ':'). Run from the repository root with:  Rscript test/server/analysis-figures.R
# (R 4.2; the mirror folder is $MIGMON_MIRROR, else ../shared/data). With strucchange installed it prints its
# sctest figures; without it, the same quantities by strucchange's own formulas in base R (sctest.formula's Chow F
# and 1 - pf p-value; efp OLS-CUSUM's process and the Brownian bridge's sup distribution, whose series strucchange
# 1.5 sums: p = 2 sum_j (-1)^(j+1) exp(-2 j^2 x^2)).
options(digits = 15)
mirror <- Sys.getenv("MIGMON_MIRROR", Sys.getenv("MIGMON_SHARED_DATA", "../shared/data"))
lines <- readLines(file.path(mirror, "eurostat/bulk-tsv/demo_r_gind3_CNMIGRAT_subset.tsv"))
header <- trimws(strsplit(lines[1], "\t")[[1]])
row <- strsplit(lines[startsWith(lines, "CNMIGRAT,BE\t")], "\t")[[1]]
cells <- setNames(trimws(row[-1]), header[-1])
cells <- cells[cells != ":"]
y <- as.numeric(sub(" .*", "", cells[order(names(cells))]))
years <- sort(as.integer(names(cells)))
stopifnot(length(y) == 19, years[1] == 2000, years[19] == 2018)
cat(R.version.string, "\n")

n <- length(y); point <- 15  # 2014 is the 15th year: the last before the break
if (requireNamespace("strucchange", quietly = TRUE)) {
  s <- strucchange::sctest(y ~ 1, type = "Chow", point = point)
  cat("chow F", s$statistic, "p", s$p.value, "\n")
  s2 <- strucchange::sctest(y ~ 1, type = "OLS-CUSUM")
  cat("cusum S0", s2$statistic, "p", s2$p.value, "\n")
} else {
  k <- 1
  rss <- function(v) sum((v - mean(v))^2)
  F <- ((rss(y) - rss(y[1:point]) - rss(y[(point + 1):n])) / k) / ((rss(y[1:point]) + rss(y[(point + 1):n])) / (n - 2 * k))
  cat("chow F", F, "p", 1 - pf(F, k, n - 2 * k), "(base R, strucchange's formula)\n")
  e <- y - mean(y)
  process <- cumsum(c(0, e)) / (sqrt(sum(e^2) / (n - 1)) * sqrt(n))
  S0 <- max(abs(process))
  j <- 1:100
  cat("cusum S0", S0, "p", 2 * sum((-1)^(j + 1) * exp(-2 * j^2 * S0^2)), "(base R, strucchange's formula)\n")
}

# assess at eu-2004-enlargement (in force 2004-05-01, so 2004 is the first period under it): y ~ t + post + since.
t <- seq_len(n); post <- as.numeric(years >= 2004); since <- ifelse(years >= 2004, years - 2004, 0)
print(coef(lm(y ~ t + post + since)))

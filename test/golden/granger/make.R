# Golden file for src/analysis/granger.ts: lmtest::grangertest(y ~ x, order = p), the F test of the lags of x.
# Regenerate from the repository root with:  Rscript test/golden/granger/make.R   (writes granger.json here)
#
# Inputs: a simulated pair (seed 11, 100 points, y depends on x one period earlier) tested in both directions,
# and the Belgian unemployment rates (Eurostat lfsa_urgan, sex T, age Y15-64, in %; NAT = nationals, FOR =
# foreigners, 1995-2024, no missing year), in levels and in first differences, in both directions, orders 1-3.
library(jsonlite)
library(lmtest)
source("test/golden/golden-io.R")
source("test/golden/real-series-be.R")

granger_case <- function(name, source, y, x, order) {
  g <- grangertest(y ~ x, order = order)
  list(name = name, source = source, y = y, x = x, order = order,
       F = g$F[2], p = g[["Pr(>F)"]][2], df1 = abs(g$Df[2]), df2 = g$Res.Df[1])
}

set.seed(11)
n <- 100
x <- as.numeric(arima.sim(list(ar = 0.5), n = n))
y <- numeric(n)
y[1] <- rnorm(1)
for (t in 2:n) y[t] <- 0.4 * y[t - 1] + 0.6 * x[t - 1] + rnorm(1)
x <- exact_input(x)
y <- exact_input(y)

u <- unemployment_rates("BE", c("NAT", "FOR"))
nat <- u[u$citizen == "NAT", ]
nat <- nat[order(nat$period), ]
frn <- u[u$citizen == "FOR", ]
frn <- frn[order(frn$period), ]
stopifnot(identical(nat$period, frn$period), !anyNA(nat$value), !anyNA(frn$value))
src <- "Eurostat lfsa_urgan, BE, T, Y15-64"

cases <- list(
  granger_case("simulated: x leads y, y ~ x", "set.seed(11)", y, x, 1),
  granger_case("simulated: x leads y, x ~ y (reverse)", "set.seed(11)", x, y, 1),
  granger_case("simulated: x leads y, y ~ x, order 3", "set.seed(11)", y, x, 3)
)
for (p in 1:3) {
  cases[[length(cases) + 1]] <- granger_case(sprintf("BE unemployment: foreigners ~ nationals, levels, order %d", p), src, frn$value, nat$value, p)
  cases[[length(cases) + 1]] <- granger_case(sprintf("BE unemployment: nationals ~ foreigners, levels, order %d", p), src, nat$value, frn$value, p)
}
cases[[length(cases) + 1]] <- granger_case("BE unemployment: foreigners ~ nationals, first differences, order 2", src,
                                           diff(frn$value), diff(nat$value), 2)

out <- c(golden_meta(c("lmtest", "zoo", "stats", "jsonlite")), list(cases = cases))
write_golden(out, "test/golden/granger/granger.json")

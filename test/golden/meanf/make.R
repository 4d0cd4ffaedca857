# Golden file for src/analysis/meanForecast.ts: forecast::meanf with 80 and 95 % intervals.
# forecast is Debian's r-cran-forecast. Regenerate from the repository root with:
#   Rscript test/golden/meanf/make.R   (writes test/golden/meanf/meanf.json)
suppressPackageStartupMessages({ library(jsonlite); library(forecast) })
case <- function(name, source, y) {
  fc <- meanf(y, h = 3, level = c(80, 95))
  list(name = name, source = source, input = as.numeric(y), mean = as.numeric(fc$mean[1]),
       lower80 = as.numeric(fc$lower[1, 1]), upper80 = as.numeric(fc$upper[1, 1]),
       lower95 = as.numeric(fc$lower[1, 2]), upper95 = as.numeric(fc$upper[1, 2]))
}
set.seed(20261207)
cases <- list(
  case("six simulated changes", "rnorm(6, 1000, 150), seed 20261207", round(rnorm(6, 1000, 150))),
  case("two values", "the smallest series meanf accepts with an interval", c(10, 14)),
  case("simulated skewed", "rexp(9, 1/500), seed 20261207", round(rexp(9, 1 / 500)))
)
out <- list(generator = "test/golden/meanf/make.R", r = R.version.string,
            forecast = as.character(packageVersion("forecast")), cases = cases)
write_json(out, "test/golden/meanf/meanf.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)

# Golden file for src/analysis/stl.ts: R's stats::stl on simulated and real Belgian monthly series.
# Regenerate from the repository root with:  Rscript test/golden/stl/make.R
# Writes test/golden/stl/stl.json (inputs, options and R's trend, seasonal, remainder and weights together).
library(jsonlite)
source("test/golden/real-series-be.R")

set.seed(20261126)
n <- 84
t <- seq_len(n)
simulated <- 100 + 0.8 * t + 15 * sin(2 * pi * t / 12) + 6 * cos(4 * pi * t / 12) + rnorm(n, sd = 4)
simulated[c(20, 55)] <- simulated[c(20, 55)] + c(60, -45)  # two outliers, for the robust fits
quarterly <- 50 + cumsum(rnorm(40, sd = 2)) + rep(c(5, -3, 1, -3), 10)
asylum <- be_asylum_monthly()

run <- function(name, x, period, s.window, robust, ..., source) {
  fit <- stl(ts(x, frequency = period), s.window = s.window, robust = robust, ...)
  extra <- list(...)
  list(name = name, source = source, period = period, seasonalWindow = s.window, robust = robust,
       options = if (length(extra)) extra else setNames(list(), character(0)),
       input = as.numeric(x),
       seasonal = as.numeric(fit$time.series[, "seasonal"]),
       trend = as.numeric(fit$time.series[, "trend"]),
       remainder = as.numeric(fit$time.series[, "remainder"]),
       weights = as.numeric(fit$weights))
}

sim_src <- "simulated: 100 + 0.8 t + 15 sin(2 pi t/12) + 6 cos(4 pi t/12) + N(0, 4^2), seed 20261126, outliers at t = 20, 55"
q_src <- "simulated quarterly random walk + seasonal (5, -3, 1, -3), same seed stream"
a_src <- paste("UNHCR PopStats monthly asylum applications, Belgium, summed over origins, suppressed (*) cells left out,",
               paste(asylum$period[1], asylum$period[length(asylum$period)], sep = " to "))
cases <- list(
  run("simulated periodic", simulated, 12, "periodic", FALSE, source = sim_src),
  run("simulated periodic robust", simulated, 12, "periodic", TRUE, source = sim_src),
  run("simulated s.window 7", simulated, 12, 7, FALSE, source = sim_src),
  run("simulated s.window 7 robust", simulated, 12, 7, TRUE, source = sim_src),
  run("simulated s.window 11 s.degree 1 t.window 15", simulated, 12, 11, FALSE, s.degree = 1, t.window = 15, source = sim_src),
  run("quarterly s.window 9", quarterly, 4, 9, FALSE, source = q_src),
  run("asylum BE periodic", asylum$value, 12, "periodic", FALSE, source = a_src),
  run("asylum BE s.window 13 robust", asylum$value, 12, 13, TRUE, source = a_src),
  run("asylum BE s.window 7", asylum$value, 12, 7, FALSE, source = a_src)
)
out <- list(generatedBy = "test/golden/stl/make.R", R = R.version.string,
            packages = list(stats = as.character(packageVersion("stats")), jsonlite = as.character(packageVersion("jsonlite"))),
            asylumPeriods = asylum$period, asylumSuppressedCells = asylum$suppressed, cases = cases)
write_json(out, "test/golden/stl/stl.json", auto_unbox = TRUE, digits = NA, pretty = FALSE)

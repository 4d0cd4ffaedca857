# Golden file for src/analysis/ewma.ts: the EWMA control chart computed in R by another route, the recursive
# filter stats::filter(lambda x, 1 - lambda, method = "recursive", init = target), with exact limits
# target +/- L sigma sqrt(lambda / (2 - lambda) (1 - (1 - lambda)^(2t))) (Lucas and Saccucci 1990, eq. 3) and
# sigma = mean moving range / (2 / sqrt(pi)) or sd() over the baseline. (qcc is not packaged in Debian.)
# Regenerate from the repository root with:  Rscript test/golden/ewma/make.R   (writes test/golden/ewma/ewma.json)
library(jsonlite)
source("test/golden/real-series-be.R")

ewma_case <- function(name, source, x, periods, lambda = 0.2, L = 3, baseline = length(x), estimator = "moving-range",
                      asymptotic = FALSE) {
  b <- x[seq_len(baseline)]
  target <- mean(b)
  sigma <- if (estimator == "sd") sd(b) else mean(abs(diff(b))) / (2 / sqrt(pi))
  z <- as.numeric(stats::filter(lambda * x, 1 - lambda, method = "recursive", init = target))
  t <- seq_along(x)
  f <- if (asymptotic) rep(lambda / (2 - lambda), length(x)) else lambda / (2 - lambda) * (1 - (1 - lambda)^(2 * t))
  lower <- target - L * sigma * sqrt(f)
  upper <- target + L * sigma * sqrt(f)
  out <- which(z > upper | z < lower)
  list(name = name, source = source, lambda = lambda, L = L, baseline = baseline, sigmaEstimator = estimator,
       asymptotic = asymptotic, input = x, periods = periods, target = target, sigma = sigma, statistic = z,
       lower = lower, upper = upper, alertIndex = out - 1, alertPeriod = periods[out],
       alertDirection = ifelse(z[out] > upper[out], "above", "below"))
}

set.seed(20261129)
sim <- c(rnorm(40, 100, 5), rnorm(20, 106, 5))  # the mean shifts by 1.2 sigma after 40 periods
asylum <- be_asylum_monthly()
# Monthly asylum applications charted against the 2012-2014 baseline, as an early warning set up in early 2015
# would have been (the falling level within 2012-2014 itself raises alerts inside the baseline).
imm <- be_immigration_annual()
cases <- list(
  ewma_case("simulated shift, baseline 40", "simulated N(100, 5^2) for 40 periods then N(106, 5^2), seed 20261129",
            sim, sprintf("t%02d", seq_along(sim)), baseline = 40),
  ewma_case("simulated shift, lambda 0.1, L 2.814, sd, asymptotic", "the same series", sim, sprintf("t%02d", seq_along(sim)),
            lambda = 0.1, L = 2.814, baseline = 40, estimator = "sd", asymptotic = TRUE),
  ewma_case("asylum BE monthly, baseline 2012-2014", "UNHCR monthly asylum applications, Belgium, summed over origins, suppressed cells left out",
            asylum$value, asylum$period, baseline = 36),
  ewma_case("immigration BE annual, lambda 0.3", "Eurostat migr_imm1ctz, BE, Total (2008 and 2009 are absent from the file and skipped)",
            imm$value, imm$period, lambda = 0.3, L = 2.5, baseline = 10)
)
out <- list(generatedBy = "test/golden/ewma/make.R", R = R.version.string,
            packages = list(stats = as.character(packageVersion("stats")), jsonlite = as.character(packageVersion("jsonlite"))),
            cases = cases)
write_json(out, "test/golden/ewma/ewma.json", auto_unbox = TRUE, digits = NA)

# Golden file for src/analysis/cusum.ts: strucchange::efp(y ~ 1 | y ~ trend, type = "OLS-CUSUM") and sctest of it.
# Regenerate from the repo root with: Rscript test/golden/cusum/make.R
suppressMessages(library(strucchange))
source("test/golden/golden-io.R"); source("test/golden/break-series.R")
s <- break_series()
cusum_case <- function(series, trend) {
  y <- series$y; n <- length(y); trendv <- 1:n
  e <- if (trend) efp(y ~ trendv, type = "OLS-CUSUM") else efp(y ~ 1, type = "OLS-CUSUM")
  r <- sctest(e)
  list(name = series$name, periods = series$periods, y = series$y, trend = trend,
       expected = list(statistic = unname(r$statistic), p = unname(r$p.value), process = I(as.numeric(e$process)),
                       critical5 = boundary(e, alpha = 0.05)[1]))
}
cases <- list(
  cusum_case(s$mean_shift, FALSE), cusum_case(s$white_noise, FALSE), cusum_case(s$white_noise, TRUE),
  cusum_case(s$trend_break, TRUE), cusum_case(s$asylum, FALSE), cusum_case(s$asylum, TRUE),
  cusum_case(s$unemployment_for, FALSE), cusum_case(s$unemployment_gap, TRUE), cusum_case(s$immigration, FALSE)
)
write_golden(list(meta = golden_meta(c("strucchange", "stats", "jsonlite")), cases = cases), "test/golden/cusum/cusum.json")

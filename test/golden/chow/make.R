# Golden file for src/analysis/chow.ts: strucchange::sctest(y ~ 1 | y ~ trend, type = "Chow", point = p).
# Regenerate from the repo root with: Rscript test/golden/chow/make.R
suppressMessages(library(strucchange))
source("test/golden/golden-io.R"); source("test/golden/break-series.R")
s <- break_series()
chow_case <- function(series, trend, point) {
  y <- series$y; n <- length(y); trendv <- 1:n
  r <- if (trend) sctest(y ~ trendv, type = "Chow", point = point) else sctest(y ~ 1, type = "Chow", point = point)
  list(name = series$name, periods = series$periods, y = series$y, trend = trend, point = point,
       expected = list(F = unname(r$statistic), p = unname(r$p.value)))
}
cases <- list(
  chow_case(s$mean_shift, FALSE, 40), chow_case(s$mean_shift, FALSE, 20), chow_case(s$white_noise, FALSE, 40),
  chow_case(s$trend_break, TRUE, 30), chow_case(s$trend_break, FALSE, 30),
  chow_case(s$asylum, FALSE, which(s$asylum$periods == "2015-08")),
  chow_case(s$asylum, TRUE, which(s$asylum$periods == "2015-08")),
  chow_case(s$unemployment_for, TRUE, which(s$unemployment_for$periods == "2008")),
  chow_case(s$immigration, FALSE, which(s$immigration$periods == "2015"))
)
write_golden(list(meta = golden_meta(c("strucchange", "stats", "jsonlite")), cases = cases), "test/golden/chow/chow.json")

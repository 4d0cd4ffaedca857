# Golden file for src/analysis/supF.ts: strucchange::sctest(Fstats(y ~ 1 | y ~ trend, from = trim), type = "supF")
# with the Fstats object's statistics and breakpoint.
# Regenerate from the repo root with: Rscript test/golden/supf/make.R
suppressMessages(library(strucchange))
source("test/golden/golden-io.R"); source("test/golden/break-series.R")
s <- break_series()
supf_case <- function(series, trend, trim) {
  y <- series$y; n <- length(y); trendv <- 1:n
  fs <- suppressWarnings(if (trend) Fstats(y ~ trendv, from = trim) else Fstats(y ~ 1, from = trim))
  r <- sctest(fs, type = "supF")
  list(name = series$name, periods = series$periods, y = series$y, trend = trend, trim = trim,
       expected = list(supF = unname(r$statistic), p = unname(r$p.value), breakpoint = fs$breakpoint,
                       Fstats = I(as.numeric(fs$Fstats)), from = as.integer(round(time(fs$Fstats)[1] * n)), lambda = fs$par))
}
cases <- list(
  supf_case(s$mean_shift, FALSE, 0.15), supf_case(s$white_noise, FALSE, 0.15), supf_case(s$white_noise, TRUE, 0.15),
  supf_case(s$two_shifts, FALSE, 0.1), supf_case(s$trend_break, TRUE, 0.15), supf_case(s$trend_break, FALSE, 0.2),
  supf_case(s$asylum, FALSE, 0.15), supf_case(s$asylum, TRUE, 0.15), supf_case(s$unemployment_for, FALSE, 0.15),
  supf_case(s$unemployment_for, TRUE, 0.15), supf_case(s$unemployment_gap, FALSE, 0.15),
  supf_case(s$immigration, FALSE, 0.15)
)
write_golden(list(meta = golden_meta(c("strucchange", "stats", "jsonlite")), cases = cases), "test/golden/supf/supf.json")

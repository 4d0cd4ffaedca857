# Golden file for src/analysis/breakpoints.ts and baiInterval.ts: strucchange::breakpoints(y ~ 1 | y ~ trend,
# h = trim, breaks = max), summary(bp)$RSS, breakpoints(bp)$breakpoints (number chosen by BIC), and
# confint(bp, breaks = m)$confint for every m (NA where strucchange cannot compute an interval).
# Regenerate from the repo root with: Rscript test/golden/breakpoints/make.R
suppressMessages(library(strucchange))
source("test/golden/golden-io.R"); source("test/golden/break-series.R")
s <- break_series()
bp_case <- function(series, trend, trim, maxBreaks = NULL) {
  y <- series$y; n <- length(y); trendv <- 1:n
  bp <- if (trend) breakpoints(y ~ trendv, h = trim, breaks = maxBreaks) else breakpoints(y ~ 1, h = trim, breaks = maxBreaks)
  sm <- summary(bp)
  mmax <- ncol(bp$RSS.table) / 2
  byCount <- lapply(1:mmax, function(m) I(breakpoints(bp, breaks = m)$breakpoints))
  ci <- lapply(1:mmax, function(m) {
    r <- suppressWarnings(confint(bp, breaks = m)$confint)
    unname(r)
  })
  chosen <- breakpoints(bp)$breakpoints
  list(name = series$name, periods = series$periods, y = series$y, trend = trend, trim = trim,
       maxBreaks = maxBreaks,
       expected = list(h = floor(trim * n), maxBreaks = mmax, rss = I(unname(sm$RSS["RSS", ])),
                       bic = I(unname(sm$RSS["BIC", ])), breaksByCount = byCount, ci = ci,
                       chosen = if (all(is.na(chosen))) I(integer(0)) else I(chosen)))
}
cases <- list(
  bp_case(s$two_shifts, FALSE, 0.15), bp_case(s$mean_shift, FALSE, 0.15), bp_case(s$white_noise, FALSE, 0.15),
  bp_case(s$trend_break, TRUE, 0.15), bp_case(s$trend_break, FALSE, 0.1, 4),
  bp_case(s$asylum, FALSE, 0.15), bp_case(s$asylum, TRUE, 0.15), bp_case(s$asylum, FALSE, 0.1, 5),
  bp_case(s$unemployment_for, FALSE, 0.15), bp_case(s$unemployment_for, TRUE, 0.15),
  bp_case(s$unemployment_gap, FALSE, 0.15), bp_case(s$unemployment_gap, TRUE, 0.2)
)
write_golden(list(meta = golden_meta(c("strucchange", "stats", "jsonlite")), cases = cases),
             "test/golden/breakpoints/breakpoints.json")

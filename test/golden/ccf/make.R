# Golden file for src/analysis/crossCorrelation.ts and src/analysis/autoregression.ts: stats::ccf(x, y) at lags
# -K..K, plain and after pre-whitening both series with the AR model of x chosen by AIC (stats::ar(x), method
# "yule-walker", the default), filtered by stats::filter(., c(1, -ar), sides = 1) with the leading NAs omitted.
# Regenerate from the repository root with:  Rscript test/golden/ccf/make.R   (writes test/golden/ccf/ccf.json)
#
# Inputs: a simulated pair (seed 7: x AR(1) with phi 0.7, y = 0.8 x[t-2] + AR(1) noise, 120 points, so y follows
# x by two periods) and the Belgian unemployment rates (Eurostat lfsa_urgan, sex T, age Y15-64, in %; x =
# nationals NAT, y = foreigners FOR, 1995-2024, no missing year; the `b` break flags of 1999, 2001, 2005, 2011,
# 2017 and 2021 are kept in the JSON but do not enter the computation).
library(jsonlite)
source("test/golden/golden-io.R")
source("test/golden/real-series-be.R")

ccf_case <- function(name, source, x, y, lag_max) {
  plain <- ccf(x, y, lag.max = lag_max, plot = FALSE)
  a <- ar(x)
  wx <- stats::filter(x, c(1, -a$ar), sides = 1)
  wy <- stats::filter(y, c(1, -a$ar), sides = 1)
  white <- ccf(as.numeric(wx), as.numeric(wy), lag.max = lag_max, plot = FALSE, na.action = na.omit)
  default_lag <- ccf(x, y, plot = FALSE)
  list(
    name = name, source = source, x = x, y = y, lag_max = lag_max,
    ccf = list(lag = as.numeric(plain$lag), r = as.numeric(plain$acf)),
    ccf_default_lag_max = max(as.numeric(default_lag$lag)),
    ar = list(order = a$order, coefficients = I(as.numeric(a$ar)), var_pred = as.numeric(a$var.pred),
              x_mean = as.numeric(a$x.mean), aic = as.numeric(a$aic), order_max = a$order.max),
    prewhitened = list(lag = as.numeric(white$lag), r = as.numeric(white$acf), n_used = white$n.used)
  )
}

set.seed(7)
n <- 120
x <- as.numeric(arima.sim(list(ar = 0.7), n = n + 2))
e <- as.numeric(arima.sim(list(ar = 0.5), n = n))
y <- 0.8 * x[1:n] + e
x <- exact_input(x[3:(n + 2)])
y <- exact_input(y)

u <- unemployment_rates("BE", c("NAT", "FOR"))
nat <- u[u$citizen == "NAT", ]
nat <- nat[order(nat$period), ]
frn <- u[u$citizen == "FOR", ]
frn <- frn[order(frn$period), ]
stopifnot(identical(nat$period, frn$period), !anyNA(nat$value), !anyNA(frn$value))

cases <- list(
  ccf_case("simulated: y follows x by 2 periods", "set.seed(7), arima.sim", x, y, 8),
  ccf_case("Belgian unemployment rate, nationals (x) and foreigners (y), 1995-2024",
           "Eurostat lfsa_urgan, BE, T, Y15-64, NAT and FOR", nat$value, frn$value, 6)
)
cases[[2]]$period <- nat$period
cases[[2]]$flag <- nat$flag

out <- c(golden_meta(c("stats", "jsonlite")), list(cases = cases))
write_golden(out, "test/golden/ccf/ccf.json")

# Golden file for src/analysis/hac.ts: sandwich::NeweyWest and sandwich::vcovCL with lmtest::coeftest.
# Regenerate from the repo root with: Rscript test/golden/hac/make.R
# Vectors that may have length 1 are wrapped in I() so that jsonlite keeps them arrays.
suppressMessages({ library(sandwich); library(lmtest) })
source("test/golden/golden-io.R")

table_of <- function(ct) list(estimate = I(unname(ct[, 1])), se = I(unname(ct[, 2])), t = I(unname(ct[, 3])),
                              p = I(unname(ct[, 4])))
nw_case <- function(name, y, x, xNames, lag, prewhite, adjust, periods = NULL) {
  d <- data.frame(y = y)
  for (j in seq_along(x)) d[[xNames[j]]] <- x[[j]]
  fit <- lm(y ~ ., data = d)
  v <- NeweyWest(fit, lag = lag, prewhite = prewhite, adjust = adjust)
  list(name = name, periods = periods, y = y, x = x, xNames = I(xNames), lag = lag, prewhite = prewhite,
       adjust = adjust, expected = c(list(vcov = unname(v)), table_of(coeftest(fit, vcov. = v))))
}
cl_case <- function(name, y, x, xNames, cluster, type, cadjust) {
  d <- data.frame(y = y)
  for (j in seq_along(x)) d[[xNames[j]]] <- x[[j]]
  fit <- lm(y ~ ., data = d)
  v <- vcovCL(fit, cluster = cluster, type = type, cadjust = cadjust)
  list(name = name, y = y, x = x, xNames = I(xNames), cluster = cluster, type = type, cadjust = cadjust,
       expected = c(list(vcov = unname(v)), table_of(coeftest(fit, vcov. = v))))
}

set.seed(20261127)
n <- 80
trend <- 1:n
e <- exact_input(as.numeric(arima.sim(list(ar = 0.6), n)))
y <- exact_input(10 + 0.2 * trend + e)
z <- exact_input(rnorm(n))
nw <- list(
  nw_case("simulated AR(1) errors, y ~ trend + z, lag 0", y, list(trend, z), c("trend", "z"), 0, FALSE, FALSE),
  nw_case("simulated AR(1) errors, y ~ trend + z, lag 4", y, list(trend, z), c("trend", "z"), 4, FALSE, FALSE),
  nw_case("simulated AR(1) errors, y ~ trend + z, lag 4, adjust", y, list(trend, z), c("trend", "z"), 4, FALSE, TRUE),
  nw_case("simulated AR(1) errors, y ~ trend + z, lag 2, prewhite", y, list(trend, z), c("trend", "z"), 2, TRUE, FALSE),
  nw_case("simulated AR(1) errors, y ~ trend + z, lag 3, prewhite, adjust", y, list(trend, z), c("trend", "z"), 3, TRUE, TRUE)
)
asy <- be_asylum_monthly()
nw[[length(nw) + 1]] <- nw_case("UNHCR Belgium monthly asylum applications 2012-01..2017-06 ~ trend, lag 3",
  asy$value, list(seq_along(asy$value)), c("trend"), 3, FALSE, FALSE, periods = asy$period)
nat <- be_unemployment("NAT"); frn <- be_unemployment("FOR")
nw[[length(nw) + 1]] <- nw_case("Eurostat lfsa_urgan BE 1995-2024 unemployment FOR ~ NAT, lag 2, prewhite",
  frn$value, list(nat$value), c("nat"), 2, TRUE, FALSE, periods = nat$period)

g <- rep(1:12, each = 10)
ug <- rnorm(12)[g]
x1 <- exact_input(rnorm(120) + ug)
yc <- exact_input(1 + 0.5 * x1 + ug + rnorm(120))
cl <- list(
  cl_case("simulated 12 clusters of 10, y ~ x1, HC1", yc, list(x1), c("x1"), g, "HC1", TRUE),
  cl_case("simulated 12 clusters of 10, y ~ x1, HC0 without cadjust", yc, list(x1), c("x1"), g, "HC0", FALSE)
)
f <- file.path(shared_data(), "eurostat", "sdmx-csv", "unemployment_rates_yearly.csv.gz")
u <- read.csv(gzfile(f), stringsAsFactors = FALSE)
u <- u[u$sex == "T" & u$age == "Y15-64" & u$citizen %in% c("NAT", "FOR") & u$TIME_PERIOD >= 2010 &
       nchar(u$geo) == 2 & !is.na(u$OBS_VALUE), ]
u <- u[order(u$geo, u$citizen, u$TIME_PERIOD), ]
cl[[length(cl) + 1]] <- cl_case(
  "Eurostat lfsa_urgan 2010-2024, Y15-64, T, all countries: rate ~ foreign + year, clustered by country, HC1",
  u$OBS_VALUE, list(as.numeric(u$citizen == "FOR"), u$TIME_PERIOD - 2010), c("foreign", "year"), u$geo,
  "HC1", TRUE)

write_golden(list(meta = golden_meta(c("sandwich", "lmtest", "stats", "jsonlite")), neweyWest = nw,
                  cluster = cl), "test/golden/hac/hac.json")

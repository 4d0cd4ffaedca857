# Golden file for src/analysis/exponentialSmoothing.ts: forecast::ets with additive errors (ANN, AAN, AAdN) and
# forecast() with 80 and 95 % intervals. forecast 8.20 is Debian's r-cran-forecast; statsmodels' ETSModel would
# be the Python alternative, forecast::ets was chosen because its optimiser (R's Nelder-Mead) can be ported.
# Regenerate from the repository root with:  Rscript test/golden/ets/make.R   (writes test/golden/ets/ets.json)
suppressPackageStartupMessages({ library(jsonlite); library(forecast) })
source("test/golden/real-series-be.R")

ets_case <- function(name, source, y, model, damped = FALSE, h = 8) {
  fit <- ets(ts(y), model = model, damped = damped)
  fc <- forecast(fit, h = h, level = c(80, 95))
  p <- fit$par
  get <- function(k) if (k %in% names(p)) unname(p[[k]]) else NULL
  list(name = name, source = source, model = if (damped) "damped" else if (model == "AAN") "holt" else "simple",
       input = as.numeric(y), horizon = h,
       parameters = list(alpha = get("alpha"), beta = get("beta"), phi = get("phi"), level0 = get("l"), trend0 = get("b")),
       logLik = fit$loglik, aic = fit$aic, aicc = fit$aicc, bic = fit$bic, sigma2 = fit$sigma2,
       residuals = as.numeric(residuals(fit)), fitted = as.numeric(fitted(fit)),
       evaluations = fit$fit$fncount, fail = fit$fit$fail,
       forecast = as.numeric(fc$mean),
       lower80 = as.numeric(fc$lower[, 1]), upper80 = as.numeric(fc$upper[, 1]),
       lower95 = as.numeric(fc$lower[, 2]), upper95 = as.numeric(fc$upper[, 2]))
}

set.seed(20261130)
level_sim <- 50 + cumsum(rnorm(60, 0, 1.5)) * 0.3 + rnorm(60, 0, 3)
trend_sim <- 20 + 0.8 * (1:60) + cumsum(rnorm(60, 0, 1)) + rnorm(60, 0, 2)
imm <- be_immigration_annual()
recent <- imm$period >= "2010"
u <- unemployment_rates("BE", "FOR")
u <- u[order(u$period), ]
asylum <- be_asylum_monthly()
imm_src <- "Eurostat migr_imm1ctz, BE, Total, 2010-2023 (consecutive years; 2008-2009 are absent from the file)"
u_src <- "Eurostat lfsa_urgan, BE, foreign citizens (FOR), 15-64, total, unemployment rate %, 1995-2024"
a_src <- "UNHCR monthly asylum applications, Belgium, summed over origins, suppressed cells left out, 2012-01 to 2017-06"
cases <- list(
  ets_case("simulated level, ANN", "simulated local level, seed 20261130", level_sim, "ANN"),
  ets_case("simulated trend, AAN", "simulated linear trend plus random walk, seed 20261130", trend_sim, "AAN"),
  ets_case("simulated trend, AAdN", "the same series", trend_sim, "AAN", damped = TRUE),
  ets_case("immigration BE, ANN", imm_src, imm$value[recent], "ANN"),
  ets_case("immigration BE, AAN", imm_src, imm$value[recent], "AAN"),
  ets_case("unemployment of foreigners BE, AAdN", u_src, u$value, "AAN", damped = TRUE),
  ets_case("unemployment of foreigners BE, AAN", u_src, u$value, "AAN"),
  ets_case("asylum BE monthly, ANN", a_src, asylum$value, "ANN", h = 12)
)
out <- list(generatedBy = "test/golden/ets/make.R", R = R.version.string,
            packages = list(forecast = as.character(packageVersion("forecast")), jsonlite = as.character(packageVersion("jsonlite"))),
            cases = cases)
write_json(out, "test/golden/ets/ets.json", auto_unbox = TRUE, digits = NA, null = "null")

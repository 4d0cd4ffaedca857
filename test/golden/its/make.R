# Golden file for src/analysis/interruptedTimeSeries.ts (and poissonGlm.ts): segmented regression with
# R lm / glm(family = poisson) + lmtest::coeftest(fit, vcov = sandwich::NeweyWest(fit, lag = L, prewhite = FALSE)).
# Design: time = 1..n (position in the series, gaps kept), post = time >= t0, since = (time - t0) * post, and for
# seasonal cases factor(season) with season 1 as reference. interventionIndex in the JSON is t0 - 1 (0-based).
# Regenerate from the repo root with: Rscript test/golden/its/make.R
suppressMessages({ library(sandwich); library(lmtest) })
source("test/golden/golden-io.R")

its_case <- function(name, y, t0, lag, model = "gaussian", frequency = NULL, firstSeason = NULL, periods = NULL) {
  n <- length(y)
  time <- 1:n
  post <- as.numeric(time >= t0)
  since <- (time - t0) * post
  d <- data.frame(y = y, time = time, post = post, timeSinceIntervention = since)
  f <- y ~ time + post + timeSinceIntervention
  if (!is.null(frequency)) {
    d$season <- factor((firstSeason - 1 + time - 1) %% frequency + 1, levels = 1:frequency)
    f <- y ~ time + post + timeSinceIntervention + season
  }
  fit <- if (model == "poisson") glm(f, data = d, family = poisson) else lm(f, data = d)
  v <- NeweyWest(fit, lag = lag, prewhite = FALSE)
  ct <- coeftest(fit, vcov. = v)
  plain <- coef(summary(fit))
  list(name = name, periods = periods, y = y, interventionIndex = t0 - 1, lag = lag, model = model,
       seasonal = if (is.null(frequency)) NULL else list(frequency = frequency, firstSeason = firstSeason),
       expected = list(names = I(rownames(ct)), estimate = I(unname(ct[, 1])), se = I(unname(ct[, 2])),
                       t = I(unname(ct[, 3])), p = I(unname(ct[, 4])), modelSe = I(unname(plain[, 2])),
                       modelP = I(unname(plain[, 4])), vcov = unname(v), fitted = I(unname(fitted(fit))),
                       deviance = if (model == "poisson") deviance(fit) else NULL,
                       aic = if (model == "poisson") AIC(fit) else NULL,
                       iterations = if (model == "poisson") fit$iter else NULL))
}

cases <- list()
set.seed(20261128)
n <- 40
e <- as.numeric(arima.sim(list(ar = 0.4), n, sd = 2))
y <- exact_input(50 + 0.5 * (1:n) + ifelse(1:n >= 21, 6 - 0.4 * ((1:n) - 21), 0) + e)
cases[[1]] <- its_case("simulated n = 40, AR(1) errors, level +6 and slope -0.4 at t = 21, lag 2", y, 21, 2)

n <- 72
m <- ((1:n) - 1) %% 12 + 1
y <- exact_input(200 + 1.5 * (1:n) + 15 * sin(2 * pi * m / 12) + ifelse(1:n >= 37, -30 + 0.8 * ((1:n) - 37), 0) +
  as.numeric(arima.sim(list(ar = 0.3), n, sd = 6)))
cases[[2]] <- its_case("simulated monthly n = 72 from March, seasonal, break at t = 37, lag 3", y, 37, 3,
  frequency = 12, firstSeason = 3)

n <- 48
lam <- exp(1.2 + 0.01 * (1:n) + ifelse(1:n >= 25, 0.5 + 0.02 * ((1:n) - 25), 0))
y <- rpois(n, lam)
cases[[3]] <- its_case("simulated Poisson counts n = 48 (mean about 3 to 8), break at t = 25, lag 2", y, 25, 2,
  model = "poisson")

asy <- be_asylum_monthly()
t0 <- which(asy$period == "2016-04")
cases[[4]] <- its_case(
  "UNHCR Belgium monthly asylum applications 2012-01..2017-06, intervention 2016-04 (after the EU-Turkey statement of 18 March 2016), seasonal, lag 3",
  asy$value, t0, 3, frequency = 12, firstSeason = 1, periods = asy$period)
cases[[5]] <- its_case(
  "UNHCR Belgium monthly asylum applications, Poisson GLM, intervention 2016-04, seasonal, lag 3",
  asy$value, t0, 3, model = "poisson", frequency = 12, firstSeason = 1, periods = asy$period)

imm <- be_immigration_annual()
cases[[6]] <- its_case(
  "Eurostat migr_imm1ctz BE Total 1998-2023 (2008-2009 missing), intervention 2012 (family reunification law of 8 July 2011 in force 22 September 2011), lag 1",
  imm$value, which(imm$period == "2012"), 1, periods = imm$period)

write_golden(list(meta = golden_meta(c("sandwich", "lmtest", "stats", "jsonlite")), cases = cases),
             "test/golden/its/its.json")

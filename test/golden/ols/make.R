# Golden file for src/analysis/ols.ts: R's lm / summary.lm / logLik / AIC / BIC.
# Regenerate from the repo root with: Rscript test/golden/ols/make.R
# Vectors that may have length 1 are wrapped in I() so that jsonlite keeps them arrays.
# Writes test/golden/ols/ols.json (inputs and R's outputs together, with the R and package versions).
source("test/golden/golden-io.R")

summarise <- function(fit) {
  s <- summary(fit)
  ct <- coef(s)
  fs <- s$fstatistic
  list(
    names = I(rownames(ct)),
    estimate = I(unname(ct[, 1])), se = I(unname(ct[, 2])), t = I(unname(ct[, 3])), p = I(unname(ct[, 4])),
    vcov = unname(vcov(fit)),
    rSquared = s$r.squared, adjustedRSquared = s$adj.r.squared, sigma = s$sigma,
    f = if (is.null(fs)) NULL else unname(fs[1]), df1 = if (is.null(fs)) NULL else unname(fs[2]),
    df2 = if (is.null(fs)) NULL else unname(fs[3]),
    fP = if (is.null(fs)) NULL else unname(pf(fs[1], fs[2], fs[3], lower.tail = FALSE)),
    logLik = as.numeric(logLik(fit)), aic = AIC(fit), bic = BIC(fit),
    residuals = unname(residuals(fit)), fitted = unname(fitted(fit)), dfResidual = fit$df.residual
  )
}

cases <- list()

set.seed(20261126)
n <- 60
x1 <- exact_input(rnorm(n)); x2 <- exact_input(runif(n, 0, 10))
y <- exact_input(1 + 2 * x1 - 0.5 * x2 + rnorm(n, sd = 1.5))
cases[[length(cases) + 1]] <- list(name = "simulated y ~ x1 + x2 (n = 60, seed 20261126)", intercept = TRUE,
  y = y, x = list(x1, x2), xNames = I(c("x1", "x2")), expected = summarise(lm(y ~ x1 + x2)))

z <- exact_input(rnorm(25, mean = 3))
w <- exact_input(2 * z + rnorm(25))
cases[[length(cases) + 1]] <- list(name = "simulated y ~ 0 + z (no intercept, n = 25)", intercept = FALSE,
  y = w, x = list(z), xNames = I("z"), expected = summarise(lm(w ~ 0 + z)))

v <- exact_input(rexp(12))
cases[[length(cases) + 1]] <- list(name = "simulated y ~ 1 (intercept only, n = 12)", intercept = TRUE,
  y = v, x = list(), xNames = I(character(0)), expected = summarise(lm(v ~ 1)))

nat <- be_unemployment("NAT"); frn <- be_unemployment("FOR")
stopifnot(identical(nat$period, frn$period))
cases[[length(cases) + 1]] <- list(
  name = "Eurostat lfsa_urgan BE 1995-2024, Y15-64, T: unemployment rate FOR ~ NAT", intercept = TRUE,
  periods = nat$period, y = frn$value, x = list(nat$value), xNames = I("nat"),
  expected = with(list(foreign = frn$value, nat = nat$value), summarise(lm(foreign ~ nat))))

imm <- be_immigration_annual()
trend <- seq_along(imm$value)
cases[[length(cases) + 1]] <- list(
  name = "Eurostat migr_imm1ctz BE Total 1998-2023 (2008-2009 missing): immigration ~ trend", intercept = TRUE,
  periods = imm$period, y = imm$value, x = list(trend), xNames = I("trend"),
  expected = with(list(immigration = imm$value), summarise(lm(immigration ~ trend))))

write_golden(list(meta = golden_meta(c("stats", "jsonlite")), cases = cases), "test/golden/ols/ols.json")

# Golden file for src/analysis/syntheticControl.ts: donor weights by quadprog::solve.QP on the synthetic control
# quadratic programme (min ||x1 - X0 w||^2, w >= 0, sum w = 1, pre-period outcomes only), RMSPE before and after
# the event, and the in-space placebos (each donor treated in turn against the other donors).
# Regenerate from the repository root with:  Rscript test/golden/synth/make.R   (writes test/golden/synth/synth.json)
library(jsonlite)
library(quadprog)
source("test/golden/real-series-be.R")

weights_qp <- function(x1, X0) {
  J <- ncol(X0)
  sol <- solve.QP(Dmat = crossprod(X0), dvec = drop(crossprod(X0, x1)), Amat = cbind(rep(1, J), diag(J)),
                  bvec = c(1, rep(0, J)), meq = 1)
  w <- pmax(sol$solution, 0)  # solve.QP can return -1e-17 for active bounds
  w / sum(w)
}
fit_synth <- function(Y, treated, donors, pre) {
  w <- weights_qp(Y[pre, treated], Y[pre, donors, drop = FALSE])
  synthetic <- drop(Y[, donors, drop = FALSE] %*% w)
  gap <- Y[, treated] - synthetic
  list(weights = w, synthetic = synthetic, gap = gap,
       rmspePre = sqrt(mean(gap[pre]^2)), rmspePost = sqrt(mean(gap[!pre]^2)))
}
synth_case <- function(name, source, long, treated, event) {
  Y <- tapply(long$value, list(long$period, long$unit), identity)
  periods <- rownames(Y)
  donors <- setdiff(colnames(Y), treated)
  pre <- periods < event
  main <- fit_synth(Y, treated, donors, pre)
  placebos <- lapply(donors, function(d) {
    f <- fit_synth(Y, d, setdiff(donors, d), pre)
    list(unit = d, rmspePre = f$rmspePre, rmspePost = f$rmspePost, ratio = f$rmspePost / f$rmspePre)
  })
  ratio <- main$rmspePost / main$rmspePre
  ratios <- vapply(placebos, function(p) p$ratio, 0)
  list(name = name, source = source, treated = treated, event = event,
       input = list(unit = long$unit, period = long$period, value = long$value),
       donors = donors, weights = main$weights, synthetic = main$synthetic, gap = as.numeric(main$gap),
       rmspePre = main$rmspePre, rmspePost = main$rmspePost, ratio = ratio,
       placeboRank = 1 + sum(ratios > ratio), placebos = placebos)
}

set.seed(20261128)
periods <- as.character(2000:2020)
donors <- sprintf("D%d", 1:6)
factors <- cbind(1, cumsum(rnorm(21)), sin(seq_along(periods) / 3))
loadings <- rbind(c(5, 1, 2), c(6, 0.5, -1), c(4, 1.5, 0.5), c(7, -0.5, 1), c(5.5, 0.8, -2), c(3, 1.2, 3))
Y <- factors %*% t(loadings) + matrix(rnorm(21 * 6, sd = 0.3), 21, 6)
w_true <- c(0.5, 0.3, 0.2, 0, 0, 0)
treated <- drop(Y %*% w_true) + rnorm(21, sd = 0.2) + c(rep(0, 15), seq(1, 3, length.out = 6))
sim <- data.frame(unit = rep(c("T", donors), each = 21), period = rep(periods, 7), value = c(treated, Y),
                  stringsAsFactors = FALSE)
outside <- sim
outside$value[outside$unit == "T"] <- outside$value[outside$unit == "T"] + 2  # treated above every donor mix

geos <- c("BE", "NL", "FR", "DE", "LU", "AT", "DK", "SE", "FI")
u <- unemployment_rates(geos, "FOR")
u <- u[u$period >= "2003" & u$period <= "2023", ]
real <- data.frame(unit = u$geo, period = u$period, value = u$value, stringsAsFactors = FALSE)

cases <- list(
  synth_case("simulated factor model", "simulated: 6 donors from a 3-factor model, treated = .5 D1 + .3 D2 + .2 D3 + noise, effect from 2015, seed 20261128",
             sim, "T", "2015"),
  synth_case("simulated outside the convex hull", "the same with the treated unit shifted up by 2", outside, "T", "2015"),
  synth_case("unemployment of foreigners, BE from 2015",
             paste("Eurostat lfsa_urgan unemployment rate (%) of foreign citizens (FOR), 15-64, total, 2003-2023, BE and donors",
                   paste(geos[-1], collapse = " ")), real, "BE", "2015")
)
out <- list(generatedBy = "test/golden/synth/make.R", R = R.version.string,
            packages = list(quadprog = as.character(packageVersion("quadprog")), jsonlite = as.character(packageVersion("jsonlite"))),
            cases = cases)
write_json(out, "test/golden/synth/synth.json", auto_unbox = TRUE, digits = NA)

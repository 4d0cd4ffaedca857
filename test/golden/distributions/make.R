# Golden file for src/analysis/distributions.ts: R's pt, pf, pchisq, pnorm upper tails and qt, qnorm.
# Regenerate from the repo root with: Rscript test/golden/distributions/make.R
source("test/golden/golden-io.R")
grid_t <- expand.grid(x = c(-4, -1.3, 0, 0.5, 2.1, 6, 12, 40), df = c(1, 3, 17, 58, 1000, 1e6))
grid_f <- expand.grid(x = c(1e-8, 0.3, 1, 1.1, 3.3, 12, 80, 400), df1 = c(1, 3, 10, 500), df2 = c(2, 20, 300, 1e5))
grid_c <- expand.grid(x = c(0.01, 0.7, 3, 9.5, 30, 120, 700, 1e4), df = c(1, 2, 7, 40, 9000))
z <- c(-8, -2.5, -0.3, 0, 0.4, 1.96, 5, 9, 20, 37)
p <- c(1e-10, 0.001, 0.025, 0.3, 0.5, 0.9, 0.975, 0.999999)
write_golden(list(
  meta = golden_meta(c("stats", "jsonlite")),
  t = list(x = grid_t$x, df = grid_t$df, upper = pt(grid_t$x, grid_t$df, lower.tail = FALSE),
           twoSided = 2 * pt(-abs(grid_t$x), grid_t$df)),
  f = list(x = grid_f$x, df1 = grid_f$df1, df2 = grid_f$df2, upper = pf(grid_f$x, grid_f$df1, grid_f$df2, lower.tail = FALSE)),
  chisq = list(x = grid_c$x, df = grid_c$df, upper = pchisq(grid_c$x, grid_c$df, lower.tail = FALSE),
               lower = pchisq(grid_c$x, grid_c$df)),
  normal = list(z = z, upper = pnorm(z, lower.tail = FALSE), twoSided = 2 * pnorm(-abs(z))),
  quantile = list(p = p, qnorm = qnorm(p), qt5 = qt(p, 5), qt30 = qt(p, 30))
), "test/golden/distributions/distributions.json")

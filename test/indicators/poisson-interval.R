# The exact Poisson intervals quoted in test/indicators/formulas.test.ts ("poissonInterval(x) equals R's
# poisson.test(x)$conf.int"). Run from the repository root with:  Rscript test/indicators/poisson-interval.R
# (R 4.2, base stats only). Prints x, lower, upper at 17 significant digits.
options(digits = 17)
cat(R.version.string, "\n")
for (x in c(0, 1, 10, 19, 500, 100000)) {
  ci <- poisson.test(x)$conf.int
  cat(sprintf("%d %.17g %.17g\n", x, ci[1], ci[2]))
}

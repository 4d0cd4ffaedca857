# Golden file for src/analysis/nelderMead.ts: R's optim(method = "Nelder-Mead") (nmmin in src/appl/optim.c) on
# test functions, with its evaluation count, so the port can be checked step for step.
# Regenerate from the repository root with:  Rscript test/golden/nelderMead/make.R   (writes nelderMead.json)
library(jsonlite)
run <- function(name, fn, start, maxit = 500) {
  o <- optim(start, fn, method = "Nelder-Mead", control = list(maxit = maxit))
  list(name = name, start = start, maxit = maxit, par = o$par, value = o$value,
       evaluations = unname(o$counts["function"]), convergence = o$convergence)
}
rosenbrock <- function(x) 100 * (x[2] - x[1]^2)^2 + (1 - x[1])^2
# A quadratic that is infinite outside the unit box, as ETS's target is outside the admissible region.
boxed <- function(x) if (any(abs(x) > 1)) Inf else sum((x - c(0.3, -0.2, 0.5))^2 * c(1, 10, 100))
cases <- list(
  run("rosenbrock", rosenbrock, c(-1.2, 1)),
  run("rosenbrock, maxit 50", rosenbrock, c(-1.2, 1), maxit = 50),
  run("boxed quadratic", boxed, c(0, 0, 0)),
  run("boxed quadratic from the edge", boxed, c(0.9, 0.9, -0.9))
)
out <- list(generatedBy = "test/golden/nelderMead/make.R", R = R.version.string,
            packages = list(stats = as.character(packageVersion("stats")), jsonlite = as.character(packageVersion("jsonlite"))),
            cases = cases)
write_json(out, "test/golden/nelderMead/nelderMead.json", auto_unbox = TRUE, digits = NA)

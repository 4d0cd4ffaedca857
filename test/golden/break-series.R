# The series every structural-break golden file (chow, supf, cusum, breakpoints) is computed on: simulated with
# fixed seeds, and real Belgian series from ../shared/data (see golden-io.R for how each is read).
# Sourced by test/golden/<method>/make.R after golden-io.R.

break_series <- function() {
  set.seed(20261129)
  s <- list()
  s$mean_shift <- list(name = "simulated n = 80, mean 0 then 1.2 after t = 40, N(0, 1) noise",
                       y = exact_input(c(rnorm(40), rnorm(40, mean = 1.2))))
  s$white_noise <- list(name = "simulated white noise n = 80", y = exact_input(rnorm(80)))
  s$two_shifts <- list(name = "simulated n = 120, means 10, 13, 11 with breaks after t = 40 and t = 85, sd 1",
                       y = exact_input(c(rnorm(40, 10), rnorm(45, 13), rnorm(35, 11))))
  tt <- 1:60
  s$trend_break <- list(name = "simulated n = 60, trend 0.3 then 0.3 - 0.5 after t = 30, sd 1",
                        y = exact_input(5 + 0.3 * tt - 0.5 * pmax(0, tt - 30) + rnorm(60)))
  asy <- be_asylum_monthly()
  s$asylum <- list(name = "UNHCR Belgium monthly asylum applications 2012-01..2017-06", periods = asy$period,
                   y = asy$value)
  frn <- be_unemployment("FOR")
  s$unemployment_for <- list(name = "Eurostat lfsa_urgan BE unemployment rate, foreigners, Y15-64, 1995-2024",
                             periods = frn$period, y = frn$value)
  nat <- be_unemployment("NAT")
  s$unemployment_gap <- list(name = "Eurostat lfsa_urgan BE unemployment rate gap FOR - NAT, Y15-64, 1995-2024",
                             periods = nat$period, y = frn$value - nat$value)
  imm <- be_immigration_annual()
  keep <- as.integer(imm$period) >= 2010
  s$immigration <- list(name = "Eurostat migr_imm1ctz BE Total immigration 2010-2023 (complete years)",
                        periods = imm$period[keep], y = imm$value[keep])
  s
}

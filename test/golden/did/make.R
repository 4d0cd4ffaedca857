# Golden file for src/analysis/differenceInDifferences.ts: two-way fixed effects DiD and event study with
# standard errors clustered by unit, as lm + sandwich::vcovCL(cluster = ~unit, type = "HC1") + lmtest::coeftest.
# Regenerate from the repository root with:  Rscript test/golden/did/make.R   (writes test/golden/did/did.json)
library(jsonlite)
library(sandwich)
library(lmtest)
source("test/golden/real-series-be.R")

did_case <- function(name, source, d, treated, event, reference = -1, level = 0.95) {
  d <- d[!is.na(d$value), ]
  periods <- sort(unique(d$period))
  e <- match(event, periods)
  d$rel <- match(d$period, periods) - e
  d$D <- as.numeric(d$unit %in% treated & d$rel >= 0)
  fit <- lm(value ~ D + factor(unit) + factor(period), data = d)
  v <- vcovCL(fit, cluster = ~unit, type = "HC1")
  ct <- coeftest(fit, vcov. = v)
  ci <- coefci(fit, vcov. = v, level = level)
  rels <- setdiff(sort(unique(d$rel)), reference)
  terms <- character(0)
  for (k in rels) {
    nm <- paste0("rel_", ifelse(k < 0, paste0("m", -k), k))
    d[[nm]] <- as.numeric(d$unit %in% treated & d$rel == k)
    terms <- c(terms, nm)
  }
  es <- lm(as.formula(paste("value ~", paste(terms, collapse = " + "), "+ factor(unit) + factor(period)")), data = d)
  ves <- vcovCL(es, cluster = ~unit, type = "HC1")
  ctes <- coeftest(es, vcov. = ves)
  cies <- coefci(es, vcov. = ves, level = level)
  list(name = name, source = source, treated = treated, event = event, reference = reference, level = level,
       input = list(unit = d$unit, period = d$period, value = d$value),
       estimate = ct["D", 1], se = ct["D", 2], t = ct["D", 3], p = ct["D", 4],
       ciLower = ci["D", 1], ciUpper = ci["D", 2], df = fit$df.residual,
       eventStudy = lapply(seq_along(rels), function(j) list(relative = rels[j], estimate = ctes[terms[j], 1],
         se = ctes[terms[j], 2], t = ctes[terms[j], 3], p = ctes[terms[j], 4], ciLower = cies[terms[j], 1],
         ciUpper = cies[terms[j], 2])))
}

set.seed(20261127)
units <- sprintf("U%02d", 1:12)
years <- as.character(2011:2020)
sim <- expand.grid(unit = units, period = years, stringsAsFactors = FALSE)
alpha <- setNames(rnorm(12, 10, 3), units)
gamma <- setNames(cumsum(rnorm(10, 0.3, 0.5)), years)
treated_sim <- units[1:4]
sim$value <- alpha[sim$unit] + gamma[sim$period] + 1.5 * (sim$unit %in% treated_sim & sim$period >= "2016") +
  rnorm(nrow(sim), sd = 0.8)
unbalanced <- sim
unbalanced$value[c(5, 37, 90)] <- NA  # three missing observations: the panel becomes unbalanced

geos <- c("BE", "NL", "FR", "DE", "LU", "AT", "DK", "SE", "FI", "IE")
u <- unemployment_rates(geos, "FOR")
u <- u[u$period >= "2008" & u$period <= "2023", ]
real <- data.frame(unit = u$geo, period = u$period, value = u$value, stringsAsFactors = FALSE)
real_src <- paste("Eurostat lfsa_urgan unemployment rate (%) of foreign citizens (FOR), 15-64, total, 2008-2023, countries",
                  paste(geos, collapse = " "), "; empty values missing")

cases <- list(
  did_case("simulated balanced", "simulated: 12 units, 2011-2020, effect 1.5 from 2016 for U01-U04, seed 20261127",
           sim, treated_sim, "2016"),
  did_case("simulated unbalanced, reference -2, 90 %", "the same with rows 5, 37 and 90 missing", unbalanced,
           treated_sim, "2016", reference = -2, level = 0.90),
  did_case("unemployment of foreigners, BE treated from 2015", real_src, real, "BE", "2015")
)
out <- list(generatedBy = "test/golden/did/make.R", R = R.version.string,
            packages = list(stats = as.character(packageVersion("stats")), sandwich = as.character(packageVersion("sandwich")),
                            lmtest = as.character(packageVersion("lmtest")), jsonlite = as.character(packageVersion("jsonlite"))),
            cases = cases)
write_json(out, "test/golden/did/did.json", auto_unbox = TRUE, digits = NA)

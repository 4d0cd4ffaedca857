# Inputs and output of the golden files: real Belgian series, read from the publishers' files in ../shared/data (or the directory
# in the environment variable MIGMON_MIRROR; MIGMON_SHARED_DATA is its deprecated alias). Sourced by test/golden/<method>/make.R; run from the repo root.
#
# - be_asylum_monthly(): UNHCR PopStats monthly asylum applications lodged in Belgium, Jan 2012 - the last month
#   in the file, summed over all countries of origin. UNHCR suppresses small cells as "*" (values 1-4); those
#   cells are treated as missing and left out of the sum (na.rm), so each month's figure is the sum of the
#   published cells, a lower bound that can be short by at most 4 per suppressed origin. A month with no row
#   at all would be missing (NA); none is.
# - be_immigration_annual(): Eurostat migr_imm1ctz (derived long table), geo Belgium, citizenship "Total";
#   years absent from the file (2008, 2009) are NA.
# - be_unemployment(): Eurostat lfsa_urgan, Belgium, sex T, age Y15-64, citizenship NAT and FOR, in %.

shared_data <- function() {
  d <- Sys.getenv("MIGMON_MIRROR")
  if (d == "") d <- Sys.getenv("MIGMON_SHARED_DATA")
  if (d == "") d <- "../shared/data"
  d
}

be_asylum_monthly <- function() {
  f <- file.path(shared_data(), "unhcr", "unhcr_popstats_asylum_seekers_monthly_2012-2017_noheader.csv.gz")
  x <- read.csv(gzfile(f), header = FALSE, stringsAsFactors = FALSE,
                col.names = c("asylum", "origin", "year", "month", "value"))
  x <- x[x$asylum == "Belgium", ]
  x$value <- suppressWarnings(as.numeric(ifelse(x$value == "*", NA, x$value)))
  x$m <- match(x$month, month.name)
  agg <- aggregate(value ~ year + m, data = x, FUN = function(v) sum(v, na.rm = TRUE), na.action = na.pass)
  agg <- agg[order(agg$year, agg$m), ]
  data.frame(period = sprintf("%04d-%02d", agg$year, agg$m), value = agg$value)
}

be_immigration_annual <- function() {
  f <- file.path(shared_data(), "eurostat", "derived_immigration_by_citizenship_migr_imm1ctz.csv.gz")
  x <- read.csv(gzfile(f), stringsAsFactors = FALSE, check.names = FALSE)
  x <- x[x$geo == "Belgium" & x[["Country of citizenship"]] == "Total", ]
  years <- seq(min(x$year), max(x$year))
  # Years absent from the file (2008 and 2009) are missing values, kept in place as NA.
  data.frame(period = as.character(years), value = x[["Migrants number"]][match(years, x$year)])
}

be_unemployment <- function(citizen) {
  f <- file.path(shared_data(), "eurostat", "sdmx-csv", "unemployment_rates_yearly.csv.gz")
  x <- read.csv(gzfile(f), stringsAsFactors = FALSE)
  x <- x[x$geo == "BE" & x$sex == "T" & x$age == "Y15-64" & x$citizen == citizen, ]
  x <- x[order(x$TIME_PERIOD), ]
  data.frame(period = as.character(x$TIME_PERIOD), value = x$OBS_VALUE, flag = x$OBS_FLAG)
}

golden_meta <- function(packages) {
  list(
    r = R.version.string,
    packages = setNames(lapply(packages, function(p) as.character(packageVersion(p))), packages),
    generated = "by the make.R beside this file; regenerate with Rscript test/golden/<method>/make.R from the repo root"
  )
}

# jsonlite writes at most 15 significant digits, so simulated inputs are rounded to 12 significant digits before
# R uses them: the JSON then holds exactly the numbers R computed with.
exact_input <- function(x) signif(x, 12)

write_golden <- function(obj, path) {
  writeLines(jsonlite::toJSON(obj, digits = NA, auto_unbox = TRUE, pretty = TRUE, null = "null", na = "null"), path)
}

# Real Belgian series for the golden files of issue 7, read from the publisher files in ../shared/data (or
# $MIGMON_MIRROR, or its deprecated alias $MIGMON_SHARED_DATA). Sourced by test/golden/<method>/make.R; run those from the repository root.
shared_data <- function() {
  d <- Sys.getenv("MIGMON_MIRROR", Sys.getenv("MIGMON_SHARED_DATA", "../shared/data"))
  if (!dir.exists(d)) stop("shared data directory not found: ", d)
  d
}

# UNHCR PopStats monthly asylum applications, Belgium as country of asylum, summed over origins. Cells marked
# `*` (suppressed small values, 1-4 persons) are treated as missing and left out of the sum, so each month's total
# is a lower bound (by at most 4 x the number of suppressed cells, returned as `suppressed`). Months Jan 2012 -
# the last month in the file.
be_asylum_monthly <- function() {
  f <- file.path(shared_data(), "unhcr", "unhcr_popstats_asylum_seekers_monthly_2012-2017_noheader.csv.gz")
  d <- read.csv(f, header = FALSE, col.names = c("asylum", "origin", "year", "month", "value"),
                colClasses = "character", check.names = FALSE)
  d <- d[d$asylum == "Belgium", ]
  d$m <- match(d$month, month.name)
  if (anyNA(d$m)) stop("unknown month name in ", f)
  d$v <- suppressWarnings(as.numeric(ifelse(d$value == "*", NA, d$value)))
  if (anyNA(d$v[d$value != "*"])) stop("non-numeric value in ", f)
  d$period <- sprintf("%s-%02d", d$year, d$m)
  total <- tapply(d$v, d$period, sum, na.rm = TRUE)
  suppressed <- tapply(d$value == "*", d$period, sum)
  list(period = names(total), value = as.numeric(total), suppressed = as.integer(suppressed[names(total)]))
}

# Eurostat migr_imm1ctz (derived long table), geo Belgium, citizenship `Total`: immigrants per year.
be_immigration_annual <- function() {
  f <- file.path(shared_data(), "eurostat", "derived_immigration_by_citizenship_migr_imm1ctz.csv.gz")
  d <- read.csv(f, check.names = FALSE)
  d <- d[d[["Country of citizenship"]] == "Total" & d$geo == "Belgium", ]
  d <- d[order(d$year), ]
  list(period = as.character(d$year), value = d[["Migrants number"]])
}

# Eurostat lfsa_urgan: unemployment rate (%) by citizenship, sex T, age Y15-64, for the given countries
# (geo codes) and citizen codes (NAT, FOR). Empty values are missing.
unemployment_rates <- function(geo = "BE", citizen = c("NAT", "FOR")) {
  f <- file.path(shared_data(), "eurostat", "sdmx-csv", "unemployment_rates_yearly.csv.gz")
  d <- read.csv(f, check.names = FALSE, colClasses = "character")
  d <- d[d$sex == "T" & d$age == "Y15-64" & d$geo %in% geo & d$citizen %in% citizen, ]
  data.frame(geo = d$geo, citizen = d$citizen, period = d$TIME_PERIOD,
             value = suppressWarnings(as.numeric(d$OBS_VALUE)), flag = d$OBS_FLAG, stringsAsFactors = FALSE)
}

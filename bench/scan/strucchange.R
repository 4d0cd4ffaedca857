# bench/scan reference: strucchange::breakpoints(y ~ 1, h = 0.15) with the number of breaks chosen by BIC (the
# default of breakpoints(bp)), on the sample the benchmark wrote. Usage: Rscript strucchange.R sample.csv
# Prints one JSON line: the seconds spent in the loop, per series, the chosen breaks (1-based, as strucchange) and
# the versions.
suppressMessages(library(strucchange))
args <- commandArgs(trailingOnly = TRUE)
sample <- as.matrix(read.csv(args[1], header = FALSE))
breaks <- vector("list", nrow(sample))
started <- proc.time()[["elapsed"]]
for (i in seq_len(nrow(sample))) {
  y <- sample[i, ]
  bp <- breakpoints(y ~ 1, h = 0.15)
  b <- breakpoints(bp)$breakpoints
  breaks[[i]] <- if (all(is.na(b))) integer(0) else as.integer(b)
}
seconds <- proc.time()[["elapsed"]] - started
json_breaks <- paste0("[", paste(vapply(breaks, function(b) paste0("[", paste(b, collapse = ","), "]"), ""), collapse = ","), "]")
cat(sprintf('{"seconds":%.6f,"series":%d,"R":"%s","strucchange":"%s","breaks":%s}\n', seconds, nrow(sample),
  paste(R.version$major, R.version$minor, sep = "."), as.character(packageVersion("strucchange")), json_breaks))

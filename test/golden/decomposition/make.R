# Golden file for src/analysis/kitagawa.ts and src/analysis/shiftShare.ts on real Statbel data, computed in R
# from the formulas (closed forms, so R serves as an independent second implementation):
#  - Kitagawa (1955): the gap in the share of non-Belgians (ETR) between the Brussels-Capital Region and the city
#    of Antwerp, 1 January 2015, split into age-sex composition and age-sex-specific shares (10 groups);
#  - shift-share: growth of the non-Belgian population of Antwerp 2009-2015 against Belgium, by age-sex group.
# Input: statbel/pop_by_municipality_nationality_sex_agegroup_2009-2015.csv.gz (TF_SOC_POP_STRUCT summed over civil
# status by the data curators; see PROVENANCE.md). Regenerate from the repository root with:
#   Rscript test/golden/decomposition/make.R   (writes test/golden/decomposition/decomposition.json)
library(jsonlite)
source("test/golden/real-series-be.R")
f <- file.path(shared_data(), "statbel", "pop_by_municipality_nationality_sex_agegroup_2009-2015.csv.gz")
d <- read.csv(f, colClasses = c("integer", "integer", "character", "character", "character", "numeric"))
d$group <- paste(d$CD_SEX, d$AGE_GROUP)
groups <- sort(unique(d$group))
brussels <- d$CD_MUNTY_REFNIS %in% 21001:21019
antwerp <- d$CD_MUNTY_REFNIS == 11002
if (length(unique(d$CD_MUNTY_REFNIS[brussels])) != 19) stop("expected the 19 Brussels municipalities")
count <- function(rows, year, nat = c("BEL", "ETR")) {
  s <- tapply(d$MS_POPULATION[rows & d$CD_YEAR == year & d$CD_NATLTY %in% nat],
              d$group[rows & d$CD_YEAR == year & d$CD_NATLTY %in% nat], sum)
  out <- setNames(rep(0, length(groups)), groups)
  out[names(s)] <- s
  as.numeric(out)
}

popA <- count(antwerp, 2015); evA <- count(antwerp, 2015, "ETR")
popB <- count(brussels, 2015); evB <- count(brussels, 2015, "ETR")
cA <- popA / sum(popA); cB <- popB / sum(popB); rA <- evA / popA; rB <- evB / popB
kitagawa <- list(name = "share of non-Belgians, Antwerp (A) vs Brussels-Capital Region (B), 1 January 2015",
                 groups = groups, populationA = popA, eventsA = evA, populationB = popB, eventsB = evB,
                 crudeA = sum(cA * rA), crudeB = sum(cB * rB), difference = sum(cB * rB) - sum(cA * rA),
                 composition = sum((cB - cA) * (rA + rB) / 2), rate = sum((rB - rA) * (cA + cB) / 2))

everywhere <- rep(TRUE, nrow(d))
ls0 <- count(antwerp, 2009, "ETR"); ls1 <- count(antwerp, 2015, "ETR")
rs0 <- count(everywhere, 2009, "ETR"); rs1 <- count(everywhere, 2015, "ETR")
g <- sum(rs1) / sum(rs0) - 1; gi <- rs1 / rs0 - 1
shiftShare <- list(name = "non-Belgians in Antwerp against Belgium, 1 January 2009 to 2015, by sex and age group",
                   groups = groups, localStart = ls0, localEnd = ls1, referenceStart = rs0, referenceEnd = rs1,
                   change = sum(ls1) - sum(ls0), referenceGrowth = g, nationalShare = sum(ls0 * g),
                   mix = sum(ls0 * (gi - g)), local = sum(ls1 - ls0 - ls0 * gi))

out <- list(generatedBy = "test/golden/decomposition/make.R", R = R.version.string,
            packages = list(jsonlite = as.character(packageVersion("jsonlite"))),
            kitagawa = kitagawa, shiftShare = shiftShare)
write_json(out, "test/golden/decomposition/decomposition.json", auto_unbox = TRUE, digits = NA)

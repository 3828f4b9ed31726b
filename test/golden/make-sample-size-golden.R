#!/usr/bin/env Rscript
# Golden values for the minimum sample sizes (issue #22) in src/components/stats/multinomialSampleSize.ts and
# validationSampleSize.ts, from the reference implementations themselves.
# Run from the repository root:  Rscript test/golden/make-sample-size-golden.R
# Writes test/golden/sample-size.json. Tests only READ that file; R is not needed to run them.
# None of the three packages is in Debian (bookworm has r-base-core 4.2.2, no r-cran-pmsampsize); each was installed
# offline with `R CMD INSTALL -l <lib>` from its public source (no compilation, no dependency beyond base R):
#   pmsampsize 1.1.3 (CRAN, 2023-12-05)        binary development criteria; its internal pmsampsize_bin and cstat2rsq
#   multsampsize 0.0.0.9000 (github alexpate30/multsampsize, commit bd18611, 2025-06-13): Pate's
#                 pmsampsize_mult_general(type = "m", …), "written to be integrated with the pmsampsize function"
#                 (the CRAN pmsampsize 1.1.3 has no multinomial type)
#   pmvalsampsize 0.1.0 (CRAN, 2023-11-14)     external validation, binary outcome (Riley et al. Stat Med 2021)
# Put that library first on .libPaths (R_LIBS=<lib>). Every value is stored with the exact call that produced it.
suppressPackageStartupMessages({
  library(pmsampsize); library(multsampsize); library(pmvalsampsize)
})
source("test/golden/goldenJson.R")
check <- function(ok, what) if (!isTRUE(ok)) stop("cross-check failed: ", what)

golden <- list(
  generator = "test/golden/make-sample-size-golden.R",
  R = R.version.string,
  packages = list(pmsampsize = as.character(packageVersion("pmsampsize")),
                  multsampsize = as.character(packageVersion("multsampsize")),
                  pmvalsampsize = as.character(packageVersion("pmvalsampsize")))
)

# ---------------------------------------------------------------- development, multinomial (Pate et al. 2023)
mult <- function(call, events, parameters, overallNag, pairNag = NULL, cstat = NULL) {
  K <- length(events)
  res <- if (is.null(cstat)) {
    pmsampsize_mult_general(type = "m", nagrsquared = pairNag, parameters = parameters, shrinkage = 0.9, K = K,
                            mult_n_events = events, mult_nagrsquared_overall = overallNag)
  } else {
    pmsampsize_mult_general(type = "m", cstatistic = cstat, parameters = parameters, shrinkage = 0.9, K = K,
                            mult_n_events = events, mult_nagrsquared_overall = overallNag)
  }
  p <- events / sum(events); pr <- combn(K, 2)
  phi <- apply(pr, 2, function(x) events[x[2]] / sum(events[x]))
  maxr <- 1 - exp(2 * (phi * log(phi) + (1 - phi) * log(1 - phi)))
  # The pairwise Cox–Snell R² the function used, at full precision (its table rounds them to 3 decimals): from the
  # pairwise Nagelkerke R² times the pair's maximum, or from pmsampsize's own cstat2rsq (seed 123456) as it calls it.
  r2pairs <- if (is.null(cstat)) pairNag * maxr else
    vapply(seq_along(cstat), function(i) pmsampsize:::cstat2rsq(cstat[i], phi[i], seed = 123456)$R2.coxsnell, 0)
  check(all(abs(round(r2pairs, 3) - res$results_criteria1[, "CS_Rsq"]) < 1e-12), paste(call, ": pairwise R²"))
  list(call = call, events = events, proportions = p, parameters = parameters, r2csPairs = r2pairs,
       r2csOverall = overallNag * (1 - prod(p^p)^2),
       criterion1 = res$results_all[["Criteria 1"]], criterion2 = res$results_all[["Criteria 2"]],
       criterion3 = res$results_all[["Criteria 3"]], n = res$sample_size)
}
golden$multinomial <- list(
  # The package README's second example: documented output 2660, 714, 664 → 2660.
  readmeK3 = mult("pmsampsize_mult_general(type = \"m\", nagrsquared = c(0.15, 0.15, 0.15), parameters = 17, shrinkage = 0.9, K = 3, mult_n_events = c(50, 100, 150), mult_nagrsquared_overall = 0.15)",
                  c(50, 100, 150), 17, 0.15, pairNag = rep(0.15, 3)),
  # Pate et al. 2023's worked example (ovarian tumours, K = 5, Q = 17, pairwise C from van Calster et al.), as the
  # package README and its test run it: documented output 13136, 1477, 524 → 13136.
  paperK5 = mult("pmsampsize_mult_general(type = \"m\", parameters = 17, shrinkage = 0.9, cstatistic = c(0.85, 0.92, 0.99, 0.95, 0.75, 0.95, 0.87, 0.87, 0.71, 0.82), K = 5, mult_n_events = c(2557, 186, 176, 467, 120), mult_nagrsquared_overall = 0.15)",
                 c(2557, 186, 176, 467, 120), 17, 0.15,
                 cstat = c(0.85, 0.92, 0.99, 0.95, 0.75, 0.95, 0.87, 0.87, 0.71, 0.82)),
  # Four ordered response classes as in this study, Nagelkerke 0.15 pairwise and overall (the rule the workbench uses).
  studyLikeK4 = mult("pmsampsize_mult_general(type = \"m\", nagrsquared = rep(0.15, 6), parameters = 12, shrinkage = 0.9, K = 4, mult_n_events = c(31, 23, 27, 19), mult_nagrsquared_overall = 0.15)",
                     c(31, 23, 27, 19), 12, 0.15, pairNag = rep(0.15, 6))
)
check(identical(unname(unlist(golden$multinomial$readmeK3[c("criterion1", "criterion2", "criterion3", "n")])), c(2660, 714, 664, 2660)),
      "README example K = 3")
check(identical(unname(unlist(golden$multinomial$paperK5[c("criterion1", "criterion2", "criterion3", "n")])), c(13136, 1477, 524, 13136)),
      "README/test worked example K = 5")
# Criterion iii of the R code divides α by the literal 5 (the worked example's K): documented here, since the
# workbench defaults to α/K as the paper states and reproduces the code with comparisons = 5.
golden$multinomial$criterion3Divisor <- 5

# ---------------------------------------------------------------- external validation (Riley et al. 2021)
val <- function(call, args) {
  res <- suppressMessages(do.call(pmvalsampsize, c(list(type = "b"), args)))
  t <- res$results_table
  list(call = call, args = args,
       oe = t["Criteria 1 - O/E", "Samp_size"], calibrationSlope = t["Criteria 2 - C-slope", "Samp_size"],
       cStatistic = t["Criteria 3 - C statistic", "Samp_size"],
       netBenefit = if ("Criteria 4 - St Net Benefit" %in% rownames(t)) t["Criteria 4 - St Net Benefit", "Samp_size"] else NA,
       n = res$sample_size, seLnOe = res$se_oe, seCStatistic = res$se_cstat)
}
riley <- list(prevalence = 0.018, cstatistic = 0.8, lpnorm = c(-5, 2.5), oeciwidth = 1)
golden$validation <- list(
  # The package's documented example (man page; Riley et al. 2021's mechanical heart valve example), at the default
  # simobs = 1e6 and seed 123456: 905 (O/E), 4563 (slope), 4252 (C) → 4563.
  rileyExample = val("pmvalsampsize(type = \"b\", prevalence = 0.018, cstatistic = 0.8, lpnorm = c(-5, 2.5), oeciwidth = 1)", riley),
  # The same with the net-benefit criterion at threshold 0.08, sensitivity = specificity = 0.5 (the values in the
  # package's code comments): criterion 4 is then closed-form.
  rileyNetBenefit = val("pmvalsampsize(type = \"b\", prevalence = 0.018, cstatistic = 0.8, lpnorm = c(-5, 2.5), oeciwidth = 1, sensitivity = 0.5, specificity = 0.5, threshold = 0.08)",
                        c(riley, list(sensitivity = 0.5, specificity = 0.5, threshold = 0.08))),
  defaults = val("pmvalsampsize(type = \"b\", prevalence = 0.3, cstatistic = 0.75, lpnorm = c(-1, 1.2), sensitivity = 0.6, specificity = 0.7, threshold = 0.3)",
                 list(prevalence = 0.3, cstatistic = 0.75, lpnorm = c(-1, 1.2), sensitivity = 0.6, specificity = 0.7, threshold = 0.3))
)
check(identical(unname(unlist(golden$validation$rileyExample[c("oe", "calibrationSlope", "cStatistic", "n")])), c(905, 4563, 4252, 4563)),
      "pmvalsampsize documented example")
# Criterion 2 is simulated: its spread over seeds bounds how far an exact integral may sit from any one run.
slopeSeeds <- vapply(1:8, function(s) val("seed", c(riley, list(seed = s)))$calibrationSlope, 0)
golden$validation$rileySlopeBySeed <- list(call = "pmvalsampsize(type = \"b\", prevalence = 0.018, cstatistic = 0.8, lpnorm = c(-5, 2.5), oeciwidth = 1, seed = s), s = 1..8: calibration slope criterion",
                                          values = slopeSeeds)
# The binormal LP of lpcstat (events N(μ + v, v), non-events N(μ, v), v = 2·qnorm(C)²), μ searched by simulation.
golden$validation$binormal <- val("pmvalsampsize(type = \"b\", prevalence = 0.3, cstatistic = 0.75, lpcstat = -1.5)",
                                  list(prevalence = 0.3, cstatistic = 0.75, lpcstat = -1.5))

writeLines(json(golden), "test/golden/sample-size.json")
cat("wrote test/golden/sample-size.json\n")

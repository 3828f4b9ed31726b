#!/usr/bin/env Rscript
# Golden values for the subgroup analysis of the objective-response AUC (issue #25, TRIPOD+AI 23a) in
# src/components/stats/subgroupAuc.ts: per subgroup the AUC, its DeLong variance and DeLong interval (pROC), and the
# test of heterogeneity across subgroups chosen there: Cochran's Q of a fixed-effect meta-analysis of the logit AUCs,
# each with the delta-method variance var(logit AUC) = var_DeLong(AUC) / (AUC (1 - AUC))^2 (metafor rma, method "FE").
# Also the tertile cut points of a number (stats::quantile type 7) that the page's numeric subgroups use.
# Run from the repository root:  Rscript test/golden/make-subgroup-golden.R
# Writes test/golden/subgroup.json. Tests only READ that file; R is not needed to run them.
# Installed from Debian bookworm: r-base-core r-cran-proc r-cran-metafor r-cran-jsonlite.
# Calls, per subgroup g:
#   r <- pROC::roc(outcome, score, levels = c(0, 1), direction = "<", quiet = TRUE)
#   pROC::auc(r); pROC::var(r, method = "delong"); pROC::ci.auc(r, method = "delong", conf.level = 0.95)
# and across subgroups:
#   metafor::rma(yi = qlogis(auc), vi = var / (auc * (1 - auc))^2, method = "FE")  ->  QE, QEp, k - 1
# For two independent subgroups, pROC::roc.test(r1, r2, method = "delong", paired = FALSE) is stored too: it tests
# the difference on the AUC scale, so its statistic differs from Q (logit scale); it is there for the comparison only.
suppressPackageStartupMessages({
  library(pROC)
  library(metafor)
})
source("test/golden/goldenJson.R")

golden <- list(
  generator = "test/golden/make-subgroup-golden.R",
  R = R.version.string,
  packages = list(pROC = as.character(packageVersion("pROC")), metafor = as.character(packageVersion("metafor")))
)

set.seed(2025)
# Three subgroups of different size and separation; scores rounded to 3 decimals so ties occur (midranks matter).
make_group <- function(n, shift) {
  outcome <- rbinom(n, 1, 0.4)
  score <- round(plogis(rnorm(n, mean = shift * outcome - 0.3, sd = 1)), 3)
  list(outcome = outcome, score = score)
}
groups <- list(A = make_group(40, 1.8), B = make_group(55, 0.6), C = make_group(30, 1.1))

one <- function(g) {
  r <- roc(g$outcome, g$score, levels = c(0, 1), direction = "<", quiet = TRUE)
  a <- as.numeric(auc(r))
  v <- as.numeric(var(r, method = "delong"))
  ci <- as.numeric(ci.auc(r, method = "delong", conf.level = 0.95))
  list(outcome = arr(g$outcome), score = arr(g$score), auc = a, variance = v, ci = arr(c(ci[1], ci[3])),
       logit = qlogis(a), logitVariance = v / (a * (1 - a))^2, r = r)
}
fitted <- lapply(groups, one)
yi <- vapply(fitted, function(f) f$logit, 0)
vi <- vapply(fitted, function(f) f$logitVariance, 0)
fe <- rma(yi = yi, vi = vi, method = "FE")
fe2 <- rma(yi = yi[1:2], vi = vi[1:2], method = "FE")
two <- roc.test(fitted$A$r, fitted$B$r, method = "delong", paired = FALSE)

golden$groups <- lapply(fitted, function(f) f[names(f) != "r"])
golden$heterogeneity <- list(call = "rma(yi = qlogis(auc), vi = var/(auc*(1-auc))^2, method = \"FE\")",
                             q = fe$QE, df = fe$k - 1, p = fe$QEp)
golden$heterogeneityAB <- list(call = "the same, subgroups A and B only", q = fe2$QE, df = fe2$k - 1, p = fe2$QEp)
golden$rocTestAB <- list(call = "roc.test(rA, rB, method = \"delong\", paired = FALSE)",
                         z = as.numeric(two$statistic), p = two$p.value)

x <- round(rnorm(31, mean = 60, sd = 10))
golden$tertiles <- list(call = "quantile(x, c(1/3, 2/3), type = 7)", x = arr(x),
                        cuts = arr(as.numeric(quantile(x, c(1 / 3, 2 / 3), type = 7))))

writeLines(json(golden), "test/golden/subgroup.json")

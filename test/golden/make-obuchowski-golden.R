#!/usr/bin/env Rscript
# Golden values for src/components/stats/obuchowski.ts: Obuchowski's clustered AUC variance
# (Obuchowski NA, "Nonparametric analysis of clustered ROC curve data", Biometrics 1997;53:567-578, section 2),
# written here in plain R straight from the paper's double sums over psi (no ranks), so it is an independent
# implementation of the one the workbench computes from DeLong placements. No CRAN package for it is in Debian.
# Run from the repository root:  Rscript test/golden/make-obuchowski-golden.R   (writes test/golden/obuchowski.json)
obuchowski <- function(y, s, cl, level = 0.95) {
  psi <- function(x, yy) ifelse(x > yy, 1, ifelse(x == yy, 0.5, 0))
  X <- s[y == 1]; Y <- s[y == 0]; N <- length(X); M <- length(Y)
  theta <- mean(outer(X, Y, psi))
  ids <- unique(cl); I <- length(ids)
  V10 <- sapply(ids, function(i) sum(vapply(X[cl[y == 1] == i], function(x) sum(psi(x, Y)) / M, 0)))
  V01 <- sapply(ids, function(i) sum(vapply(Y[cl[y == 0] == i], function(v) sum(psi(X, v)) / N, 0)))
  n <- sapply(ids, function(i) sum(y == 1 & cl == i)); m <- sapply(ids, function(i) sum(y == 0 & cl == i))
  I10 <- sum(n > 0); I01 <- sum(m > 0)
  S10 <- I10 / ((I10 - 1) * N) * sum((V10 - n * theta)^2)
  S01 <- I01 / ((I01 - 1) * M) * sum((V01 - m * theta)^2)
  S11 <- I / (I - 1) * sum((V10 - n * theta) * (V01 - m * theta))
  v <- S10 / N + S01 / M + 2 * S11 / (N * M)
  z <- qnorm(1 - (1 - level) / 2)
  list(auc = theta, variance = v, ci = pmin(1, pmax(0, theta + c(-1, 1) * z * sqrt(v))))
}
set.seed(19970601)
# 1. patient-level labels (every patch of a patient shares its outcome), 3 patches each, scores with ties
pl <- rep(sprintf("p%02d", 1:20), each = 3); yl <- rep(rep(c(1, 0), 10), each = 3)
sl <- round(yl * 0.6 + rep(rnorm(20, 0, 0.7), each = 3) + rnorm(60, 0, 0.3), 1)
# 2. mixed clusters (a cluster holds cases and controls, so S11 is not zero), unequal sizes
pm <- c(rep("a", 4), rep("b", 2), rep("c", 5), rep("d", 3), rep("e", 4), rep("f", 2), rep("g", 3))
ym <- c(1,0,1,0, 1,1, 0,0,0,1,0, 1,0,0, 0,1,1,0, 0,0, 1,0,1)
sm <- round(ym * 0.8 + rnorm(23), 2)
cases <- list(patientLabels = list(outcome = yl, score = sl, clusters = pl),
              mixedClusters = list(outcome = ym, score = sm, clusters = pm))
out <- lapply(cases, function(d) c(d, list(result = obuchowski(d$outcome, d$score, d$clusters)),
                                   list(result90 = obuchowski(d$outcome, d$score, d$clusters, 0.9))))
jsonlite::write_json(list(generator = "test/golden/make-obuchowski-golden.R", R = R.version.string,
                          call = "obuchowski(outcome, score, clusters, level) as defined in this script",
                          datasets = out), "test/golden/obuchowski.json", digits = NA, auto_unbox = TRUE, pretty = FALSE)

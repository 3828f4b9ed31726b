#!/usr/bin/env Rscript
# Golden values for src/components/stats/nominalCalibration.ts: Van Hoorde et al.'s (Stat Med 2014) calibration
# intercepts and slopes of a nominal outcome, fitted by VGAM 1.1 (Debian r-cran-vgam) as vector GLMs with offsets and
# constraint matrices, the full multinomial recalibration model, and its likelihood ratio against the predictions.
# Run from the repository root:  Rscript test/golden/make-nominal-calibration-golden.R
# (writes test/golden/nominal-calibration.json)
suppressPackageStartupMessages(library(VGAM))
source("test/golden/goldenJson.R")

set.seed(20140515)
n <- 240
# Predictions that are too extreme (overfitted: scale 1.6) and shifted against class 3, outcomes from the truth.
z <- cbind(0, matrix(rnorm(n * 3), n, 3))
truth_p <- exp(z) / rowSums(exp(z))
y <- apply(truth_p, 1, function(p) sample(1:4, 1, prob = p))
zhat <- 1.6 * z; zhat[, 3] <- zhat[, 3] + 0.4
p <- exp(zhat) / rowSums(exp(zhat))

fit_case <- function(y, p, ref) {
  others <- setdiff(1:4, ref)
  lp <- log(p[, others] / p[, ref])
  colnames(lp) <- c("lp1", "lp2", "lp3")
  d <- data.frame(y = factor(y, levels = 1:4), lp)
  fam <- multinomial(refLevel = ref)
  # Converged to the last digit, so that vcov() (from the final iteration's working weights) is at the maximum.
  ctl <- vglm.control(epsilon = 1e-15, maxit = 100)
  # VGAM's equations run over the non-reference levels in order, as ours do.
  fa <- vglm(y ~ 1, fam, offset = lp, data = d, control = ctl)
  fb <- vglm(y ~ lp1 + lp2 + lp3, fam, data = d, control = ctl,
             constraints = list("(Intercept)" = diag(3), lp1 = rbind(1, 0, 0), lp2 = rbind(0, 1, 0), lp3 = rbind(0, 0, 1)))
  ff <- vglm(y ~ lp1 + lp2 + lp3, fam, data = d, control = ctl)
  ll0 <- sum(log(p[cbind(seq_len(nrow(p)), y)]))
  chi <- 2 * (logLik(ff) - ll0)
  list(
    reference = ref - 1,
    intercepts = arr(unname(coef(fa))), interceptSe = arr(unname(sqrt(diag(vcov(fa))))),
    slopes = arr(unname(coef(fb)[4:6])), slopeSe = arr(unname(sqrt(diag(vcov(fb)))[4:6])),
    full = unname(matrix(coef(ff), nrow = 3)),
    chiSquare = chi, df = 12, p = pchisq(chi, 12, lower.tail = FALSE),
    recalibrated = unname(fitted(ff))
  )
}
out <- list(
  y = arr(y - 1), p = p,
  refCR = fit_case(y, p, 1),
  refSD = fit_case(y, p, 3),
  meta = list(R = R.version.string, VGAM = as.character(packageVersion("VGAM")))
)
writeLines(json(out), "test/golden/nominal-calibration.json")

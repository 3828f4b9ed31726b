#!/usr/bin/env Rscript
# Golden values for src/components/stats/lowess.ts and src/components/stats/biasCorrectedCalibration.ts: R's
# lowess(x, y, iter = 0) and approx(), and the apparent calibration curve of rms::calibrate (rms 6.x, Debian
# r-cran-rms): its grid predy = seq(p[5], p[n − 4], length = 50) over the sorted predictions and
# calibrated.orig = approx(lowess(p, y, iter = 0), xout = predy, ties = first)$y. The bootstrap half of calibrate
# (optimism per grid point) is Harrell's algorithm, tested with src/components/stats/optimism.ts.
# Run from the repository root:  Rscript test/golden/make-calibrate-golden.R   (writes test/golden/calibrate.json)
suppressPackageStartupMessages(library(rms))
source("test/golden/goldenJson.R")

set.seed(20190801)
# lowess on its own: a continuous case, and one with heavy ties and a tiny n.
x1 <- runif(150); y1 <- rbinom(150, 1, plogis(3 * x1 - 1.5))
x2 <- round(runif(40) * 8) / 8; y2 <- rbinom(40, 1, 0.3 + 0.4 * x2)
x3 <- c(0.2, 0.1, 0.4); y3 <- c(1, 0, 1)
lw <- function(x, y) { s <- lowess(x, y, iter = 0); list(x = arr(x), y = arr(y), sx = arr(s$x), sy = arr(s$y)) }

# rms::calibrate's apparent curve on a logistic model.
n <- 200
z <- rnorm(n); w <- rnorm(n)
yy <- rbinom(n, 1, plogis(-0.3 + 1.2 * z + 0.5 * w))
fit <- lrm(yy ~ z + w, x = TRUE, y = TRUE)
cal <- calibrate(fit, B = 40)
out <- list(
  continuous = lw(x1, y1),
  ties = lw(x2, y2),
  tiny = lw(x3, y3),
  calibrate = list(
    predicted = arr(unname(plogis(fit$linear.predictors))), y = arr(yy),
    predy = arr(unname(cal[, "predy"])), calibratedOrig = arr(unname(cal[, "calibrated.orig"]))
  ),
  meta = list(R = R.version.string, rms = as.character(packageVersion("rms")))
)
writeLines(json(out), "test/golden/calibrate.json")

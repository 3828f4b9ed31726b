#!/usr/bin/env Rscript
# Golden values for src/components/stats/logisticValidation.ts and calibrationErrors.ts, computed by R.
# Run from the repository root:  Rscript test/golden/make-validation-golden.R   (writes test/golden/validation.json)
# - The indexes rms::validate.lrm reports for a binary outcome y and a linear predictor x (its `discrim` function,
#   rms 6.5-0): lrm.fit(x, y) gives Intercept and Slope and the Model L.R. (R2 is its stats["R2"]); Dxy is
#   somers2(plogis(x), y)["Dxy"] (Hmisc; validate.lrm's default for one intercept); D = (LR - 1)/n;
#   U = (L01 - deviance - 2)/n with L01 = -2 sum(y x - log(1 + exp(x))); Q = D - U; B = mean((y - plogis(x))^2);
#   g = GiniMd(slope x); gp = GiniMd(plogis(intercept + slope x)); Emax as validate.lrm computes it from an
#   intercept and slope over p = seq(0, 1, 5e-4).
# - ICI, E50 and E90 (Austin & Steyerberg, Stat Med 2019): |p - loess(y ~ p)| averaged, median and 90th percentile
#   (quantile type 7), with loess(span = 0.75, degree = 2) evaluated exactly (surface = "direct").
suppressPackageStartupMessages(library(rms))
source("test/golden/goldenJson.R")

indexes <- function(x, y) {
  f <- lrm.fit(x, y, tol = 1e-13)
  n <- length(y)
  lr <- unname(f$stats["Model L.R."])
  a <- unname(f$coefficients[1]); b <- unname(f$coefficients[2])
  L01 <- -2 * sum(y * x - log(1 + exp(x)))
  D <- (lr - 1) / n
  U <- (L01 - f$deviance[2] - 2) / n
  list(Dxy = unname(somers2(plogis(x), y)["Dxy"]), R2 = unname(f$stats["R2"]), Intercept = a, Slope = b,
       D = D, U = U, Q = D - U, B = mean((y - plogis(x))^2), g = GiniMd(b * x), gp = GiniMd(plogis(a + b * x)),
       Emax = emax(a, b))
}
emax <- function(a, b) {
  p <- seq(0, 1, 5e-04)
  max(abs(p - plogis(a + b * log(p / (1 - p)))), na.rm = TRUE)
}
errors <- function(p, y) {
  fit <- loess(y ~ p, span = 0.75, degree = 2, control = loess.control(surface = "direct"))
  e <- abs(fitted(fit) - p)
  list(ICI = mean(e), E50 = unname(quantile(e, 0.5)), E90 = unname(quantile(e, 0.9)), Emax = max(e))
}

set.seed(20221107)
cases <- list()
x1 <- rnorm(200, 0, 1.5); y1 <- rbinom(200, 1, plogis(0.3 + 0.8 * x1))
cases$calibratedish <- list(x = x1, y = y1)
x2 <- rnorm(60, -0.5, 2.5); y2 <- rbinom(60, 1, plogis(-0.2 + 0.4 * x2))
cases$overfitted <- list(x = x2, y = y2)
x3 <- round(rnorm(40, 0.5, 1), 1); y3 <- rbinom(40, 1, plogis(0.5 * x3 - 0.8))
cases$smallTies <- list(x = x3, y = y3)

out <- lapply(cases, function(d) {
  list(x = arr(d$x), y = arr(d$y), indexes = indexes(d$x, d$y), errors = errors(plogis(d$x), d$y))
})
out$emaxOnly <- list(intercept = 0.2, slope = 0.7, Emax = emax(0.2, 0.7))
out$meta <- list(R = R.version.string, rms = as.character(packageVersion("rms")),
                 Hmisc = as.character(packageVersion("Hmisc")))
writeLines(json(out), "test/golden/validation.json")

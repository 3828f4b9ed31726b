#!/usr/bin/env Rscript
# Golden values for src/components/stats/polytomousDiscrimination.ts: the polytomous discrimination index and its
# per-class components as mcca 0.8.2 computes them, mcca::pdi(y, p, method = "prob") (ties counted as Dover et al.
# 2021; mcca is not packaged for Debian: installed from its CRAN sources with R CMD INSTALL).
# Run from the repository root:  Rscript test/golden/make-pdi-golden.R   (writes test/golden/pdi.json)
suppressPackageStartupMessages(library(mcca))
source("test/golden/goldenJson.R")

set.seed(20120501)
probs <- function(y, strength) {
  z <- t(sapply(y, function(k) rnorm(4) + strength * (seq_len(4) == k)))
  e <- exp(z); e / rowSums(e)
}
cases <- list()
y1 <- sample(1:4, 60, replace = TRUE, prob = c(0.15, 0.3, 0.35, 0.2)); p1 <- probs(y1, 1.2)
cases$continuous <- list(y = y1, p = p1)
# Heavy ties, exact in binary (eighths summing to 1): mcca tabulates probabilities as text to 15 digits, so values
# that differ in the 16th digit would be ties to it but not to us.
y2 <- rep(1:4, times = c(5, 8, 9, 6))
p2 <- t(sapply(y2, function(k) rmultinom(1, 8, prob = 1 + 2 * (seq_len(4) == k))[, 1] / 8))
cases$ties <- list(y = y2, p = p2)
y3 <- rep(1:4, times = c(3, 4, 3, 2)); p3 <- probs(y3, 0)
cases$noSignal <- list(y = y3, p = p3)

out <- lapply(cases, function(d) {
  r <- pdi(d$y, d$p, method = "prob")
  list(y = arr(d$y - 1), p = d$p, pdi = r$measure, components = arr(r$table$VALUES))
})
out$meta <- list(R = R.version.string, mcca = as.character(packageVersion("mcca")))
writeLines(json(out), "test/golden/pdi.json")

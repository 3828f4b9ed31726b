#!/usr/bin/env Rscript
# Golden values of reader agreement (src/components/readers/readerAgreement.ts, as `workbench evaluate --readers`
# writes it) on the real HCC-TACE-Seg clinical sheet, over its three mRECIST readers (`1_mRECIST`, `2_mRECIST`,
# `3_mRECIST`, coded 1-4 = CR PR SD PD, empty = not read).
# Run from the repository root:  Rscript test/golden/make-readers-golden.R
# Writes test/golden/readers.json. Tests only READ that file; R is not needed to run them. Only aggregate statistics
# of the sheet are written (counts, kappas), never a row: the TypeScript test re-reads the sheet from
# ../shared/realdata. Numbers with 17 significant digits (goldenJson.R).
#
# - Fleiss' kappa (Fleiss 1971) in plain R from its formula, over the patients read by all three readers; its
#   standard error under H0 kappa = 0 is that of Fleiss, Nee & Landis (1979), the formula irr::kappam.fleiss
#   (irr >= 0.84, exact = FALSE) computes. irr is not installed here, so it is written out, not called.
# - The unanimous share over the same patients.
# - For each pair of readers, over the patients both read: Cohen's kappa unweighted, linear and quadratic weighted,
#   with psych::cohen.kappa. psych's weight convention (read from the installed source, psych:::cohen.kappa1):
#   w is taken as AGREEMENT weights when its diagonal is non-zero (tr(w) > 0: wkappa = (sum(w*po) - sum(w*pc)) /
#   (1 - sum(w*pc)); its default w = NULL is 1 - (i - j)^2/(k - 1)^2, the quadratic agreement weights) and as
#   DISagreement weights when the diagonal is zero (wkappa = 1 - sum(w*po)/sum(w*pc)). Linear: the agreement
#   matrix 1 - |i - j|/3 is passed explicitly; the same kappa from the disagreement matrix |i - j|/3 and from the
#   formula is checked below. Quadratic: psych's default (w = NULL), checked against the formula and against the
#   explicit matrices. Every check is a stopifnot, to 1e-12.
suppressPackageStartupMessages(library(psych))

source("test/golden/goldenJson.R")

hcc_path <- "../shared/realdata/hcc-tace-seg/clinical/HCC-TACE-Seg_clinical_data-V2.csv"
if (!file.exists(hcc_path)) stop("HCC-TACE-Seg sheet not found at ", hcc_path, ": readers.json needs it")
d <- read.csv(hcc_path, fileEncoding = "UTF-8-BOM", check.names = FALSE)
readers <- c("1_mRECIST", "2_mRECIST", "3_mRECIST")
r <- as.matrix(d[, readers])
stopifnot(all(r %in% c(1, 2, 3, 4, NA)))
k <- 4  # CR PR SD PD

# ---------------------------------------------------------------- Fleiss' kappa, plain R
complete <- r[stats::complete.cases(r), , drop = FALSE]
N <- nrow(complete)
m <- ncol(complete)
nij <- t(apply(complete, 1, function(x) tabulate(x, nbins = k)))     # N x k counts (Fleiss 1971, table 1)
pj <- colSums(nij) / (N * m)
Pi <- (rowSums(nij^2) - m) / (m * (m - 1))
Pbar <- mean(Pi)
Pe <- sum(pj^2)
fleiss <- (Pbar - Pe) / (1 - Pe)
qj <- 1 - pj
fleiss_se <- sqrt(2 / (sum(pj * qj)^2 * N * m * (m - 1)) * (sum(pj * qj)^2 - sum(pj * qj * (qj - pj))))
fleiss_z <- fleiss / fleiss_se
unanimous <- sum(apply(complete, 1, function(x) all(x == x[1])))

# ---------------------------------------------------------------- Cohen's kappa per pair, psych::cohen.kappa
dist <- abs(outer(1:k, 1:k, "-"))
w_linear <- 1 - dist / (k - 1)            # agreement weights
w_quadratic <- 1 - dist^2 / (k - 1)^2
formula_kappa <- function(a, b, disagreement) {
  o <- table(factor(a, levels = 1:k), factor(b, levels = 1:k)) / length(a)
  e <- outer(rowSums(o), colSums(o))
  1 - sum(disagreement * o) / sum(disagreement * e)
}
pair <- function(x, y) {
  both <- !is.na(r[, x]) & !is.na(r[, y])
  a <- r[both, x]; b <- r[both, y]
  xy <- data.frame(a, b)
  unweighted <- psych::cohen.kappa(xy, levels = 1:k)
  linear <- psych::cohen.kappa(xy, w = w_linear, levels = 1:k)
  quadratic <- psych::cohen.kappa(xy, levels = 1:k)
  # psych's two conventions and the formula agree (see the header).
  stopifnot(
    abs(linear$weighted.kappa - psych::cohen.kappa(xy, w = dist / (k - 1), levels = 1:k)$weighted.kappa) < 1e-12,
    abs(linear$weighted.kappa - formula_kappa(a, b, dist / (k - 1))) < 1e-12,
    abs(quadratic$weighted.kappa - formula_kappa(a, b, dist^2 / (k - 1)^2)) < 1e-12,
    abs(quadratic$weighted.kappa - psych::cohen.kappa(xy, w = w_quadratic, levels = 1:k)$weighted.kappa) < 1e-12,
    abs(quadratic$weighted.kappa - psych::cohen.kappa(xy, w = dist^2 / (k - 1)^2, levels = 1:k)$weighted.kappa) < 1e-12,
    abs(unweighted$kappa - formula_kappa(a, b, 1 - diag(k))) < 1e-12,
    abs(unweighted$kappa - psych::cohen.kappa(xy, w = diag(k), levels = 1:k)$weighted.kappa) < 1e-12
  )
  list(
    a = x, b = y, n = sum(both),
    cohen = list(call = "psych::cohen.kappa(data.frame(a, b), levels = 1:4)$kappa", kappa = unweighted$kappa),
    linear = list(
      call = "psych::cohen.kappa(data.frame(a, b), w = 1 - abs(outer(1:4, 1:4, \"-\"))/3, levels = 1:4)$weighted.kappa",
      kappa = linear$weighted.kappa),
    quadratic = list(
      call = "psych::cohen.kappa(data.frame(a, b), levels = 1:4)$weighted.kappa  # default w = 1 - (i - j)^2/9",
      kappa = quadratic$weighted.kappa)
  )
}

golden <- list(
  generator = "test/golden/make-readers-golden.R",
  R = R.version.string,
  psych = as.character(packageVersion("psych")),
  source = paste("HCC-TACE-Seg_clinical_data-V2.csv (read from ../shared/realdata; no row stored here);",
                 "readers 1_mRECIST, 2_mRECIST, 3_mRECIST coded 1-4 = CR PR SD PD, NA = not read"),
  readers = arr(readers),
  rows = nrow(r),
  n = N,
  fleissKappa = list(
    call = paste("plain R (Fleiss 1971) over the patients all three read: n_ij = counts of subject i in category j;",
                 "p_j = sum_i n_ij / (N m); P_i = (sum_j n_ij^2 - m) / (m (m - 1)); Pbar = mean(P_i);",
                 "Pe = sum(p_j^2); kappa = (Pbar - Pe) / (1 - Pe); se under H0 (Fleiss, Nee & Landis 1979, as",
                 "irr::kappam.fleiss(ratings, exact = FALSE)): q_j = 1 - p_j,",
                 "se = sqrt(2 / (sum(p_j q_j)^2 N m (m - 1)) * (sum(p_j q_j)^2 - sum(p_j q_j (q_j - p_j))));",
                 "z = kappa / se; p = 2 * pnorm(-abs(z))"),
    subjects = N, raters = m, observed = Pbar, expected = Pe, pj = arr(unname(pj)),
    kappa = fleiss, se = fleiss_se, z = fleiss_z, p = 2 * pnorm(-abs(fleiss_z))
  ),
  unanimous = list(call = "sum(apply(complete, 1, function(x) all(x == x[1]))) / N", count = unanimous,
                   share = unanimous / N),
  pairs = list(pair(readers[1], readers[2]), pair(readers[1], readers[3]), pair(readers[2], readers[3]))
)

writeLines(json(golden), "test/golden/readers.json")

#!/usr/bin/env Rscript
# Golden values for src/components/stats, computed by R and pROC.
# Run from the repository root:  Rscript test/golden/make-stats-golden.R
# Writes test/golden/stats.json. Tests only READ that file; R is not needed to run them.
# Every value is stored with the exact R call that produced it ("call"), numbers with 17 significant digits,
# ±Inf as the strings "Infinity"/"-Infinity", NA as null.
# Net benefit: the dcurves package is not packaged for Debian, so it is computed in plain R from its definition
# NB = TP/n - FP/n * pt/(1 - pt) (treat when score >= pt), treat-all = prev - (1 - prev) * pt/(1 - pt).
# Weighted kappa and Wilson intervals are likewise plain-R formulas / stats::prop.test.
suppressPackageStartupMessages(library(pROC))

source("test/golden/goldenJson.R")

# ---------------------------------------------------------------- datasets
set.seed(20200101)
datasets <- list()
# small, continuous scores, no ties: exact Wilcoxon applies
y1 <- c(rep(1, 12), rep(0, 15)); s1 <- round(c(rnorm(12, 1), rnorm(15, 0)), 6)
s1b <- round(s1 + rnorm(27, 0, 0.8), 6)
datasets$smallNoTies <- list(outcome = y1, score = s1, score2 = s1b)
# small with heavy ties (scores on a 5-point scale)
y2 <- c(1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0); s2 <- c(5,4,4,3,3,3,2,5,1,2,2,3,1,1,2,4,1,3,2,1)
s2b <- c(4,4,3,3,5,2,2,4,1,1,2,2,3,1,2,3,1,2,2,2)
datasets$smallTies <- list(outcome = y2, score = s2, score2 = s2b)
# larger, probability-like scores rounded to 2 decimals (ties): normal Wilcoxon with tie correction
y3 <- rbinom(300, 1, 0.4); lp <- -0.4 + 1.6 * (y3 - 0.4) + rnorm(300, 0, 1.1)
s3 <- round(plogis(lp), 2); s3b <- round(plogis(lp + rnorm(300, 0, 0.9)), 2)
datasets$largeTies <- list(outcome = y3, score = s3, score2 = s3b)
# larger, continuous, no ties but groups >= 50: normal without ties
y4 <- c(rep(1, 60), rep(0, 90)); s4 <- round(plogis(c(rnorm(60, 0.8), rnorm(90, -0.3))), 9)
s4b <- round(plogis(qlogis(s4) + rnorm(150, 0, 1)), 9)
datasets$largeNoTies <- list(outcome = y4, score = s4, score2 = s4b)
# perfect separation, tiny
datasets$separated <- list(outcome = c(0, 0, 0, 1, 1), score = c(0.1, 0.2, 0.3, 0.8, 0.9), score2 = c(0.3, 0.1, 0.2, 0.9, 0.8))

thresholds <- seq(0.01, 0.99, by = 0.01)

one <- function(d) {
  r <- roc(d$outcome, d$score, levels = c(0, 1), direction = "<", quiet = TRUE)
  r2 <- roc(d$outcome, d$score2, levels = c(0, 1), direction = "<", quiet = TRUE)
  co <- coords(r, "all", ret = c("threshold", "sensitivity", "specificity"), transpose = FALSE)
  best <- coords(r, "best", best.method = "youden", ret = c("threshold", "sensitivity", "specificity"), transpose = FALSE)
  out <- list(
    outcome = arr(d$outcome), score = arr(d$score), score2 = arr(d$score2),
    auc = list(call = "as.numeric(auc(roc(outcome, score, levels = c(0, 1), direction = \"<\")))", value = as.numeric(auc(r))),
    coords = list(call = "coords(roc, \"all\", ret = c(\"threshold\", \"sensitivity\", \"specificity\"), transpose = FALSE)",
                  threshold = arr(co$threshold), sensitivity = arr(co$sensitivity), specificity = arr(co$specificity)),
    youden = list(call = "coords(roc, \"best\", best.method = \"youden\", transpose = FALSE)",
                  threshold = arr(best$threshold), sensitivity = arr(best$sensitivity), specificity = arr(best$specificity))
  )
  if (length(r$cases) > 1 && length(r$controls) > 1) {
    ci <- ci.auc(r, method = "delong", conf.level = 0.95)
    ci90 <- ci.auc(r, method = "delong", conf.level = 0.90)
    out$ciDeLong <- list(call = "ci.auc(roc, method = \"delong\", conf.level = 0.95)", value = c(ci[1], ci[3]))
    out$ciDeLong90 <- list(call = "ci.auc(roc, method = \"delong\", conf.level = 0.90)", value = c(ci90[1], ci90[3]))
    set.seed(1)
    cb <- ci.auc(r, method = "bootstrap", boot.n = 2000, boot.stratified = TRUE, conf.level = 0.95, progress = "none")
    out$ciBootstrap <- list(call = "set.seed(1); ci.auc(roc, method = \"bootstrap\", boot.n = 2000, boot.stratified = TRUE)",
                            value = c(cb[1], cb[3]), median = cb[2])
    t <- roc.test(r, r2, method = "delong", paired = TRUE)
    out$rocTest <- list(call = "roc.test(roc(outcome, score), roc(outcome, score2), method = \"delong\", paired = TRUE)",
                        auc1 = unname(t$estimate[1]), auc2 = unname(t$estimate[2]), z = unname(t$statistic),
                        p = t$p.value, ci = as.numeric(t$conf.int))
  }
  x <- d$score[d$outcome == 1]; yy <- d$score[d$outcome == 0]
  w <- suppressWarnings(wilcox.test(x = x, y = yy))
  wn <- suppressWarnings(wilcox.test(x = x, y = yy, exact = FALSE))
  wnc <- suppressWarnings(wilcox.test(x = x, y = yy, exact = FALSE, correct = FALSE))
  out$wilcox <- list(call = "wilcox.test(x = score[outcome == 1], y = score[outcome == 0])",
                     W = unname(w$statistic), p = w$p.value, method = if (grepl("exact", w$method) && !grepl("continuity", w$method)) "exact" else "normal",
                     methodText = w$method)
  out$wilcoxNormal <- list(call = "wilcox.test(x, y, exact = FALSE)", W = unname(wn$statistic), p = wn$p.value)
  out$wilcoxNormalNoCorrect <- list(call = "wilcox.test(x, y, exact = FALSE, correct = FALSE)", W = unname(wnc$statistic), p = wnc$p.value)
  if (all(d$score >= 0 & d$score <= 1)) {
    n <- length(d$outcome); prev <- mean(d$outcome)
    nb <- sapply(thresholds, function(pt) { pos <- d$score >= pt; sum(pos & d$outcome == 1)/n - sum(pos & d$outcome == 0)/n * pt/(1 - pt) })
    all <- prev - (1 - prev) * thresholds/(1 - thresholds)
    out$netBenefit <- list(call = "sapply(thresholds, function(pt) {pos <- score >= pt; sum(pos & y == 1)/n - sum(pos & y == 0)/n * pt/(1 - pt)}); thresholds = seq(0.01, 0.99, by = 0.01)",
                           thresholds = thresholds, model = nb, treatAll = all)
    if (length(unique(d$outcome)) == 2) {
      lp <- qlogis(d$score)
      if (all(is.finite(lp))) {
        ctl <- glm.control(epsilon = 1e-14, maxit = 100)
        g0 <- suppressWarnings(glm(d$outcome ~ offset(lp), family = binomial, control = ctl))
        g1 <- suppressWarnings(glm(d$outcome ~ lp, family = binomial, control = ctl))
        out$calibration <- list(call = "glm(y ~ offset(qlogis(p)), binomial); glm(y ~ qlogis(p), binomial); mean((p - y)^2)",
                                intercept = unname(coef(g0)[1]), slope = unname(coef(g1)[2]),
                                brier = mean((d$score - d$outcome)^2))
      }
    }
  }
  out
}
golden <- list(
  generator = "test/golden/make-stats-golden.R",
  R = R.version.string,
  pROC = as.character(packageVersion("pROC")),
  datasets = lapply(datasets, one)
)

# ---------------------------------------------------------------- distributions
xs <- c(-37.5, -20, -8.3, -5, -3, -2.5, -1.96, -1, -0.3, 0, 0.1, 0.7, 1.5, 2.4999, 2.5, 3.2, 6, 9.9)
ps <- c(1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.025, 0.1, 0.3, 0.5, 0.6, 0.9, 0.975, 0.999, 1 - 1e-10)
chi <- expand.grid(x = c(0.001, 0.5, 1, 3.84, 7.2, 15, 40, 120, 400), df = c(1, 2, 3, 5, 9, 30))
golden$distributions <- list(
  pnorm = list(call = "pnorm(x)", x = xs, value = pnorm(xs)),
  pnormUpper = list(call = "pnorm(x, lower.tail = FALSE)", x = xs, value = pnorm(xs, lower.tail = FALSE)),
  qnorm = list(call = "qnorm(p)", p = ps, value = qnorm(ps)),
  pchisqUpper = list(call = "pchisq(x, df, lower.tail = FALSE)", x = chi$x, df = chi$df, value = pchisq(chi$x, chi$df, lower.tail = FALSE)),
  pchisq = list(call = "pchisq(x, df)", x = chi$x, df = chi$df, value = pchisq(chi$x, chi$df)),
  lgamma = list(call = "lgamma(x)", x = c(0.1, 0.5, 1, 1.5, 2.5, 7.3, 14.5, 50, 171.5, 1000.25), value = lgamma(c(0.1, 0.5, 1, 1.5, 2.5, 7.3, 14.5, 50, 171.5, 1000.25)))
)

# ---------------------------------------------------------------- quantile type 7
qx <- c(3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5)
qp <- c(0, 0.025, 0.1, 0.25, 0.5, 0.77, 0.975, 1)
golden$quantile <- list(call = "quantile(x, p, type = 7, names = FALSE)", x = qx, p = qp, value = quantile(qx, qp, type = 7, names = FALSE))

# ---------------------------------------------------------------- contingency tables
tables <- list(
  t2x2 = matrix(c(12, 5, 3, 14), 2, byrow = TRUE),
  t2x2small = matrix(c(3, 1, 1, 3), 2, byrow = TRUE),
  t2x2zero = matrix(c(0, 7, 5, 2), 2, byrow = TRUE),
  t2x3 = matrix(c(10, 6, 4, 3, 8, 9), 2, byrow = TRUE),
  t3x3 = matrix(c(5, 2, 1, 2, 6, 3, 1, 2, 7), 3, byrow = TRUE),
  t3x4 = matrix(c(4, 2, 3, 1, 1, 5, 2, 2, 3, 1, 4, 6), 3, byrow = TRUE),
  t2x4 = matrix(c(20, 15, 9, 4, 12, 18, 14, 11), 2, byrow = TRUE)
)
golden$tables <- lapply(tables, function(t) {
  cs <- suppressWarnings(chisq.test(t))
  cs0 <- suppressWarnings(chisq.test(t, correct = FALSE))
  f <- fisher.test(t)
  list(table = t,
       chisq = list(call = "chisq.test(table)", statistic = unname(cs$statistic), df = unname(cs$parameter), p = cs$p.value),
       chisqNoCorrect = list(call = "chisq.test(table, correct = FALSE)", statistic = unname(cs0$statistic), p = cs0$p.value),
       fisher = list(call = "fisher.test(table)", p = f$p.value))
})

# ---------------------------------------------------------------- Kruskal-Wallis
kw <- list(
  ties = list(c(2.9, 3.0, 2.5, 2.6, 3.2), c(3.8, 2.7, 4.0, 2.4), c(2.8, 3.4, 3.7, 2.2, 2.0), c(3.0, 3.0, 2.5)),
  ordinal = list(c(1, 2, 2, 3, 1, 2), c(2, 3, 3, 4, 3), c(4, 4, 3, 4, 2, 4, 3)),
  continuous = list(round(rnorm(15, 40, 10), 4), round(rnorm(20, 45, 10), 4), round(rnorm(12, 52, 10), 4))
)
golden$kruskal <- lapply(kw, function(g) {
  k <- kruskal.test(g)
  list(groups = lapply(g, arr), call = "kruskal.test(groups)", statistic = unname(k$statistic), df = unname(k$parameter), p = k$p.value)
})

# ---------------------------------------------------------------- Wilson intervals
wil <- expand.grid(x = c(0, 1, 7, 20), n = c(20, 55))
golden$wilson <- list(call = "prop.test(x, n, correct = FALSE, conf.level = 0.95)$conf.int", x = wil$x, n = wil$n,
  lower = mapply(function(x, n) prop.test(x, n, correct = FALSE)$conf.int[1], wil$x, wil$n),
  upper = mapply(function(x, n) prop.test(x, n, correct = FALSE)$conf.int[2], wil$x, wil$n))

# ---------------------------------------------------------------- weighted kappa (formula)
cm <- matrix(c(30, 6, 2, 0, 4, 25, 7, 1, 1, 5, 22, 6, 0, 2, 4, 18), 4, byrow = TRUE)
kappa <- function(m, w) { n <- sum(m); po <- sum(w * m)/n; pe <- sum(w * outer(rowSums(m), colSums(m)))/n^2; (po - pe)/(1 - pe) }
k <- nrow(cm); d <- abs(outer(1:k, 1:k, "-"))
golden$kappa <- list(call = "(po - pe)/(1 - pe) with weights diag / 1 - |i-j|/(k-1) / 1 - (i-j)^2/(k-1)^2",
  confusion = cm, unweighted = kappa(cm, diag(k)), linear = kappa(cm, 1 - d/(k - 1)), quadratic = kappa(cm, 1 - d^2/(k - 1)^2))

writeLines(json(golden), "test/golden/stats.json")
cat("wrote test/golden/stats.json\n")

#!/usr/bin/env Rscript
# Golden values for the "Beyond the paper" statistics (issue #14) in src/components/stats.
# Run from the repository root:  Rscript test/golden/make-beyond-golden.R
# Writes test/golden/beyond.json. Tests only READ that file; R is not needed to run them.
# Installed from Debian bookworm: r-base-core r-cran-nnet r-cran-metafor r-cran-proc r-cran-psy r-cran-psych
# r-cran-jsonlite. irr is not packaged for Debian: weighted kappa comes from psy::wkappa (the same formula as
# irr::kappa2(weight = "equal"/"squared"): agreement weights 1 − |i−j|/(k−1) and 1 − (i−j)²/(k−1)²), cross-checked
# in this script against psych::cohen.kappa. pmsampsize is not packaged either: Riley et al.'s criteria are computed
# from the published formulas, and this script stops unless they reproduce the package's documented example
# (pmsampsize(type = "b", csrsquared = 0.288, parameters = 24, prevalence = 0.174): 623, 662, 221 → 662).
# Every value is stored with the exact R call that produced it ("call"), numbers with 17 significant digits, NA as null.
suppressPackageStartupMessages({
  library(nnet); library(metafor); library(pROC); library(psy); library(psych)
})

source("test/golden/goldenJson.R")
check <- function(ok, what) if (!isTRUE(ok)) stop("cross-check failed: ", what)

golden <- list(
  generator = "test/golden/make-beyond-golden.R",
  R = R.version.string,
  packages = list(nnet = as.character(packageVersion("nnet")), metafor = as.character(packageVersion("metafor")),
                  pROC = as.character(packageVersion("pROC")), psy = as.character(packageVersion("psy")),
                  psych = as.character(packageVersion("psych")))
)

# ---------------------------------------------------------------- multinomial logistic regression
# A clinical-like training set: numeric and factor predictors, four ordered classes CR/PR/SD/PD.
set.seed(20201414)
n <- 180
clin <- data.frame(
  age = round(rnorm(n, 56, 10), 0),
  log_afp = round(rnorm(n, 2, 1.2), 3),
  size = round(rlnorm(n, log(5), 0.5), 1),
  sex = factor(sample(c("F", "M"), n, TRUE, c(0.2, 0.8)), levels = c("F", "M")),
  child_pugh = factor(sample(c("A", "B"), n, TRUE, c(0.75, 0.25)), levels = c("A", "B")),
  number = factor(sample(c("1", "2-3", ">3"), n, TRUE, c(0.5, 0.3, 0.2)), levels = c("1", "2-3", ">3"))
)
lp <- with(clin, cbind(0,
  0.3 - 0.15 * (size - 5) + 0.2 * (child_pugh == "B"),
  -0.2 - 0.1 * (size - 5) + 0.3 * log_afp * 0.5 + 0.5 * (number != "1"),
  -1.2 + 0.25 * (size - 5) + 0.35 * log_afp + 0.8 * (number == ">3") + 0.02 * (age - 56)))
pr <- exp(lp) / rowSums(exp(lp))
clin$y <- factor(c("CR", "PR", "SD", "PD")[apply(pr, 1, function(p) sample(1:4, 1, prob = p))], levels = c("CR", "PR", "SD", "PD"))
external <- clin[1:25, ]
external$age <- round(rnorm(25, 60, 9)); external$log_afp <- round(rnorm(25, 2.4, 1), 3); external$size <- round(rlnorm(25, log(6), 0.5), 1)

fmFull <- y ~ age + log_afp + size + sex + child_pugh + number
fmReduced <- y ~ age + log_afp + sex + child_pugh + number
ctl <- list(maxit = 100000, reltol = 1e-16, abstol = 1e-300, trace = FALSE)
fitm <- function(fm, decay = 0) do.call(multinom, c(list(formula = fm, data = clin, decay = decay), ctl))
mFull <- fitm(fmFull); mReduced <- fitm(fmReduced); mRidge <- fitm(fmFull, decay = 2)

# Plain-R Newton for −loglik + (λ/2)·Σ pen·β², used to cross-check nnet (decay d ⇔ λ = 2d on every weight) and to
# produce the golden for a ridge that leaves the intercepts unpenalised, which nnet cannot fit.
newton <- function(X, Y, lambda, pen) {
  p <- ncol(X); K <- ncol(Y); B <- matrix(0, p, K - 1)
  for (it in 1:200) {
    eta <- cbind(0, X %*% B); P <- exp(eta - apply(eta, 1, max)); P <- P / rowSums(P)
    g <- as.vector(t(X) %*% (Y[, -1] - P[, -1])) - lambda * pen * as.vector(B)
    H <- matrix(0, p * (K - 1), p * (K - 1))
    for (a in 1:(K - 1)) for (b in 1:(K - 1)) {
      w <- P[, a + 1] * ((a == b) - P[, b + 1])
      H[(a - 1) * p + 1:p, (b - 1) * p + 1:p] <- t(X) %*% (X * w)
    }
    step <- solve(H + diag(lambda * pen, p * (K - 1)), g); B <- B + matrix(step, p)
    if (max(abs(step)) < 1e-13) break
  }
  eta <- cbind(0, X %*% B); ll <- sum(Y * (eta - log(rowSums(exp(eta)))))
  list(B = B, ll = ll)
}
X <- model.matrix(fmFull, clin); Y <- model.matrix(~ y - 1, clin); p <- ncol(X)
nwAll <- newton(X, Y, 4, rep(1, p * 3))
check(max(abs(t(coef(mRidge)) - nwAll$B)) < 1e-6, "nnet decay = 2 vs Newton with λ = 4 on every weight")
check(max(abs(t(coef(mFull)) - newton(X, Y, 0, rep(0, p * 3))$B)) < 1e-6, "nnet vs Newton, no penalty")
nwNoInt <- newton(X, Y, 3, rep(c(0, rep(1, p - 1)), 3))

mfit <- function(m, call) list(call = call, coefficients = coef(m), columns = colnames(coef(m)), classes = rownames(coef(m)),
                               logLik = as.numeric(logLik(m)), deviance = deviance(m), value = m$value)
lr <- anova(mReduced, mFull)
golden$multinomial <- list(
  data = list(age = clin$age, log_afp = clin$log_afp, size = clin$size, sex = clin$sex, child_pugh = clin$child_pugh,
              number = clin$number, y = clin$y),
  external = list(age = external$age, log_afp = external$log_afp, size = external$size, sex = external$sex,
                  child_pugh = external$child_pugh, number = external$number),
  full = c(mfit(mFull, "multinom(y ~ age + log_afp + size + sex + child_pugh + number, maxit = 1e5, reltol = 1e-16, abstol = 1e-300)"),
           list(fitted = fitted(mFull)[1:10, ], externalProbs = predict(mFull, external, type = "probs"))),
  reduced = mfit(mReduced, "multinom(y ~ age + log_afp + sex + child_pugh + number, maxit = 1e5, reltol = 1e-16, abstol = 1e-300)"),
  ridgeAll = c(mfit(mRidge, "multinom(y ~ ..., decay = 2, maxit = 1e5, reltol = 1e-16): −loglik + 2·Σβ² over every weight, intercepts included"),
               list(lambda = 4, penalizeIntercept = TRUE)),
  ridgeSlopes = list(call = "plain-R Newton on −loglik + (3/2)·Σβ² over non-intercept weights (cross-checked against nnet with decay above)",
                     lambda = 3, penalizeIntercept = FALSE, coefficients = t(nwNoInt$B), logLik = nwNoInt$ll),
  lrt = list(call = "anova(multinom(reduced), multinom(full))", statistic = lr[2, "LR stat."], df = lr[2, "   Df"],
             p = lr[2, "Pr(Chi)"])
)

# binary logistic regression: objective response (CR or PR) against the same predictors
clin$or <- as.numeric(clin$y %in% c("CR", "PR"))
g <- glm(or ~ age + log_afp + size + sex + child_pugh + number, binomial, clin, control = glm.control(epsilon = 1e-14, maxit = 100))
golden$binaryLogistic <- list(call = "glm(or ~ age + log_afp + size + sex + child_pugh + number, binomial, control = glm.control(epsilon = 1e-14))",
                              outcome = clin$or, coefficients = unname(coef(g)), columns = names(coef(g)),
                              logLik = as.numeric(logLik(g)), deviance = deviance(g), nullDeviance = g$null.deviance)

# ---------------------------------------------------------------- random-effects meta-analysis
mctl <- list(threshold = 1e-14, maxiter = 10000, stepadj = 0.5)
bcg <- escalc(measure = "RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
auc <- c(0.78, 0.71, 0.84); aucSe <- c(0.035, 0.041, 0.030)
meta <- list(
  bcg = list(yi = as.numeric(bcg$yi), vi = as.numeric(bcg$vi), source = "metafor::dat.bcg, escalc(\"RR\")"),
  centres = list(yi = qlogis(auc), vi = aucSe^2 / (auc * (1 - auc))^2, auc = auc, aucSe = aucSe,
                 source = "three centre AUCs on the logit scale, delta-method variance se²/(auc(1 − auc))²"),
  homogeneous = list(yi = c(0.51, 0.49, 0.5, 0.52, 0.48), vi = c(0.04, 0.05, 0.03, 0.06, 0.045), source = "tau² at its boundary 0")
)
golden$meta <- lapply(meta, function(m) {
  one <- function(method) {
    r <- rma(m$yi, m$vi, method = method, control = mctl)
    list(call = sprintf("rma(yi, vi, method = \"%s\", control = list(threshold = 1e-14, maxiter = 1e4, stepadj = 0.5))", method),
         tau2 = r$tau2, estimate = as.numeric(r$beta), se = r$se, ciLower = r$ci.lb, ciUpper = r$ci.ub, z = r$zval,
         p = r$pval, Q = r$QE, Qp = r$QEp, I2 = r$I2, H2 = r$H2, k = r$k)
  }
  c(m["source"], list(yi = arr(m$yi), vi = arr(m$vi), DL = one("DL"), REML = one("REML")),
    if (is.null(m$auc)) NULL else list(auc = m$auc, aucSe = m$aucSe))
})

# ---------------------------------------------------------------- weighted kappa and ordinal concordance
set.seed(7)
nk <- 140
obs <- sample(1:4, nk, TRUE, c(0.15, 0.35, 0.3, 0.2))
probs <- t(sapply(obs, function(o) { a <- rep(1, 4); a[o] <- 3.2; a[pmin(4, o + 1)] <- a[pmin(4, o + 1)] + 0.8; g <- rgamma(4, a); g / sum(g) }))
probs <- round(probs, 4); probs[, 4] <- 1 - rowSums(probs[, 1:3])
pred <- max.col(probs, ties.method = "first")
check(all(1:4 %in% obs) && all(1:4 %in% pred), "all four classes present in the kappa data")
wk <- function(w) psy::wkappa(cbind(obs, pred), weights = w)$kappa
Wlin <- abs(outer(1:4, 1:4, "-")) / 3; Wsq <- Wlin^2
ckLin <- cohen.kappa(cbind(obs, pred), w = Wlin)$weighted.kappa; ckSq <- cohen.kappa(cbind(obs, pred), w = Wsq)$weighted.kappa
check(abs(ckLin - wk("absolute")) < 1e-12 && abs(ckSq - wk("squared")) < 1e-12, "psy::wkappa vs psych::cohen.kappa")
score <- as.vector(probs %*% 1:4)
pairs <- combn(4, 2)
pairAuc <- apply(pairs, 2, function(ij) {
  s <- obs %in% ij
  as.numeric(auc(roc(as.numeric(obs[s] == ij[2]), score[s], levels = c(0, 1), direction = "<", quiet = TRUE)))
})
pairN <- apply(pairs, 2, function(ij) sum(obs == ij[1]) * sum(obs == ij[2]))
golden$ordinal <- list(
  observed = obs, predicted = pred, probabilities = probs, score = score,
  kappaLinear = list(call = "psy::wkappa(cbind(observed, predicted), weights = \"absolute\")$kappa (= irr::kappa2(weight = \"equal\"))", value = wk("absolute")),
  kappaQuadratic = list(call = "psy::wkappa(cbind(observed, predicted), weights = \"squared\")$kappa (= irr::kappa2(weight = \"squared\"))", value = wk("squared")),
  kappaUnweighted = list(call = "psych::cohen.kappa(cbind(observed, predicted))$kappa", value = cohen.kappa(cbind(obs, pred))$kappa),
  orc = list(call = "mean over the 6 class pairs i < j of pROC::auc(roc(class == j, score, direction = \"<\")) on patients of classes i and j; score = Σ k·p_k",
             value = mean(pairAuc), pairAuc = pairAuc),
  harrellC = list(call = "Σ n_i n_j AUC_ij / Σ n_i n_j over the same pairs (every pair of patients with different classes)",
                  value = sum(pairN * pairAuc) / sum(pairN))
)

# ---------------------------------------------------------------- Holm
ph <- c(0.001, 0.04, 0.03, 0.2, 0.0049, NA, 0.04, 0.5, 1e-8, 0.012, 0.75, 0.0125)
golden$holm <- list(call = "p.adjust(p, method = \"holm\")", p = ph, adjusted = p.adjust(ph, method = "holm"))

# ---------------------------------------------------------------- Riley et al. (2020) minimum sample size
# Binary outcome (Riley et al., BMJ 2020;368:m441, criteria i–iii).
rileyBinary <- function(r2cs, parameters, prevalence, shrinkage = 0.9, delta = 0.05, margin = 0.05) {
  maxR2 <- 1 - (prevalence^prevalence * (1 - prevalence)^(1 - prevalence))^2
  n1 <- parameters / ((shrinkage - 1) * log(1 - r2cs / shrinkage))
  s2 <- r2cs / (r2cs + delta * maxR2)
  n2 <- parameters / ((s2 - 1) * log(1 - r2cs / s2))
  n3 <- (qnorm(0.975) / margin)^2 * prevalence * (1 - prevalence)
  list(maxR2 = maxR2, n1 = n1, n2 = n2, shrinkage2 = s2, n3 = n3, n = max(ceiling(c(n1, n2, n3))))
}
ex <- rileyBinary(0.288, 24, 0.174)
check(identical(ceiling(c(ex$n1, ex$n2, ex$n3)), c(623, 662, 221)), "Riley formulas reproduce pmsampsize's documented example")
golden$riley <- list(
  binaryExample = c(list(call = "formulas of Riley et al. 2020 for pmsampsize(type = \"b\", csrsquared = 0.288, parameters = 24, prevalence = 0.174); documented result 623, 662, 221 → 662",
                         r2cs = 0.288, parameters = 24, prevalence = 0.174), ex),
  binarySmall = c(list(call = "same formulas, csrsquared = 0.12, parameters = 10, prevalence = 0.42", r2cs = 0.12, parameters = 10, prevalence = 0.42),
                  rileyBinary(0.12, 10, 0.42))
)
# The multinomial extension (Pate et al. 2023) is golden-tested from Pate's own R code: make-sample-size-golden.R.

# ---------------------------------------------------------------- loess calibration curve
set.seed(11)
nl <- 150
pl <- round(plogis(rnorm(nl, -0.3, 1.2)), 6)
yl <- rbinom(nl, 1, plogis(0.2 + 0.8 * qlogis(pl)))
plt <- round(pl, 2) # with ties
lo <- function(p, y, span) {
  f <- loess(y ~ p, span = span, degree = 2, family = "gaussian", control = loess.control(surface = "direct"))
  grid <- seq(min(p), max(p), length.out = 11)
  list(call = sprintf("loess(y ~ p, span = %s, degree = 2, family = \"gaussian\", control = loess.control(surface = \"direct\"))", span),
       span = span, p = p, y = y, fitted = as.numeric(fitted(f)), grid = grid, predicted = as.numeric(predict(f, data.frame(p = grid))))
}
golden$loess <- list(continuous = lo(pl, yl, 0.75), ties = lo(plt, yl, 0.75), narrow = lo(pl, yl, 0.3))

writeLines(json(golden), "test/golden/beyond.json")
cat("wrote test/golden/beyond.json\n")

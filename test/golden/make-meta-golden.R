#!/usr/bin/env Rscript
# Golden values for the transportability intervals of the random-effects pooling (issue #22) in src/components/stats:
# Hartung–Knapp–Sidik–Jonkman (HKSJ) intervals, prediction intervals (Riley, Higgins & Deeks, BMJ 2011), the
# Q-profile interval of τ² (with the I² and H² bounds it implies), Student t and χ² quantiles, and the
# calibration-in-the-large intercept with its standard error.
# Run from the repository root:  Rscript test/golden/make-meta-golden.R
# Writes test/golden/meta.json. Tests only READ that file; R is not needed to run them.
# Installed from Debian bookworm: r-base-core r-cran-metafor r-cran-jsonlite.
# The REML fit itself (τ², estimate, Wald interval, Q, I², H²) is golden in make-beyond-golden.R (beyond.json, "meta");
# this script uses the same three datasets (and the same rma control) so the two files agree, and adds one where every
# estimate is equal (the HKSJ variance factor is then 0).
# metafor details this file pins down (read from metafor 3.8-1's rma.uni and predict.rma):
# - test = "knha": vb is multiplied by s2w = Σ wᵢ(yᵢ − μ̂)²/(k − 1) with wᵢ = 1/(vᵢ + τ̂²), NOT truncated at 1 (that
#   is test = "adhoc"), and set to 0 when that sum is ≤ .Machine$double.eps; the interval uses t with k − 1 df.
# - predict() under test = "knha" gives by default μ̂ ± t(k − 1)·√(se²_HKSJ + τ̂²): k − 1 df, not k − 2.
#   pi.type = "riley" gives k − 2 df (ddf − parms + p) and keeps the model's own se: under test = "z" that is
#   Riley et al.'s μ̂ ± t(k − 2)·√(se² + τ̂²), under test = "knha" the same with the HKSJ se. Both are stored.
# - confint() of τ² is the Q-profile interval by default (type = "QP"), searched with uniroot on
#   [0, max(100, 10·τ̂²)]; its default tol (.Machine$double.eps^0.25) is too loose for a 1e-6 golden, so tol = 1e-12.
# Every value is stored with the exact R call that produced it ("call"), numbers with 17 significant digits, NA as null.
suppressPackageStartupMessages(library(metafor))

source("test/golden/goldenJson.R")

golden <- list(
  generator = "test/golden/make-meta-golden.R",
  R = R.version.string,
  packages = list(metafor = as.character(packageVersion("metafor")))
)

# ---------------------------------------------------------------- datasets (as make-beyond-golden.R's "meta")
mctl <- list(threshold = 1e-14, maxiter = 10000, stepadj = 0.5)
bcg <- escalc(measure = "RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
auc <- c(0.78, 0.71, 0.84); aucSe <- c(0.035, 0.041, 0.030)
meta <- list(
  bcg = list(yi = as.numeric(bcg$yi), vi = as.numeric(bcg$vi), source = "metafor::dat.bcg, escalc(\"RR\")"),
  centres = list(yi = qlogis(auc), vi = aucSe^2 / (auc * (1 - auc))^2,
                 source = "three centre AUCs on the logit scale, delta-method variance se²/(auc(1 − auc))²"),
  homogeneous = list(yi = c(0.51, 0.49, 0.5, 0.52, 0.48), vi = c(0.04, 0.05, 0.03, 0.06, 0.045), source = "tau² at its boundary 0"),
  identical = list(yi = c(0.3, 0.3, 0.3, 0.3), vi = c(0.02, 0.03, 0.04, 0.05),
                   source = "every estimate equal: the HKSJ variance factor is 0 (metafor sets s2w = 0 at RSS ≤ .Machine$double.eps)")
)
levels <- c(0.95, 0.9)

intervals <- function(m, level) {
  pct <- 100 * level
  z <- rma(m$yi, m$vi, method = "REML", level = pct, control = mctl)
  kh <- rma(m$yi, m$vi, method = "REML", test = "knha", level = pct, control = mctl)
  pz <- predict(z, pi.type = "riley")
  pk <- predict(kh)
  pkr <- predict(kh, pi.type = "riley")
  ci <- confint(z, level = pct, control = list(tol = 1e-12))$random
  fit <- sprintf("rma(yi, vi, method = \"REML\"%%s, level = %s, control = list(threshold = 1e-14, maxiter = 1e4, stepadj = 0.5))", pct)
  list(
    level = level,
    tau2 = z$tau2, estimate = as.numeric(z$beta), seWald = z$se,
    knha = list(call = sprintf(fit, ", test = \"knha\""), estimate = as.numeric(kh$beta), se = kh$se, s2w = kh$s2w,
                ciLower = kh$ci.lb, ciUpper = kh$ci.ub, t = kh$zval, p = kh$pval, df = kh$ddf),
    predictRiley = list(call = paste0("predict(", sprintf(fit, ""), ", pi.type = \"riley\")"),
                        piLower = pz$pi.lb, piUpper = pz$pi.ub, df = pz$pi.ddf),
    predictKnha = list(call = paste0("predict(", sprintf(fit, ", test = \"knha\""), ")"),
                       piLower = pk$pi.lb, piUpper = pk$pi.ub, df = pk$pi.ddf),
    predictKnhaRiley = list(call = paste0("predict(", sprintf(fit, ", test = \"knha\""), ", pi.type = \"riley\")"),
                            piLower = pkr$pi.lb, piUpper = pkr$pi.ub, df = pkr$pi.ddf),
    qprofile = list(call = paste0("confint(", sprintf(fit, ""), ", level = ", pct, ", control = list(tol = 1e-12))$random"),
                    tau2Lower = ci["tau^2", "ci.lb"], tau2Upper = ci["tau^2", "ci.ub"],
                    I2Lower = ci["I^2(%)", "ci.lb"], I2Upper = ci["I^2(%)", "ci.ub"],
                    H2Lower = ci["H^2", "ci.lb"], H2Upper = ci["H^2", "ci.ub"],
                    Q0 = as.numeric(metafor:::.QE.func(0, Y = as.matrix(m$yi), vi = m$vi, X = matrix(1, length(m$yi)), k = length(m$yi), objective = 0)))
  )
}
golden$meta <- lapply(meta, function(m) {
  c(m["source"], list(yi = arr(m$yi), vi = arr(m$vi), k = length(m$yi)),
    list(levels = lapply(levels, function(l) intervals(m, l))))
})

# ---------------------------------------------------------------- distribution quantiles
tq <- expand.grid(p = c(0.975, 0.95, 0.995, 0.9, 0.6, 0.025), df = c(1, 2, 3, 4.5, 11, 30, 200))
bq <- expand.grid(x = c(0.001, 0.2, 0.5, 0.77, 0.999), a = c(0.5, 1.5, 6, 40), b = c(0.5, 2, 13.5))
cq <- expand.grid(p = c(0.025, 0.975, 0.05, 0.95, 0.5, 0.001), df = c(1, 2, 3, 4, 12, 60))
golden$quantiles <- list(
  t = list(call = "qt(p, df)", p = tq$p, df = tq$df, q = qt(tq$p, tq$df), cdf = pt(qt(tq$p, tq$df) * 0.7, tq$df),
           cdfCall = "pt(0.7 * qt(p, df), df)"),
  chiSquare = list(call = "qchisq(p, df)", p = cq$p, df = cq$df, q = qchisq(cq$p, cq$df)),
  beta = list(call = "pbeta(x, a, b)", x = bq$x, a = bq$a, b = bq$b, p = pbeta(bq$x, bq$a, bq$b))
)

# ---------------------------------------------------------------- calibration-in-the-large
set.seed(2201)
citl <- function(n, shift) {
  p <- round(plogis(rnorm(n, -0.2, 1.1)), 6)
  y <- rbinom(n, 1, plogis(qlogis(p) + shift))
  g <- glm(y ~ offset(qlogis(p)), family = binomial, control = glm.control(epsilon = 1e-14, maxit = 100))
  list(call = "glm(y ~ offset(qlogis(p)), family = binomial, control = glm.control(epsilon = 1e-14, maxit = 100))",
       p = p, y = y, intercept = unname(coef(g)[1]), se = unname(sqrt(diag(vcov(g)))[1]))
}
golden$calibrationInTheLarge <- list(overPredicting = citl(80, -0.6), small = citl(25, 0.3), large = citl(400, 0))

writeLines(json(golden), "test/golden/meta.json")
cat("wrote test/golden/meta.json\n")

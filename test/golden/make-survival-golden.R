#!/usr/bin/env Rscript
# Golden values for src/components/stats/survival, computed by R's survival package.
# Run from the repository root:  Rscript test/golden/make-survival-golden.R
# Writes test/golden/survival.json. Tests only READ that file; R is not needed to run them.
# Every value is stored with the exact R call that produced it ("call"), numbers with 17 significant digits,
# ±Inf as the strings "Infinity"/"-Infinity", NA as null.
#
# Datasets: survival::lung, survival::aml, three small hand-made cases (ties of every kind, a Kaplan-Meier curve with
# a flat stretch at exactly 0.5, one that ends on it), and the real HCC-TACE-Seg clinical sheet read from
# ../shared/realdata (only aggregated statistics of it are written here, never a row: the TypeScript test re-reads
# the sheet and recomputes the same score).
#
# Time-dependent AUC: neither timeROC nor survivalROC is packaged for Debian (apt-cache policy r-cran-timeroc
# r-cran-survivalroc finds nothing), so it is computed below in plain R from its definition (Uno 2007 / Blanche's
# timeROC with weighting = "marginal"): cases T <= t with an event weighted 1/G(T-), controls T > t weighted 1/G(t),
# G the Kaplan-Meier of the censoring times with events leaving the risk set first at a tie (prodlim's reverse = TRUE,
# pl_step(n - d), which timeROC uses through pec::ipcw), marker ties counting 1/2.
suppressPackageStartupMessages(library(survival))

source("test/golden/goldenJson.R")

ci_level <- 0.95

# ---------------------------------------------------------------- helpers, one per statistic
km <- function(time, event, label, conf.int = 0.95) {
  fit <- survfit(Surv(time, event) ~ 1, conf.int = conf.int)
  s <- summary(fit, censored = TRUE)
  list(
    call = sprintf("fit <- survfit(Surv(time, event) ~ 1, conf.int = %s)  # %s", conf.int, label),
    time = arr(fit$time), n.risk = arr(fit$n.risk), n.event = arr(fit$n.event), n.censor = arr(fit$n.censor),
    surv = arr(fit$surv),
    std.err = list(call = "summary(fit, censored = TRUE)$std.err", value = arr(s$std.err)),
    std.err.log = list(call = "fit$std.err", value = arr(fit$std.err)),
    lower = arr(fit$lower), upper = arr(fit$upper)
  )
}

quantiles <- function(time, event) {
  fit <- survfit(Surv(time, event) ~ 1)
  q <- quantile(fit, probs = c(0.25, 0.5, 0.75))
  tab <- summary(fit)$table
  list(
    quantile = list(call = "quantile(survfit(Surv(time, event) ~ 1), probs = c(0.25, 0.5, 0.75))",
                    probs = arr(c(0.25, 0.5, 0.75)), quantile = arr(unname(q$quantile)),
                    lower = arr(unname(q$lower)), upper = arr(unname(q$upper))),
    print = list(call = "summary(survfit(Surv(time, event) ~ 1))$table[c(\"median\", \"0.95LCL\", \"0.95UCL\")]",
                 median = unname(tab["median"]), lower = unname(tab["0.95LCL"]), upper = unname(tab["0.95UCL"]))
  )
}

km_at <- function(time, event, times, extend = FALSE) {
  fit <- survfit(Surv(time, event) ~ 1)
  s <- summary(fit, times = times, extend = extend)
  list(call = sprintf("summary(survfit(Surv(time, event) ~ 1), times = c(%s), extend = %s)",
                      paste(times, collapse = ", "), extend),
       times = arr(times), extend = extend,
       time = arr(s$time), n.risk = arr(s$n.risk), n.event = arr(s$n.event), n.censor = arr(s$n.censor),
       surv = arr(s$surv), std.err = arr(s$std.err), lower = arr(s$lower), upper = arr(s$upper))
}

logrank <- function(time, event, group) {
  d <- survdiff(Surv(time, event) ~ group)
  list(call = "survdiff(Surv(time, event) ~ group)",
       levels = arr(sub("^group=", "", names(d$n))), n = arr(as.vector(d$n)), observed = arr(d$obs), expected = arr(d$exp),
       var = d$var, chisq = d$chisq, df = length(d$n) - 1, p = pchisq(d$chisq, length(d$n) - 1, lower.tail = FALSE))
}

cox <- function(time, event, x) {
  fit <- coxph(Surv(time, event) ~ x)
  s <- summary(fit, conf.int = ci_level)
  ci <- s$conf.int
  list(call = "fit <- coxph(Surv(time, event) ~ x); s <- summary(fit)",
       coef = unname(coef(fit)), se = unname(sqrt(fit$var[1, 1])), hr = unname(exp(coef(fit))),
       ci = list(call = "s$conf.int[, c(\"lower .95\", \"upper .95\")]", value = arr(unname(ci[1, 3:4]))),
       z = unname(s$coefficients[1, "z"]), p = unname(s$coefficients[1, "Pr(>|z|)"]),
       wald = list(call = "fit$wald.test; pchisq(fit$wald.test, 1, lower.tail = FALSE)  # s$waldtest rounds the test",
                   chisq = unname(fit$wald.test), p = pchisq(unname(fit$wald.test), 1, lower.tail = FALSE)),
       lrt = list(call = "s$logtest", chisq = unname(s$logtest["test"]), p = unname(s$logtest["pvalue"])),
       score = list(call = "s$sctest", chisq = unname(s$sctest["test"]), p = unname(s$sctest["pvalue"])),
       loglik = arr(fit$loglik), n = fit$n, nevent = fit$nevent, iter = fit$iter)
}

zph <- function(time, event, x, transform = "km") {
  fit <- coxph(Surv(time, event) ~ x)
  z <- cox.zph(fit, transform = transform)
  list(call = sprintf("cox.zph(coxph(Surv(time, event) ~ x), transform = \"%s\")", transform),
       transform = transform, chisq = unname(z$table[1, "chisq"]), df = unname(z$table[1, "df"]),
       p = unname(z$table[1, "p"]), time = arr(unname(z$time)), x = arr(unname(z$x)), y = arr(unname(z$y[, 1])))
}

conc <- function(time, event, x, timewt = "n", reverse = FALSE, ymax = NULL) {
  f <- concordance(Surv(time, event) ~ x, timewt = timewt, reverse = reverse, ymax = ymax)
  list(call = sprintf("concordance(Surv(time, event) ~ x, timewt = \"%s\", reverse = %s%s)", timewt, reverse,
                      if (is.null(ymax)) "" else sprintf(", ymax = %s", ymax)),
       concordance = unname(f$concordance), std.err = sqrt(unname(f$var)),
       concordant = unname(f$count["concordant"]), discordant = unname(f$count["discordant"]),
       tied.x = unname(f$count["tied.x"]), tied.y = unname(f$count["tied.y"]), tied.xy = unname(f$count["tied.xy"]))
}

# Time-dependent AUC from its definition (see the header): plain R, no package.
td_auc <- function(time, event, marker, t) {
  cs <- sort(unique(time[event == 0]))
  fac <- vapply(cs, function(s) {
    c <- sum(time == s & event == 0); d <- sum(time == s & event == 1)
    1 - c / (sum(time >= s) - d)
  }, 0)
  g_minus <- function(u) prod(fac[cs < u])
  g_t <- prod(fac[cs <= t])
  cases <- which(time <= t & event == 1); controls <- which(time > t)
  wc <- 1 / vapply(time[cases], g_minus, 0); wk <- rep(1 / g_t, length(controls))
  cmp <- outer(marker[cases], marker[controls], function(a, b) (a > b) + 0.5 * (a == b))
  list(call = sprintf(paste0("plain R from the definition (no timeROC): cases T <= %s & event, weight 1/G(T-); ",
                             "controls T > %s, weight 1/G(%s); G = KM of censoring, events first at ties; ",
                             "AUC = sum(wc * (M_case > M_ctrl + 0.5 * tie) * wk) / (sum(wc) * sum(wk))"), t, t, t),
       t = t, auc = sum(wc * (cmp %*% wk)) / (sum(wc) * sum(wk)), cases = length(cases), controls = length(controls),
       G = g_t)
}

endpoint <- function(time, event, x, group, km_times, auc_times, label) {
  list(
    km = km(time, event, label), km90 = km(time, event, label, conf.int = 0.90),
    quantiles = quantiles(time, event), at = km_at(time, event, km_times),
    logrank = logrank(time, event, group), cox = cox(time, event, x), zph = zph(time, event, x),
    zphIdentity = zph(time, event, x, "identity"), zphRank = zph(time, event, x, "rank"),
    harrell = conc(time, event, x), uno = conc(time, event, x, "n/G2"),
    harrellReverse = conc(time, event, x, reverse = TRUE),
    tdAuc = lapply(auc_times, function(t) td_auc(time, event, x, t)),
    tdAucLower = lapply(auc_times, function(t) {
      r <- td_auc(time, event, -x, t); r$call <- paste("marker = -x;", r$call); r
    })
  )
}

golden <- list(
  generator = "test/golden/make-survival-golden.R",
  R = R.version.string,
  survival = as.character(packageVersion("survival")),
  datasets = list()
)

# ---------------------------------------------------------------- (a) lung
lung <- survival::lung
lt <- lung$time; le <- lung$status - 1
golden$datasets$lung <- list(
  source = "survival::lung; time = lung$time, event = lung$status - 1",
  time = arr(lt), event = arr(le), age = arr(lung$age), sex = arr(lung$sex), ecog = arr(lung$ph.ecog),
  byAge = endpoint(lt, le, lung$age, lung$sex, c(0, 100, 365, 500, 1000, 1022), c(180, 365),
                   "lung, x = age, log-rank group = sex"),
  bySex = list(cox = cox(lt, le, lung$sex), zph = zph(lt, le, lung$sex), harrell = conc(lt, le, lung$sex),
               uno = conc(lt, le, lung$sex, "n/G2"), tdAuc = list(td_auc(lt, le, lung$sex, 365))),
  unoAgeYmax = conc(lt, le, lung$age, "n/G2", ymax = 365),
  byEcog = list(logrank = logrank(lt, le, lung$ph.ecog)),
  atExtend = km_at(lt, le, c(50, 1100), extend = TRUE),
  # A landmark analysis at 180 days by sex (sex 2 as the "responder" group): only patients with time > 180, their
  # time counted from 180 -- survdiff / coxph / survfit on that subset.
  landmark180 = local({
    keep <- lt > 180
    t2 <- lt[keep] - 180; e2 <- le[keep]; g2 <- as.numeric(lung$sex[keep] == 2)
    list(call = "subset time > 180, time - 180, group = sex == 2", n = sum(keep), events = sum(e2),
         logrank = logrank(t2, e2, g2), cox = cox(t2, e2, g2),
         median1 = quantiles(t2[g2 == 1], e2[g2 == 1])$print, median0 = quantiles(t2[g2 == 0], e2[g2 == 0])$print)
  })
)

# ---------------------------------------------------------------- (b) aml
aml <- survival::aml
am <- as.numeric(aml$x == "Maintained")
golden$datasets$aml <- list(
  source = "survival::aml; x = as.numeric(aml$x == \"Maintained\")",
  time = arr(aml$time), event = arr(aml$status), x = arr(am),
  byX = endpoint(aml$time, aml$status, am, am, c(5, 13, 30, 45, 161), c(12, 30), "aml"),
  maintained = list(km = km(aml$time[am == 1], aml$status[am == 1], "aml, Maintained only"),
                    quantiles = quantiles(aml$time[am == 1], aml$status[am == 1]))
)

# ---------------------------------------------------------------- (c) hand-made
# tied event times, tied covariate values, censoring at event times, three groups
ht <- c(1, 2, 2, 2, 3, 4, 4, 4, 5, 5, 6, 7, 7, 7, 8, 9, 10, 10, 11, 12, 12)
he <- c(1, 1, 1, 0, 1, 1, 1, 0, 1, 0, 0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 1)
hx <- c(3, 1, 2, 2, 2, 1, 1, 1, 3, 0, 2, 1, 1, 0, 0, 2, 3, 3, 0, 1, 2)
hg <- c("b", "a", "c", "a", "b", "c", "a", "a", "b", "c", "a", "b", "c", "a", "b", "c", "a", "b", "c", "a", "b")
golden$datasets$ties <- list(
  source = "hand-made: tied times, tied x, censoring at event times",
  time = arr(ht), event = arr(he), x = arr(hx), group = arr(hg),
  byX = endpoint(ht, he, hx, hg, c(0.5, 2, 3.5, 7, 12), c(4, 7), "hand-made ties")
)
# a curve with a flat stretch at exactly 0.5 (8 subjects, 4 events then a censoring), and one ending on it
golden$datasets$flatHalf <- list(
  source = "hand-made: S = 0.5 on [4, 6)", time = arr(c(1, 2, 3, 4, 5, 6, 7, 8)), event = arr(c(1, 1, 1, 1, 0, 1, 0, 1)),
  km = km(c(1, 2, 3, 4, 5, 6, 7, 8), c(1, 1, 1, 1, 0, 1, 0, 1), "flatHalf"),
  quantiles = quantiles(c(1, 2, 3, 4, 5, 6, 7, 8), c(1, 1, 1, 1, 0, 1, 0, 1))
)
golden$datasets$flatEnd <- list(
  source = "hand-made: S = 0.5 from 2 to the end", time = arr(c(1, 2, 3, 4)), event = arr(c(1, 1, 0, 0)),
  km = km(c(1, 2, 3, 4), c(1, 1, 0, 0), "flatEnd"),
  quantiles = quantiles(c(1, 2, 3, 4), c(1, 1, 0, 0))
)

# ---------------------------------------------------------------- (d) HCC-TACE-Seg, real clinical sheet
hcc_path <- "../shared/realdata/hcc-tace-seg/clinical/HCC-TACE-Seg_clinical_data-V2.csv"
if (file.exists(hcc_path)) {
  d <- read.csv(hcc_path, fileEncoding = "UTF-8-BOM", check.names = FALSE)
  m <- d[["1_mRECIST"]]
  keep <- !is.na(m)
  score <- 1 - (as.numeric(m[keep]) - 1) / 3
  grp <- as.numeric(score >= 0.5)
  sheet <- function(tcol, ecol, auc_times, km_times) {
    ta <- d[[tcol]]; ea <- d[[ecol]]
    out <- endpoint(ta[keep], ea[keep], score, grp, km_times, auc_times,
                    sprintf("HCC-TACE-Seg %s, rows with 1_mRECIST", tcol))
    out$all <- list(km = km(ta, ea, sprintf("HCC-TACE-Seg %s, all rows", tcol)), quantiles = quantiles(ta, ea),
                    n = length(ta))
    # By predicted group, as `workbench evaluate --survival` reports it (survival.<endpoint>.<cohort>): n, events,
    # Cox on the group (responders against non-responders) and each group's Kaplan-Meier median.
    tk <- ta[keep]; ek <- ea[keep]
    out$group <- list(
      source = paste("group = score >= 0.5 (predicted responder 1, non-responder 0), rows with 1_mRECIST;",
                     "cox: x = group; responder, nonResponder: the quantiles of that group's rows alone"),
      n = length(tk), events = sum(ek),
      cox = cox(tk, ek, grp),
      responder = quantiles(tk[grp == 1], ek[grp == 1]),
      nonResponder = quantiles(tk[grp == 0], ek[grp == 0])
    )
    out
  }
  # Per-step and per-event vectors of the real data (Kaplan-Meier steps, cox.zph times and residuals) would let one
  # rebuild patients' rows, so they are stored only as digests: length, NA count, sum and index-weighted sum.
  digest <- function(v) list(digest = "length, NAs, sum(v), sum(seq_along(v) * v), NAs left out",
                             n = length(v), na = sum(is.na(v)), sum = sum(v, na.rm = TRUE),
                             weighted = sum((seq_along(v) * v)[!is.na(v)]))
  private <- function(x) {
    for (k in intersect(names(x), c("km", "km90", "zph", "zphIdentity", "zphRank"))) x[[k]] <- private_vectors(x[[k]])
    x$all$km <- private_vectors(x$all$km)
    x
  }
  private_vectors <- function(x) {
    for (k in names(x)) {
      v <- x[[k]]
      if (is.list(v)) x[[k]] <- private_vectors(v)
      else if (is.numeric(v) && !is.null(attr(v, "array"))) x[[k]] <- digest(as.vector(v))
    }
    x
  }
  golden$datasets$hcc <- list(
    source = paste("HCC-TACE-Seg_clinical_data-V2.csv (read from ../shared/realdata; no row stored here).",
                   "Rows with 1_mRECIST present; score = 1 - (as.numeric(`1_mRECIST`) - 1)/3; group = score >= 0.5"),
    n = sum(keep),
    ttp = private(sheet("TTP", "Censored_0_progressed_1", c(26, 52), c(10, 26, 52, 104))),
    os = private(sheet("OS", "Death_1_StillAliveorLostToFU_0", c(52, 104), c(26, 52, 104, 208)))
  )
} else {
  message("HCC-TACE-Seg sheet not found at ", hcc_path, ": the real-data goldens are left out")
}

writeLines(json(golden), "test/golden/survival.json")

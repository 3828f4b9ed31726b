# JSON writing shared by the golden generators (sourced from the repository root): numbers with 17 significant
# digits, ±Inf as the strings "Infinity"/"-Infinity", NA as null; arr() forces a JSON array even for length 1.
num <- function(x) {
  if (length(x) == 0) return("[]")
  s <- vapply(x, function(v) {
    if (is.na(v)) "null" else if (is.infinite(v)) (if (v > 0) "\"Infinity\"" else "\"-Infinity\"") else sprintf("%.17g", v)
  }, "")
  s
}
json <- function(x) {
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (!is.null(names(x)) && all(names(x) != "")) {
      items <- vapply(names(x), function(k) paste0(jsonlite::toJSON(k, auto_unbox = TRUE), ":", json(x[[k]])), "")
      return(paste0("{", paste(items, collapse = ","), "}"))
    }
    return(paste0("[", paste(vapply(x, json, ""), collapse = ","), "]"))
  }
  if (is.factor(x)) x <- as.character(x)
  if (is.character(x)) {
    if (length(x) == 1 && is.null(attr(x, "array"))) return(as.character(jsonlite::toJSON(x, auto_unbox = TRUE)))
    return(as.character(jsonlite::toJSON(unname(x), na = "null")))
  }
  if (is.logical(x)) x <- as.numeric(x)
  if (is.matrix(x)) return(paste0("[", paste(apply(x, 1, function(r) paste0("[", paste(num(r), collapse = ","), "]")), collapse = ","), "]"))
  if (length(x) == 1 && is.null(attr(x, "array"))) return(num(x))
  paste0("[", paste(num(x), collapse = ","), "]")
}
arr <- function(x) structure(x, array = TRUE)

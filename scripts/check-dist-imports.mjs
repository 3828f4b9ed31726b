#!/usr/bin/env node
// Post-build guard: Framework exits 0 even when a page keeps an unresolved bare import (it then fails in the
// browser). Fail the build instead, naming the page and the import.
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";

const dist = process.argv[2] ?? "dist";
const bare = /import\("[^./][^"]*"\)|from "[^./][^"]*"/g;
const problems = [];
function* pages(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      if (entry !== "_file" && entry !== "_npm" && entry !== "_node") yield* pages(path);
    } else if (path.endsWith(".html")) yield path;
  }
}
let count = 0;
for (const page of pages(dist)) {
  count++;
  for (const match of readFileSync(page, "utf8").matchAll(bare))
    problems.push(`${page}: unresolved import ${match[0]}`);
}
if (count === 0) problems.push(`${dist}: no pages were built`);
if (problems.length > 0) {
  process.stderr.write(`check-dist-imports: ${problems.length} problem(s)\n${problems.join("\n")}\n`);
  process.exit(1);
}
process.stderr.write(`check-dist-imports: ${count} pages, no unresolved bare imports\n`);

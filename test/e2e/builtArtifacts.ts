import assert from "node:assert/strict";
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";

/** Reads a data artifact from the built site (Framework renames data/<name>.<ext> to data/<name>.<hash>.<ext>). */
export function builtArtifact(dist: string, name: string, ext: string): string {
  const dir = join(dist, "_file", "data");
  const pattern = new RegExp(`^${name}\\.[0-9a-f]+\\.${ext}$`);
  const file = readdirSync(dir).find((f) => pattern.test(f));
  assert.ok(file, `no ${name}.*.${ext} in ${dir}`);
  return readFileSync(join(dir, file), "utf8");
}

/** The built pages as paths ("/index", "/cohorts", …), sorted. */
export function builtPages(dir = join(process.cwd(), "dist")): string[] {
  const pages: string[] = [];
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), {withFileTypes: true})) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory() && !entry.name.startsWith("_")) walk(rel);
      else if (entry.name.endsWith(".html") && entry.name !== "404.html") pages.push(`/${rel.replace(/\.html$/, "")}`);
    }
  };
  walk("");
  return pages.sort();
}

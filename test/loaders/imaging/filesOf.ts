import {readdir, readFile} from "node:fs/promises";
import {join, relative} from "node:path";

/** Every file under dir, by relative path, with its bytes. */
export async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of await readdir(dir, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(relative(dir, path), await readFile(path));
  }
  return out;
}

import {createReadStream, existsSync, statSync} from "node:fs";
import {createServer, type Server} from "node:http";
import {extname, join, normalize, resolve} from "node:path";

/** A static server for the built site on loopback, mapping clean URLs (/protocol → protocol.html). */
const mime: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".csv": "text/csv",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".wasm": "application/wasm",
  ".arrow": "application/vnd.apache.arrow.file",
  ".zip": "application/zip",
  ".bin": "application/octet-stream",
};

export interface DistServer {
  url: string;
  close: () => Promise<void>;
}

export function resolveDistPath(root: string, pathname: string): string | undefined {
  const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, "");
  const base = join(root, clean);
  const candidates = clean.endsWith("/")
    ? [join(base, "index.html")]
    : [base, `${base}.html`, join(base, "index.html")];
  return candidates.find((p) => p.startsWith(root) && existsSync(p) && statSync(p).isFile());
}

export async function serveDist(dir: string): Promise<DistServer> {
  const root = resolve(dir);
  const server: Server = createServer((req, res) => {
    const path = resolveDistPath(root, new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    if (!path) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, {"content-type": mime[extname(path)] ?? "application/octet-stream"});
    createReadStream(path).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("server has no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

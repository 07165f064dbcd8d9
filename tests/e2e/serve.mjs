// A tiny static server for dist/ on loopback with single-page-app fallback and gzip, used by
// the browser tests and the benchmark. Usage: node tests/e2e/serve.mjs [port] [dir]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml", ".webmanifest": "application/manifest+json", ".txt": "text/plain; charset=utf-8",
};

/** Starts the server; resolves to { url, close, bytesSent() }. */
export async function serve(dir = "dist", port = 0) {
  const cache = new Map();
  let sent = 0;
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(normalize(dir))) { res.writeHead(403).end(); return; }
    try {
      if (!(await stat(file)).isFile()) throw new Error("dir");
    } catch {
      file = join(dir, "index.html"); // SPA fallback: /bedomning/... serves the app
    }
    let body = cache.get(file);
    if (!body) {
      const raw = await readFile(file);
      body = { raw, gz: gzipSync(raw, { level: 9 }) };
      cache.set(file, body);
    }
    const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] || "");
    const data = gzip ? body.gz : body.raw;
    sent += data.length;
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] || "application/octet-stream",
      "content-length": data.length,
      "cache-control": "no-store",
      ...(gzip ? { "content-encoding": "gzip" } : {}),
    });
    res.end(data);
  });
  await new Promise((r) => server.listen(port, "127.0.0.1", r));
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, close: () => new Promise((r) => server.close(r)), bytesSent: () => sent, resetBytes: () => { sent = 0; } };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await serve(process.argv[3] || "dist", Number(process.argv[2] || 8080));
  console.log(`Serving dist/ at ${s.url}`);
}

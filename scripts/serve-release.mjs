// Serves a release build the way IT would: static-web-server (a well-kept static server from
// crates.io, installed by scripts/setup.sh) with deploy/static-web-server.toml — precompressed
// brotli/gzip twins, index.html for the app's routes, application/wasm, a year of immutable
// caching for hashed files, no-cache for the rest, the Content-Security-Policy as a header.
//
// The build is served at the path it was built for (Trunk's public_url, read from its
// index.html): dist/ is copied to <temporary root><base> and the server serves that root.
//
//   node scripts/serve-release.mjs [--port 8080] [--host 127.0.0.1] [--dist dist]
//
// Also a module: serveRelease({ dist, port }) for the end-to-end tests and the benchmark.
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fill, policyOf } from "./post-build.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SWS = process.env.KK_SWS || "static-web-server";

/** The base path a build was made for: where its index.html loads boot-guard.js from. */
export function baseOfBuild(dist) {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const m = html.match(/<script src="([^"]*)boot-guard\.js"><\/script>/);
  if (!m) throw new Error(`${dist}/index.html: cannot tell the base path (no boot-guard.js script)`);
  return m[1];
}

export async function freePort(host = "127.0.0.1") {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once("error", rej);
    s.listen(0, host, () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

async function waitUntilServing(url, child, ms = 15_000) {
  const until = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`static-web-server exited with ${child.exitCode}`);
    try {
      const r = await fetch(url, { redirect: "manual" });
      await r.arrayBuffer();
      return;
    } catch {
      if (Date.now() > until) throw new Error(`static-web-server did not answer at ${url} within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * Starts static-web-server on a copy of `dist`. Resolves to { url, origin, base, dir, close }:
 * `url` is where the app is (origin + base), `dir` the served copy of dist (a test may change
 * it to deploy a new version), `close()` stops the server and removes the copy. `prepare(dir)`
 * may change the copy before the server starts (it reads the fallback page once, at start).
 */
export async function serveRelease({ dist = join(ROOT, "dist"), host = "127.0.0.1", port = 0, quiet = true, prepare } = {}) {
  dist = resolve(dist);
  const { tmp, www, dir, base } = await stageCopy(dist, "serve-release-", prepare);
  const chosenPort = port || (await freePort(host));
  const config = fill(readFileSync(join(ROOT, "deploy/static-web-server.toml"), "utf8"), {
    HOST: host,
    PORT: String(chosenPort),
    ROOT: www,
    BASE: base,
    CSP: policyOf(readFileSync(join(dist, "index.html"), "utf8")),
  });
  const configFile = join(tmp, "static-web-server.toml");
  writeFileSync(configFile, config);
  const child = spawn(SWS, ["--config-file", configFile], { stdio: ["ignore", quiet ? "ignore" : "inherit", "inherit"] });
  return serving(child, { tmp, origin: `http://${host}:${chosenPort}`, base, dir });
}

/**
 * Copies `dist` to <target/prefixXXXX>/www<base> (the base path its index.html was built for),
 * then lets `prepare(dir)` change the copy. Resolves to { tmp, www, dir, base }.
 */
export async function stageCopy(dist, prefix, prepare) {
  const base = baseOfBuild(dist);
  mkdirSync(join(ROOT, "target"), { recursive: true });
  const tmp = mkdtempSync(join(ROOT, "target", prefix));
  const www = join(tmp, "www");
  const dir = join(www, base);
  mkdirSync(dir, { recursive: true });
  cpSync(dist, dir, { recursive: true });
  if (prepare) await prepare(dir);
  return { tmp, www, dir, base };
}

/**
 * A spawned server `child` serving the staged copy: resolves once it answers at origin + base,
 * to { url, origin, base, dir, close }; `close()` stops it and removes `tmp`.
 */
export async function serving(child, { tmp, origin, base, dir }) {
  const close = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(tmp, { recursive: true, force: true });
  };
  try {
    await waitUntilServing(origin + base, child);
  } catch (e) {
    await close();
    throw e;
  }
  return { url: origin + base, origin, base, dir, close };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const served = await serveRelease({ dist: arg("dist", "dist"), host: arg("host", "127.0.0.1"), port: Number(arg("port", 8080)), quiet: false });
  console.log(`serve-release: ${served.url} (static-web-server, release build; Ctrl-C stops)`);
  const stop = async () => { await served.close(); process.exit(0); };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

// Trunk post-build hook (Trunk.toml): turns Trunk's staging directory into what is deployed.
// Trunk runs hooks of one stage concurrently, so the steps live in this one script, in order:
//
//   0. data     the rubric data the app fetches when a view needs it, copied to rubrics/ (the
//               same rule as build.rs: every .json under rubrics/ outside schema/ and calibration/
//               except the current rubric, whose structure is embedded with the calibration model;
//               its texts, rubrics/<id>.texts.json, are taken from where build.rs wrote them)
//   1. base     __KK_BASE__ in index.html ← Trunk's public_url (the one build setting for the path);
//               __KK_APP_JS__, __KK_APP_WASM__ (the loader's imports) ← base + the hashed names
//               scripts/build-wasm.mjs gave the WebAssembly and its JS
//   2. csp      __KK_CSP__ ← the Content-Security-Policy: own origin, plus the hash of the
//               inline loader; the same policy goes into the server configurations (3)
//   3. servers  web.config (IIS) and .csp-header.nginx.conf (nginx include) with that policy,
//               from the templates in deploy/
//   4. sw       sw.js: the service worker with this build's version and every file to precache
//   5. compress .br (brotli 11) and .gz (gzip 9) next to every text and wasm file
//
// Run by hand on a directory: node scripts/post-build.mjs [dir]   (default: $TRUNK_STAGING_DIR or dist)
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, existsSync, unlinkSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Every file under `dir`, as paths relative to it with "/" separators, sorted. */
export function listFiles(dir) {
  const walk = (d) => readdirSync(d).flatMap((name) => {
    const path = join(d, name);
    return statSync(path).isDirectory() ? walk(path) : [relative(dir, path).split(sep).join("/")];
  });
  return walk(dir).sort();
}

/** The public_url as a path ending in "/". Only absolute paths are supported (see README). */
export function basePath(publicUrl = "/") {
  let base = publicUrl.trim() || "/";
  if (/^[a-z]+:\/\//i.test(base)) base = new URL(base).pathname;
  if (!base.startsWith("/")) {
    throw new Error(`public_url must be an absolute path such as /styrning/kommunkompassen/, not '${publicUrl}'`);
  }
  return base.endsWith("/") ? base : `${base}/`;
}

/** The policy for an index.html whose inline scripts are `scripts` (their text). */
export function contentSecurityPolicy(scripts, { dev = false } = {}) {
  const hashes = scripts.map((s) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`);
  // `trunk serve` rewrites its live-reload script on every response, so no hash can match it; the
  // development server therefore allows inline scripts. Release builds keep the hashes.
  const scriptSrc = dev ? "'unsafe-inline'" : hashes.join(" ");
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${scriptSrc}`.trim(),
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/** The policy an index.html carries in its meta element. */
export function policyOf(html) {
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
  if (!m) throw new Error("index.html has no Content-Security-Policy meta element");
  return m[1];
}

/** Fills `__KK_NAME__` placeholders of a template; every placeholder must be given. */
export function fill(template, values) {
  const out = template.replace(/__KK_([A-Z_]+?)__/g, (whole, name) => {
    if (!(name in values)) throw new Error(`no value for ${whole}`);
    return values[name];
  });
  return out;
}

// -------------------------------------------------------------------------------------------
// Rubric data fetched by the app
// -------------------------------------------------------------------------------------------

/** The data files under rubrics/ (not the schemas, not the calibration), as paths relative to it. */
function dataFiles(root) {
  return listFiles(join(root, "rubrics")).filter((f) => f.endsWith(".json") && !/^(schema|calibration)\//.test(f));
}

const isCurrent = (root, f) => !f.includes("/") && JSON.parse(readFileSync(join(root, "rubrics", f), "utf8")).current === true;

/** The current rubric's texts file(s) that build.rs splits off, as "rubrics/<id>.texts.json". */
export function generatedData(root = ROOT) {
  return dataFiles(root).filter((f) => isCurrent(root, f)).map((f) => `rubrics/${f.replace(/\.json$/, ".texts.json")}`);
}

/**
 * The files the app fetches, as "rubrics/…" paths, sorted: every data file but the current
 * rubric (build.rs embeds its structure), and the current rubric's texts.
 */
export function fetchedData(root = ROOT) {
  const files = dataFiles(root).filter((f) => !isCurrent(root, f)).map((f) => `rubrics/${f}`);
  return [...files, ...generatedData(root)].sort();
}

/**
 * Where build.rs writes the texts it splits off the current rubric: beside the WebAssembly build
 * of `profile` in Cargo's target directory.
 */
export function generatedDir(profile = process.env.TRUNK_PROFILE || "release", root = ROOT) {
  const target = resolve(root, process.env.CARGO_TARGET_DIR || "target");
  return join(target, "wasm32-unknown-unknown", profile, "kommunkompass-rubrics");
}

/** Copies the fetched rubric data into `dir`, at the same paths (next to the app's files). */
export function copyData(dir, root = ROOT) {
  const files = fetchedData(root);
  const generated = new Set(generatedData(root));
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    if (!generated.has(f)) {
      copyFileSync(join(root, f), join(dir, f));
      continue;
    }
    const made = join(generatedDir(), f.slice("rubrics/".length));
    const source = join(root, f.replace(/\.texts\.json$/, ".json"));
    // build.rs runs again whenever rubrics/ changes, before this hook: an older file is stale.
    if (!existsSync(made) || statSync(made).mtimeMs < statSync(source).mtimeMs) {
      throw new Error(`${made} is missing or older than ${source}: build.rs writes it during the cargo build`);
    }
    copyFileSync(made, join(dir, f));
  }
  return files;
}

// -------------------------------------------------------------------------------------------
// Service worker
// -------------------------------------------------------------------------------------------

/** Files the service worker never precaches: itself, compressed twins, server configuration. */
const NOT_PRECACHED = [/^sw\.js$/, /\.(br|gz)$/, /(^|\/)\./, /^web\.config$/, /(^|\/)LICENSE$/, /\.map$/];

/**
 * Writes `sw.js` into `dir` from public/sw.js: the list of files to precache (with their
 * SHA-256, which the worker checks as fetch integrity) and a version derived from all of them.
 * In a development build (`dev`) the worker precaches nothing and answers nothing.
 */
export function writeServiceWorker(dir, { dev = false } = {}) {
  const files = listFiles(dir).filter((f) => !NOT_PRECACHED.some((re) => re.test(f)));
  const assets = dev ? [] : files.map((f) => [f, `sha256-${createHash("sha256").update(readFileSync(join(dir, f))).digest("base64")}`]);
  const version = createHash("sha256").update(JSON.stringify(dev ? files : assets)).digest("hex").slice(0, 16);
  const template = readFileSync(join(ROOT, "public/sw.js"), "utf8");
  writeFileSync(join(dir, "sw.js"), fill(template, {
    VERSION: JSON.stringify(dev ? `dev-${version}` : version),
    ASSETS: JSON.stringify(assets, null, 0).replaceAll("],[", "],\n  ["),
    DEV: String(dev),
  }));
  return { version, files: assets.map(([f]) => f) };
}

// -------------------------------------------------------------------------------------------
// Precompression
// -------------------------------------------------------------------------------------------

const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|svg|json|webmanifest|txt)$/;

/** Writes `f.br` and `f.gz` next to every text and wasm file `f` in `dir` (replacing old ones). */
export function compressAll(dir) {
  let count = 0;
  for (const f of listFiles(dir)) {
    if (!COMPRESSIBLE.test(f) || f.split("/").some((p) => p.startsWith("."))) continue;
    const raw = readFileSync(join(dir, f));
    const br = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        [constants.BROTLI_PARAM_MODE]: f.endsWith(".wasm") ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      },
    });
    writeFileSync(join(dir, `${f}.br`), br);
    writeFileSync(join(dir, `${f}.gz`), gzipSync(raw, { level: 9 }));
    count++;
  }
  // A stale twin of a file that no longer exists would be served for nothing; remove it.
  for (const f of listFiles(dir)) {
    const twin = f.match(/^(.*)\.(br|gz)$/);
    if (twin && !existsSync(join(dir, twin[1]))) unlinkSync(join(dir, f));
  }
  return count;
}

// -------------------------------------------------------------------------------------------
// The hook
// -------------------------------------------------------------------------------------------

function main() {
  const dir = resolve(process.argv[2] || process.env.TRUNK_STAGING_DIR || "dist");
  const dev = process.env.TRUNK_PROFILE === "debug";
  const base = basePath(process.env.TRUNK_PUBLIC_URL || "/");
  const file = join(dir, "index.html");
  let html = readFileSync(file, "utf8");

  // 0. data (before the service worker's list and the compression, which include it)
  const data = copyData(dir);

  // 1. base
  if (!html.includes("__KK_BASE__")) throw new Error(`${file}: no __KK_BASE__ placeholder (run on a fresh Trunk build)`);
  html = html.replaceAll("__KK_BASE__", base);
  // index.html's <link data-trunk rel="rust" data-trunk-skip> (it keeps Trunk from building the
  // WebAssembly itself) is left in place by Trunk; it has no use in the page.
  html = html.replace(/[ \t]*<!-- Trunk must not build[\s\S]*?-->\n/, "").replace(/[ \t]*<link data-trunk rel="rust"[^>]*>\n/, "");
  const one = (re, what) => {
    const found = listFiles(dir).filter((f) => re.test(f));
    if (found.length !== 1) throw new Error(`${dir}: expected one ${what}, found ${found.length} (scripts/build-wasm.mjs)`);
    return found[0];
  };
  const appJs = one(/^kommunkompass-[0-9a-f]+\.js$/, "kommunkompass-<hash>.js");
  const appWasm = one(/^kommunkompass-[0-9a-f]+_bg\.wasm$/, "kommunkompass-<hash>_bg.wasm");
  for (const [name, value] of [["__KK_APP_JS__", base + appJs], ["__KK_APP_WASM__", base + appWasm]]) {
    if (!html.includes(name)) throw new Error(`${file}: no ${name} placeholder`);
    html = html.replaceAll(name, value);
  }

  // 2. csp
  if (!html.includes("__KK_CSP__")) throw new Error(`${file}: no __KK_CSP__ placeholder`);
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const policy = contentSecurityPolicy(inline, { dev });
  html = html.replace("__KK_CSP__", policy);
  writeFileSync(file, html);

  // 3. servers
  const values = { CSP: policy, BASE: base };
  writeFileSync(join(dir, "web.config"), fill(readFileSync(join(ROOT, "deploy/iis/web.config"), "utf8"), values));
  writeFileSync(join(dir, ".csp-header.nginx.conf"),
    `# Generated by scripts/post-build.mjs for this build: the policy of index.html's meta element.\n` +
    `add_header Content-Security-Policy "${policy}" always;\n`);

  // 4. sw
  const sw = writeServiceWorker(dir, { dev });

  // 5. compress (not for `trunk serve`, which does not serve the twins)
  const compressed = dev ? 0 : compressAll(dir);
  console.log(`post-build: ${data.length} data files; base ${base}; csp with ${inline.length} inline script hash(es); ` +
    `sw ${sw.version} precaching ${sw.files.length} files; ${compressed} files precompressed (.br, .gz)`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();

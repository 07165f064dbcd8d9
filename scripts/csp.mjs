// Trunk post-build hook: replaces the __KK_CSP__ placeholder in index.html with the
// Content-Security-Policy. Only our own origin is allowed; the one exception is Trunk's inline
// loader <script>, allowed by its SHA-256 hash (it changes with every build's file hashes).
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR || "dist";
const file = join(dir, "index.html");
let html = readFileSync(file, "utf8");

const hashes = [];
for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  hashes.push(`'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`);
}

// `trunk serve` rewrites its live-reload script on every response, so no hash can match it; the
// development server therefore allows inline scripts. Release builds keep the hashes.
const dev = process.env.TRUNK_PROFILE === "debug";
const scriptSrc = dev ? "'unsafe-inline'" : hashes.join(" ");

const policy = [
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

if (!html.includes("__KK_CSP__")) throw new Error(`${file}: no __KK_CSP__ placeholder`);
html = html.replace("__KK_CSP__", policy);
writeFileSync(file, html);
console.log(`csp: ${hashes.length} inline script(s) hashed`);

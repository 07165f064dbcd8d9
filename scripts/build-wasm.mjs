// Trunk build hook (Trunk.toml): builds the app's WebAssembly into Trunk's staging directory.
// Trunk 0.21 cannot split a module (its rel="rust" runs cargo → wasm-bindgen → wasm-opt with
// nothing in between), so index.html's rel="rust" link is data-trunk-skip and this script does
// the pipeline:
//
//   release (trunk build --release), as cargo-leptos --split does:
//     1. cargo build --release --features split   the pages in src/ui/lazy.rs become split points;
//                                                 build.rs links with --emit-relocs
//     2. wasm-split-cli                           main module + one chunk per lazy page (+ shared
//                                                 chunks) + __wasm_split.js, the chunks' loader
//     3. wasm-bindgen --keep-lld-exports          on the main module only (the chunks import the
//                                                 main module's memory, table and functions)
//     4. wasm-opt -Oz                             on the main module and on every chunk
//   debug (trunk serve, trunk build): cargo build, wasm-bindgen; no split, no wasm-opt. Without
//     the feature the lazy pages are ordinary async functions in the one module.
//
//   5. names: every file is named kommunkompass-<hash>…, <hash> from the contents of all of them
//      (they refer to each other by name, so they share one hash):
//        kommunkompass-<hash>.js           wasm-bindgen's JS (index.html's loader imports it)
//        kommunkompass-<hash>_bg.wasm      the main module
//        kommunkompass-<hash>_split.js     the chunks' loader (release)
//        kommunkompass-<hash>_<chunk>.wasm the chunks (release)
//      index.html's loader gets the names from scripts/post-build.mjs, which finds them there.
//
// Tools: cargo, wasm-bindgen (= Cargo.lock's), wasm-split-cli (wasm_split_cli_support, pinned in
// scripts/setup.sh), wasm-opt (npm binaryen), all from PATH (scripts/prepare.sh).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const NAME = "kommunkompass";
/** wasm-opt's settings for every module (what index.html's rel="rust" link used to give Trunk). */
export const WASM_OPT = ["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int"];

const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"], cwd: ROOT, ...opts });

/** The file name of the loader that wasm-split-cli writes and the main module imports. */
const SPLIT_LOADER = "__wasm_split.js";

/**
 * Gives the files of one build (name → contents) their hashed names and rewrites the names they
 * refer to each other by. Returns name → [new name, contents].
 */
export function hashNames(files) {
  const hash = createHash("sha256");
  for (const name of Object.keys(files).sort()) hash.update(name).update("\0").update(files[name]).update("\0");
  const h = hash.digest("hex").slice(0, 16);
  const renamed = {};
  for (const name of Object.keys(files)) {
    let to;
    if (name === `${NAME}.js`) to = `${NAME}-${h}.js`;
    else if (name === `${NAME}_bg.wasm`) to = `${NAME}-${h}_bg.wasm`;
    else if (name === SPLIT_LOADER) to = `${NAME}-${h}_split.js`;
    else if (name.endsWith(".wasm")) to = `${NAME}-${h}_${name}`;
    else throw new Error(`build-wasm: unexpected file ${name}`);
    renamed[name] = to;
  }
  const out = {};
  for (const [name, contents] of Object.entries(files)) {
    let data = contents;
    if (name.endsWith(".js")) {
      let text = contents.toString("utf8");
      // Module specifiers only ("./name" in quotes): the main module's import *key*
      // ("./__wasm_split.js": import1) is the wasm import's module name and must stay.
      const refs = [];
      if (name === `${NAME}.js`) refs.push(SPLIT_LOADER);
      if (name === SPLIT_LOADER) refs.push(`${NAME}.js`, ...Object.keys(files).filter((f) => f.endsWith(".wasm") && f !== `${NAME}_bg.wasm`));
      for (const ref of refs) {
        const pattern = name === `${NAME}.js`
          ? new RegExp(`(\\bfrom\\s*["'])\\./${ref.replaceAll(".", "\\.")}(["'])`, "g")
          : new RegExp(`(["'])\\./${ref.replaceAll(".", "\\.")}(["'])`, "g");
        const before = text;
        text = text.replace(pattern, `$1./${renamed[ref]}$2`);
        if (text === before) throw new Error(`build-wasm: ${name} does not refer to ./${ref}`);
      }
      data = Buffer.from(text, "utf8");
    }
    out[name] = [renamed[name], data];
  }
  return out;
}

function main() {
  const staging = resolve(process.env.TRUNK_STAGING_DIR || process.argv[2] || "dist");
  const release = process.env.TRUNK_PROFILE !== "debug";
  const targetDir = resolve(ROOT, process.env.CARGO_TARGET_DIR || "target");
  const work = join(targetDir, `kk-wasm-${release ? "release" : "debug"}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, "bindgen"), { recursive: true });

  // 1. cargo
  const cargoArgs = ["build", "--target", "wasm32-unknown-unknown", "--bin", NAME];
  if (release) cargoArgs.push("--release", "--features", "split");
  run("cargo", cargoArgs);
  const raw = join(targetDir, "wasm32-unknown-unknown", release ? "release" : "debug", `${NAME}.wasm`);

  // 2. split
  let main = raw;
  if (release) {
    run("wasm-split-cli", [raw, join(work, "split"), "--out-name", NAME, "--target", "web"]);
    main = join(work, "split", `${NAME}.wasm`);
  }

  // 3. bindgen
  const bindgenArgs = ["--target", "web", "--no-typescript", "--out-dir", join(work, "bindgen"), "--out-name", NAME];
  if (release) bindgenArgs.push("--keep-lld-exports", "--no-demangle");
  run("wasm-bindgen", [...bindgenArgs, main]);

  const files = {
    [`${NAME}.js`]: join(work, "bindgen", `${NAME}.js`),
    [`${NAME}_bg.wasm`]: join(work, "bindgen", `${NAME}_bg.wasm`),
  };
  if (release) {
    for (const f of readdirSync(join(work, "split"))) {
      if (f === `${NAME}.wasm`) continue;
      files[f] = join(work, "split", f);
    }
  }

  // 4. wasm-opt
  if (release) {
    for (const [name, path] of Object.entries(files)) {
      if (name.endsWith(".wasm")) run("wasm-opt", [...WASM_OPT, path, "-o", path]);
    }
  }

  // 5. names
  const contents = Object.fromEntries(Object.entries(files).map(([n, p]) => [n, readFileSync(p)]));
  const sizes = [];
  for (const [to, data] of Object.values(hashNames(contents))) {
    writeFileSync(join(staging, to), data);
    sizes.push(`${to} ${data.length}`);
  }
  console.log(`build-wasm: ${release ? "release, split" : "debug"}: ${sizes.join(", ")}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();

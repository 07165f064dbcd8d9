// What could leave the first view, measured (issue 13, item 2). Used by scripts/bench.mjs.
//
// Data (what build.rs embeds with include_str! sits verbatim in the wasm; what it leaves to be
// fetched is reported as such):
// the brotli-11 size of the release wasm with that text cut out, against the wasm as it is. The
// difference is what the first view would shrink by; "as a file" is what fetching it later costs.
//
// Code: the crate is copied to target/bench-candidates/, a patch removes one candidate (the
// patches name the code they replace, and a candidate whose patch no longer applies is reported,
// not guessed), and it is built as one module, without the `split` feature (cargo --release,
// wasm-bindgen --target web, wasm-opt with scripts/build-wasm.mjs's params): what a candidate
// weighs in the whole app, not which chunk it lands in. Each variant is compared with a baseline
// built the same way. Takes a few minutes per variant (KK_BENCH_CANDIDATES=0 skips the builds).
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { WASM_OPT } from "./build-wasm.mjs";

const br = (buf) => brotliCompressSync(buf, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
}).length;

/** Removes every range [start, end) from `buf`. */
function cut(buf, ranges) {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const parts = [];
  let at = 0;
  for (const [s, e] of sorted) {
    if (s < at) throw new Error("overlapping ranges");
    parts.push(buf.subarray(at, s));
    at = e;
  }
  parts.push(buf.subarray(at));
  return Buffer.concat(parts);
}

/** Where `needle` occurs in `hay`; exactly once, or it throws. */
function findOnce(hay, needle, what) {
  const i = hay.indexOf(needle);
  if (i < 0) throw new Error(`${what}: not found in the wasm`);
  if (hay.indexOf(needle, i + 1) >= 0) throw new Error(`${what}: found more than once in the wasm`);
  return i;
}

/** The string values of the current rubric's question texts, as they stand in its file. */
function questionTextRanges(fileText) {
  const rubric = JSON.parse(fileText);
  const fields = [];
  for (const a of rubric.areas) for (const s of a.subareas) for (const q of s.questions) {
    fields.push(["text", q.text]);
    for (const [k, v] of Object.entries(q.guidance || {})) fields.push([k, v]);
    for (const [k, v] of Object.entries(q.source || {})) fields.push([k, v]);
  }
  const ranges = [];
  let from = 0;
  for (const [key, value] of fields) {
    const needle = `"${key}": ${JSON.stringify(value)}`;
    const i = fileText.indexOf(needle, from);
    if (i < 0) throw new Error(`question field ${key} not found in its file`);
    const start = Buffer.byteLength(fileText.slice(0, i + key.length + 4)); // keep `"key": ` and the opening quote
    const end = Buffer.byteLength(fileText.slice(0, i + needle.length - 1)); // … and the closing quote
    ranges.push([start, end]);
    from = i + needle.length;
  }
  const texts = JSON.stringify(fields.map(([, v]) => v));
  return { ranges, count: fields.length, asFile: br(Buffer.from(texts)) };
}

/**
 * Data candidates. Returns rows [candidate, saved from the wasm (brotli), as separate files
 * (brotli)]; `wasm` is the release wasm's bytes, `root` the repository.
 */
export function dataCandidates(wasm, root) {
  const base = br(wasm);
  const file = (p) => readFileSync(join(root, "rubrics", p));
  const current = JSON.parse(readFileSync(join(root, "rubrics/kk-2022.json"), "utf8")).current === true ? "kk-2022.json" : null;
  if (!current) throw new Error("rubrics/kk-2022.json is no longer the current rubric: update scripts/bench-candidates.mjs");
  const older = readdirSync(join(root, "rubrics")).filter((f) => /^kk-\d+\.json$/.test(f) && f !== current);
  const refs = readdirSync(join(root, "rubrics/references")).filter((f) => f.endsWith(".json")).map((f) => `references/${f}`);
  // Files the app fetches when a view needs them (build.rs) are not in the wasm: nothing to cut.
  const inWasm = (p) => wasm.indexOf(file(p)) >= 0;
  const whole = (paths) => paths.filter(inWasm).map((p) => { const b = file(p); const i = findOnce(wasm, b, p); return [i, i + b.length]; });
  const named = (name, paths) => (paths.some(inWasm) ? name : `${name}: fetched, not in the wasm`);
  const asFiles = (paths) => paths.reduce((n, p) => n + br(file(p)), 0);

  const groups = [
    [named(`older rubric versions (${older.join(", ")})`, older), whole(older), asFiles(older)],
    [named(`published references (${refs.length} files)`, refs), whole(refs), asFiles(refs)],
    [named("mappings between versions (mappings.json)", ["mappings.json"]), whole(["mappings.json"]), asFiles(["mappings.json"])],
  ];
  const [[, olderR], [, refsR], [, mapR]] = groups;
  groups.push(["  the three above together", [...olderR, ...refsR, ...mapR], groups.slice(0, 3).reduce((n, g) => n + g[2], 0)]);

  // build.rs embeds only the current rubric's structure and fetches its texts (rubrics/<id>.texts.json).
  const cur = file(current);
  const q = questionTextRanges(cur.toString("utf8"));
  const curRanges = wasm.indexOf(cur) >= 0 ? ((at) => q.ranges.map(([s, e]) => [at + s, at + e]))(findOnce(wasm, cur, current)) : [];
  const curName = `current rubric's question texts (${q.count} strings: text, guidance, source)`;
  groups.push([curRanges.length ? curName : `${curName}: fetched, not in the wasm`, curRanges, q.asFile]);
  groups.push(["  all of the above", [...olderR, ...refsR, ...mapR, ...curRanges], groups[3][2] + q.asFile]);
  return { base, rows: groups.map(([name, ranges, asFile]) => [name, base - br(cut(wasm, ranges)), asFile]) };
}

// ---------------------------------------------------------------------------------------------
// Code candidates: patched builds
// ---------------------------------------------------------------------------------------------

const CANDIDATES = [
  {
    name: "results and report pages, and all only they use (charts, charming, serde-wasm-bindgen, ECharts adapter)",
    patches: [
      ["src/app.rs", "view=ResultsPage/>", "view=NotFound/>"],
      ["src/app.rs", "view=ReportPage/>", "view=NotFound/>"],
    ],
  },
  {
    name: "drawing a chart: charming's option serialisation, its WasmRenderer, serde-wasm-bindgen",
    patches: [
      ["src/adapters/echarts.rs",
        "pub fn draw(id: &str, height: u32, chart: &Chart, renderer: Renderer) -> Result<(), String> {\n",
        "pub fn draw(id: &str, height: u32, chart: &Chart, renderer: Renderer) -> Result<(), String> {\n    if true { let _ = (id, height, chart, renderer); return Err(String::new()); }\n"],
    ],
  },
  {
    name: "serde-wasm-bindgen alone (the option as JSON text through serde_json and JSON.parse instead)",
    patches: [
      ["src/adapters/echarts.rs",
        "let option = serde_wasm_bindgen::to_value(chart).map_err(|e| e.to_string())?;",
        "let option = js_sys::JSON::parse(&serde_json::to_string(chart).map_err(|e| e.to_string())?).map_err(|_| \"json\".to_string())?;"],
      ["src/adapters/echarts.rs",
        "WasmRenderer::new_opt(None, Some(height)).render(id, chart).map_err(|e| format!(\"{e:?}\"))?;",
        "let opts = js_sys::Object::new(); Reflect::set(&opts, &\"height\".into(), &height.into()).map_err(|_| \"opts\")?; init_with_opts(&element, JsValue::NULL, opts.into()).set_option_replacing(option, true);"],
    ],
  },
];

/** wasm-opt's parameters besides -Oz, as scripts/build-wasm.mjs uses them. */
function wasmOptParams() {
  return WASM_OPT.filter((p) => p !== "-Oz");
}

/** Builds the crate in `src` as one module (no split); returns { wasm, js } brotli sizes. */
function buildLikeTrunk(src, work, root, log) {
  const target = join(work, "target");
  const env = { ...process.env, CARGO_TARGET_DIR: target, CARGO_TERM_COLOR: "never" };
  execFileSync("cargo", ["build", "--release", "--target", "wasm32-unknown-unknown", "--bin", "kommunkompass", "--offline"],
    { cwd: src, env, stdio: ["ignore", "ignore", log] });
  const out = join(src, "out");
  rmSync(out, { recursive: true, force: true });
  execFileSync("wasm-bindgen", ["--target=web", `--out-dir=${out}`, "--out-name=kommunkompass", "--no-typescript",
    join(target, "wasm32-unknown-unknown/release/kommunkompass.wasm")], { stdio: ["ignore", "ignore", log] });
  const optimised = join(out, "opt.wasm");
  execFileSync("wasm-opt", [`--output=${optimised}`, "-Oz", join(out, "kommunkompass_bg.wasm"), ...wasmOptParams(root)],
    { stdio: ["ignore", "ignore", log] });
  return { wasm: br(readFileSync(optimised)), js: br(readFileSync(join(out, "kommunkompass.js"))) };
}

/** A copy of the crate with `patches` applied; null (and why) if a patch does not apply. */
function patchedCopy(root, dir, patches) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const p of ["Cargo.toml", "Cargo.lock", "build.rs", "src", "rubrics", ".cargo", "index.html"]) {
    if (existsSync(join(root, p))) cpSync(join(root, p), join(dir, p), { recursive: true });
  }
  for (const [file, from, to] of patches) {
    const path = join(dir, file);
    const text = readFileSync(path, "utf8");
    const n = text.split(from).length - 1;
    if (n !== 1) return `the patch for ${file} no longer applies (${n} matches for ${JSON.stringify(from.slice(0, 60))}…)`;
    writeFileSync(path, text.replace(from, to));
  }
  return null;
}

/**
 * Code candidates. Returns { base: {wasm, js}, rows: [name, saved wasm br, saved js br | reason] }.
 * `log` receives the builds' stderr (a file descriptor or "ignore").
 */
export function codeCandidates(root, log = "ignore") {
  const work = join(root, "target", "bench-candidates");
  mkdirSync(work, { recursive: true });
  const baseDir = join(work, "baseline");
  patchedCopy(root, baseDir, []);
  const base = buildLikeTrunk(baseDir, work, root, log);
  const rows = [];
  for (const [i, c] of CANDIDATES.entries()) {
    const dir = join(work, `candidate-${i + 1}`);
    const problem = patchedCopy(root, dir, c.patches);
    if (problem) { rows.push([c.name, null, null, problem]); continue; }
    try {
      const v = buildLikeTrunk(dir, work, root, log);
      rows.push([c.name, base.wasm - v.wasm, base.js - v.js, null]);
    } catch (e) {
      rows.push([c.name, null, null, `build failed: ${e.message.split("\n")[0]}`]);
    }
  }
  return { base, rows };
}

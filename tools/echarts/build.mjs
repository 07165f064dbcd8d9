// Bundles tools/echarts/entry.js with esbuild into public/vendor/echarts/echarts.kk.min.js,
// and copies ECharts' licence beside it. Skips the work when the output is newer than inputs.
import { build } from "esbuild";
import { mkdirSync, copyFileSync, statSync, existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const entry = join(root, "tools/echarts/entry.js");
const outDir = join(root, "public/vendor/echarts");
const out = join(outDir, "echarts.kk.min.js");
const pkg = join(root, "node_modules/echarts/package.json");

const version = JSON.parse(readFileSync(pkg, "utf8")).version;
if (!version.startsWith("5.")) throw new Error(`ECharts 5.x expected, found ${version}`);

const newest = Math.max(statSync(entry).mtimeMs, statSync(pkg).mtimeMs, statSync(fileURLToPath(import.meta.url)).mtimeMs);
if (existsSync(out) && statSync(out).mtimeMs > newest) {
  console.log(`echarts: ${out} is up to date`);
} else {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2017",
    outfile: out,
    legalComments: "none",
    banner: { js: `/*! ECharts ${version} (Apache-2.0), reduced build for Kommunkompass självskattning */` },
  });
  copyFileSync(join(root, "node_modules/echarts/LICENSE"), join(outDir, "LICENSE"));
  console.log(`echarts: built ${out} (${statSync(out).size} bytes)`);
}

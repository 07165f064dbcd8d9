// Where a slow click's time goes: the page's main thread working, or waiting for a core.
//
//   node scripts/bench-click-trace.mjs            (against dist/, as scripts/bench.mjs)
//
// Clicks one level of every question of areas 1–4 of a new assessment, as scripts/bench.mjs does
// (label scrolled into view, two animation frames and a task, then `label.click()`), under a
// Chromium trace, three times: at once while the service worker of this first visit is still
// caching the app; at once with the worker active; and LOOK_MS after the painted frame with the
// worker active (what scripts/bench.mjs measures). For every click it compares the wall
// time of the synchronous click (dispatch, the app's handler and the localStorage write) with the
// main thread's CPU time in it (the trace's `tdur`), and names the other threads that were busy
// while the slowest clicks ran. This is the measurement behind the pause in scripts/bench.mjs.
import { chromium } from "playwright-core";
import { resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { serveRelease } from "./serve-release.mjs";
import { swState } from "../tests/e2e/sw.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const LOOK_MS = 120;
const served = await serveRelease({ dist: resolve(ROOT, process.env.KK_DIST || "dist") });
const browser = await chromium.launch({
  executablePath: process.env.KK_CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
const quantile = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };

/** In the page: scroll the label into view, wait for the painted frame and `look` ms, click it. */
function clickOnce({ id, look }) {
  const label = document.querySelector(`label[for="${id}"]`);
  label.scrollIntoView({ block: "center" });
  return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, look)))).then(() => {
    performance.mark("kk-click-start");
    const t0 = performance.now();
    label.click();
    const wall = performance.now() - t0;
    performance.mark("kk-click-end");
    return wall;
  });
}

async function run(look, waitForWorker) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(served.url);
  await page.locator(".kk-app h1").waitFor();
  if (waitForWorker) console.log(`\nservice worker: ${await swState(page)}`);
  await page.locator("#kk-new-name").fill("Spårning");
  await page.locator("#kk-new-muni").fill("Benchstad kommun");
  await page.getByRole("button", { name: "Skapa och börja svara" }).click();
  await page.locator("fieldset.kk-question").first().waitFor();
  const base = page.url().replace(/\/omrade\/\d+$/, "");
  await browser.startTracing(page, { categories: ["devtools.timeline", "blink.user_timing", "cc", "viz", "disabled-by-default-devtools.timeline"] });
  const walls = [];
  for (const area of [1, 2, 3, 4]) {
    await page.goto(`${base}/omrade/${area}`);
    await page.locator("fieldset.kk-question").first().waitFor();
    const radios = await page.evaluate(() => [...document.querySelectorAll("fieldset.kk-question input[type=radio]")].map((r) => r.id));
    const questions = [...new Set(radios.filter((id) => /-lvl\d$/.test(id)).map((id) => id.replace(/-lvl\d$/, "")))];
    for (const [i, q] of questions.entries()) walls.push(await page.evaluate(clickOnce, { id: `${q}-lvl${[2, 4, 3, 0, 1][i % 5]}`, look }));
  }
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  await context.close();
  const marks = (name) => events.filter((e) => e.name === name).sort((a, b) => a.ts - b.ts);
  const starts = marks("kk-click-start");
  const ends = marks("kk-click-end");
  const { pid, tid } = starts[0];
  const names = new Map(events.filter((e) => e.ph === "M" && e.name === "thread_name").map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const clicks = walls.map((wall, i) => {
    const [s, e] = [starts[i].ts, ends[i].ts];
    const dispatch = events.find((x) => x.pid === pid && x.tid === tid && x.ph === "X" && x.name === "EventDispatch" && x.args?.data?.type === "click" && x.ts >= s && x.ts <= e);
    const busy = {};
    for (const x of events) {
      if (x.ph !== "X" || !x.dur || (x.pid === pid && x.tid === tid)) continue;
      const overlap = Math.min(x.ts + x.dur, e) - Math.max(x.ts, s);
      const thread = names.get(`${x.pid}:${x.tid}`) || String(x.tid);
      if (overlap > 0) busy[thread] = Math.max(busy[thread] || 0, overlap / 1000);
    }
    return { wall, cpu: dispatch?.tdur !== undefined ? dispatch.tdur / 1000 : NaN, busy };
  });
  const cpus = clicks.map((c) => c.cpu).filter((x) => !Number.isNaN(x));
  const when = look === 0 ? "clicked as soon as painted" : `clicked ${look} ms after the painted frame`;
  console.log(`\n${when}, ${waitForWorker ? "service worker active" : "service worker installing"} (${clicks.length} clicks):`);
  console.log(`  wall time of the click  p50 ${quantile(walls, 0.5).toFixed(2)} ms  p95 ${quantile(walls, 0.95).toFixed(2)} ms`);
  console.log(`  main-thread CPU in it   p50 ${quantile(cpus, 0.5).toFixed(2)} ms  p95 ${quantile(cpus, 0.95).toFixed(2)} ms`);
  console.log("  the slowest clicks: wall / CPU, and the other threads busy at the same time (ms):");
  for (const c of [...clicks].sort((a, b) => b.wall - a.wall).slice(0, 8)) {
    const others = Object.entries(c.busy).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", ");
    console.log(`    ${c.wall.toFixed(1).padStart(5)} / ${c.cpu.toFixed(1)}   ${others}`);
  }
}

await run(0, false);
await run(0, true);
await run(LOOK_MS, true);
await browser.close();
await served.close();

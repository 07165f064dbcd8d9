// Shared harness for the end-to-end tests (run with `node --test tests/e2e/`).
//
// - Serves the release build (dist/, or $KK_DIST) with tests/e2e/serve.mjs on 127.0.0.1 and a
//   random port, gzip on, SPA fallback.
// - Launches Debian's Chromium once per test file (node --test runs each file in its own
//   process) through playwright-core; never downloads a browser.
// - `e2e(name, fn)` runs one test with a Session: every browser context it opens is fresh (empty
//   profile, empty localStorage). `e2e(name, fn, { serve })` gives the test its own server instead:
//   `serve()` resolves to { url, close() } (e.g. scripts/serve-release.mjs, static-web-server);
//   `session.url` is then the app's address without the trailing slash (origin + base path).
//   When the test ends the session fails it if any page logged a console error or warning
//   (except Chromium's known `integrity`-on-preload warning), threw an uncaught exception, or
//   requested anything from a host other than 127.0.0.1.
// - `session.axe(page, label)` runs axe-core (WCAG 2.0/2.1 A and AA) and fails on any violation,
//   listing them readably.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";
import { swState } from "./sw.mjs";
export { networkRequests } from "./sw.mjs";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST = resolve(ROOT, process.env.KK_DIST || "dist");
/** The release build for /styrning/kommunkompassen/ (scripts/test.sh builds it). */
export const SUBPATH = "/styrning/kommunkompassen";
export const DIST_SUBPATH = resolve(ROOT, process.env.KK_DIST_SUBPATH || "target/dist-subpath");
export const CHROMIUM = process.env.KK_CHROMIUM || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
];
const AXE_SOURCE = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Console messages that are not failures. Only Chromium's SRI-on-preload warning. */
const ALWAYS_ALLOWED = [/The `integrity` attribute is currently ignored for preload destinations/];

// ---------------------------------------------------------------------------------------------
// One server and one browser per test file
// ---------------------------------------------------------------------------------------------

let shared;
/** Starts the server and the browser on first use. */
export async function sharedBrowser() {
  if (!shared) {
    shared = (async () => {
      const server = await serve(DIST, 0);
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
      return { server, browser };
    })();
  }
  return shared;
}

after(async () => {
  if (!shared) return;
  const { server, browser } = await shared;
  await browser.close();
  await server.close();
});

// ---------------------------------------------------------------------------------------------
// Session: the browser contexts and pages of one test, and what they logged
// ---------------------------------------------------------------------------------------------

export class Session {
  constructor(server, browser, name) {
    this.server = server;
    this.browser = browser;
    this.name = name;
    this.url = server.url.replace(/\/$/, "");
    /** The path the app is served under, without the trailing slash ("" at the root). */
    this.base = new URL(this.url).pathname.replace(/\/$/, "");
    this.contexts = [];
    this.problems = [];
    this.requests = [];
    /** The pages' own requests: `requests` without the service worker's precaching. */
    this.pageRequests = [];
    this.allowed = [...ALWAYS_ALLOWED];
  }

  /** Tolerate console messages matching `re` in this test (e.g. an intentionally failed load). */
  allowConsole(re) {
    this.allowed.push(re);
  }

  /** A fresh browser context (empty profile) whose pages are watched. */
  async newContext(options = {}) {
    const context = await this.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: "sv-SE",
      timezoneId: "Europe/Stockholm",
      acceptDownloads: true,
      ...options,
    });
    context.setDefaultTimeout(10_000);
    context.on("page", (page) => this.#watch(page));
    context.on("request", (req) => {
      this.requests.push(req.url());
      if (!req.serviceWorker()) this.pageRequests.push(req.url());
    });
    this.contexts.push(context);
    return context;
  }

  /** A page in a fresh context; `options.init` is a function or script run before the app. */
  async newPage(options = {}) {
    const { init, initArg, ...contextOptions } = options;
    const context = await this.newContext(contextOptions);
    if (init) await context.addInitScript(init, initArg);
    return context.newPage();
  }

  #watch(page) {
    const where = () => {
      try { return new URL(page.url()).pathname; } catch { return page.url(); }
    };
    page.on("console", (msg) => {
      if (msg.type() !== "error" && msg.type() !== "warning") return;
      const text = msg.text();
      if (this.allowed.some((re) => re.test(text))) return;
      this.problems.push(`console.${msg.type()} on ${where()}: ${text}`);
    });
    page.on("pageerror", (err) => {
      const text = `${err.name}: ${err.message}`;
      if (this.allowed.some((re) => re.test(text))) return;
      this.problems.push(`uncaught exception on ${where()}: ${text}`);
    });
  }

  /** Runs axe-core on the page as it is now; fails with a readable list of violations. */
  async axe(page, label = new URL(page.url()).pathname) {
    // page.evaluate runs through DevTools, so the page's strict CSP does not block it.
    if (!(await page.evaluate(() => typeof window.axe === "object"))) {
      await page.evaluate(`${AXE_SOURCE}\n;undefined`);
    }
    const violations = await page.evaluate(async (tags) => {
      const result = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
      return result.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target.join(" "), html: n.html.slice(0, 200), summary: n.failureSummary })),
      }));
    }, AXE_TAGS);
    if (violations.length) {
      const text = violations.map((v) =>
        `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes.map((n) => `      at ${n.target}\n        ${n.html}\n        ${n.summary?.replace(/\n/g, "\n        ")}`).join("\n"),
      ).join("\n");
      assert.fail(`axe-core found ${violations.length} WCAG 2.1 A/AA violation(s) on ${label}:\n${text}`);
    }
  }

  /** The app's route of a page's address: "/bedomning/x" for <base>/bedomning/x. */
  route(page) {
    const path = new URL(page.url()).pathname;
    return path.startsWith(this.base) ? path.slice(this.base.length) || "/" : path;
  }

  /** Hosts other than loopback that any page of this test asked for. */
  foreignRequests() {
    return this.requests.filter((u) => {
      if (/^(data|blob|about):/.test(u)) return false;
      try { return new URL(u).hostname !== "127.0.0.1"; } catch { return true; }
    });
  }

  async close() {
    for (const c of this.contexts) await c.close().catch(() => {});
    this.contexts = [];
  }
}

/**
 * Declares one end-to-end test. `fn(session, t)` gets a Session; contexts are closed afterwards,
 * and console errors, page errors and foreign requests fail the test.
 */
export function e2e(name, fn, { timeout = 90_000, serve } = {}) {
  return test(name, { timeout }, async (t) => {
    const { server: shared, browser } = await sharedBrowser();
    const own = serve ? await serve() : null;
    const session = new Session(own ?? shared, browser, name);
    let failure;
    try {
      await fn(session, t);
    } catch (e) {
      failure = e;
    }
    await session.close();
    if (own) await own.close();
    const problems = [...session.problems];
    const foreign = session.foreignRequests();
    if (foreign.length) problems.push(`requests to hosts other than 127.0.0.1:\n    ${foreign.join("\n    ")}`);
    if (failure) {
      if (problems.length && failure instanceof Error) {
        failure.message += `\n\nAlso seen in the browser:\n  ${problems.join("\n  ")}`;
      }
      throw failure;
    }
    if (problems.length) assert.fail(`The browser reported problems:\n  ${problems.join("\n  ")}`);
  });
}

// ---------------------------------------------------------------------------------------------
// App helpers
// ---------------------------------------------------------------------------------------------

/** Opens `path` and waits until the app (not the static loading text) shows a page heading. */
export async function open(page, session, path = "/") {
  await page.goto(session.url + path);
  await appReady(page);
}

/** Waits for the mounted app's h1 (not the heading shown while a view fetches its data). */
export async function appReady(page) {
  await page.locator(".kk-app h1:not(.kk-data-wait)").first().waitFor();
}

/** Waits (up to 20 s) until the page's service worker registration has an activated worker. */
export async function swActivated(page) {
  const state = await swState(page);
  assert.equal(state, "activated", `service worker: ${state}`);
}

/** A first visit of `path` in a fresh context, until the service worker is installed and active. */
export async function firstVisit(session, path = "/") {
  const context = await session.newContext();
  const page = await context.newPage();
  await open(page, session, path);
  await swActivated(page);
  return { context, page };
}

/** Element id form of a question id: "1.1.1" → "1-1-1". */
export const domId = (qid) => qid.replaceAll(".", "-");

/** The radio's id for question `qid` and `choice` (0–4, "vetej" or "ejakt"). */
export const radioId = (qid, choice) => `kk-q-${domId(qid)}-${typeof choice === "number" ? `lvl${choice}` : choice}`;

/** Creates an assessment through the start page form; resolves to its id. */
export async function createAssessment(page, session, { name = "Workshop mars", municipality = "Exempelby kommun" } = {}) {
  if (!page.url().startsWith(session.url) || session.route(page) !== "/") await open(page, session, "/");
  await page.locator("#kk-new-name").fill(name);
  await page.locator("#kk-new-muni").fill(municipality);
  assert.equal(await page.locator("#kk-new-rubric").inputValue(), "kk-2022", "the current rubric is preselected");
  await page.getByRole("button", { name: "Skapa och börja svara" }).click();
  // The app opens the first area: /bedomning/<id> (which redirects to /bedomning/<id>/omrade/1).
  await page.waitForURL(/\/bedomning\/[^/]+(\/omrade\/1)?$/);
  await page.locator("h1", { hasText: /^1\. / }).waitFor();
  return assessmentIdOf(page);
}

/** The assessment id in the page's address ([base]/bedomning/<id>/…). */
export function assessmentIdOf(page) {
  const m = new URL(page.url()).pathname.match(/\/bedomning\/([^/]+)/);
  assert.ok(m, `not on an assessment page: ${page.url()}`);
  return decodeURIComponent(m[1]);
}

/** Goes to an area of the open assessment through the side menu. */
export async function goToArea(page, areaId) {
  const nav = page.locator('nav[aria-label="Områden"]');
  await nav.locator(`a[href$="/omrade/${areaId}"]`).click();
  await page.waitForURL(new RegExp(`/omrade/${areaId}$`));
  await page.locator("h1", { hasText: new RegExp(`^${areaId}\\. `) }).waitFor();
}

/** Answers a question in the visible area by clicking its label; waits until it is checked. */
export async function answer(page, qid, choice) {
  const id = radioId(qid, choice);
  await page.locator(`label[for="${id}"]`).click();
  await assertChecked(page, id);
}

export async function assertChecked(page, id) {
  await page.waitForFunction((id) => document.getElementById(id)?.checked === true, id, { timeout: 5_000 })
    .catch(() => assert.fail(`radio #${id} is not checked`));
}

/** The stored JSON of an assessment (parsed), or null. */
export async function stored(page, id) {
  const text = await page.evaluate((key) => localStorage.getItem(key), `kommunkompass.bedomning.${id}`);
  return text === null ? null : JSON.parse(text);
}

/** Every localStorage key and value of the page's origin. */
export async function storageDump(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));
}

/** Clicks something that downloads a file; resolves to { name, text }. */
export async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent("download"), click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), text: readFileSync(path, "utf8") };
}

/** Text content of a locator, whitespace-normalised. */
export async function text(locator) {
  return (await locator.textContent() ?? "").replace(/\s+/g, " ").trim();
}

// ---------------------------------------------------------------------------------------------
// Rubric facts (read from the data files so that tests follow rubric edits)
// ---------------------------------------------------------------------------------------------

export const RUBRIC = JSON.parse(readFileSync(join(ROOT, "rubrics/kk-2022.json"), "utf8"));
export const QUESTIONS = RUBRIC.areas.flatMap((a) => a.subareas.flatMap((s) => s.questions.map((q) => ({ area: a.id, subarea: s.id, id: q.id }))));
/** The schema version the app writes (persist::SCHEMA_VERSION), read from the source. */
export const SCHEMA_VERSION = Number(
  readFileSync(join(ROOT, "src/domain/persist.rs"), "utf8").match(/pub const SCHEMA_VERSION: u32 = (\d+);/)[1],
);
export const subareaOf = (sid) => RUBRIC.areas.flatMap((a) => a.subareas).find((s) => s.id === sid);
export const fraction = (level) => RUBRIC.scale.levels.find((l) => l.value === level).fraction;

/** Swedish points formatting as in src/domain/format.rs: "15", "13,3". */
export function points(value) {
  const r = Math.round(value * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1).replace(".", ",");
}

export { assert };

// The shell in index.html: the start page's heading, lead and privacy line are in the served HTML,
// painted before the WebAssembly has loaded, equal in text and place to what the app then shows;
// a deep link shows a neutral shell, never the start page.
import { e2e, appReady, text, assert } from "./harness.mjs";

/** Holds every request for the WebAssembly until `release()`; `requested` resolves at the first. */
async function holdWasm(page) {
  let release, wasRequested;
  const released = new Promise((r) => { release = r; });
  const requested = new Promise((r) => { wasRequested = r; });
  await page.route(/_bg\.wasm$/, async (route) => {
    wasRequested();
    await released;
    await route.continue();
  });
  return { release, requested };
}

// The shell uses plain elements with the app's classes (no <main>, <header> or <nav> landmarks,
// which tests and assistive technology would take for the app's own).
const PARTS = {
  brand: ".kk-header .kk-brand",
  nav: ".kk-topnav",
  h1: ".kk-main h1",
  lead: ".kk-main .kk-lead",
  privacy: ".kk-main .kk-privacy",
};

/** Text and box of each part, inside `root` (the shell or the app). */
async function measure(page, root) {
  const out = {};
  for (const [name, selector] of Object.entries(PARTS)) {
    const el = page.locator(`${root} ${selector}`).first();
    out[name] = { text: await text(el), box: await el.boundingBox() };
  }
  return out;
}

for (const width of [1280, 360]) {
  e2e(`shell (${width} px): the served start page's heading, lead and privacy line equal the app's in text and place`, async (s) => {
    const page = await s.newPage({ viewport: { width, height: 900 } });
    const wasm = await holdWasm(page);
    await page.goto(s.url + "/");
    await wasm.requested;
    await page.waitForFunction(() => document.fonts.status === "loaded");

    // The WebAssembly is being fetched (and held): the shell is painted with real content.
    const h1 = page.locator(".kk-shell h1");
    assert.ok(await h1.isVisible(), "the start page's heading is visible before the app has loaded");
    assert.equal(await page.locator(".kk-app").count(), 0, "the app has not mounted yet");
    const lcp = await page.evaluate(() => new Promise((r) => new PerformanceObserver((l) => r(l.getEntries().map((e) => e.element?.className)))
      .observe({ type: "largest-contentful-paint", buffered: true })));
    assert.ok(lcp.includes("kk-lead"), `the largest paint so far is the shell's lead paragraph (${lcp.join(", ")})`);
    const shell = await measure(page, ".kk-shell");

    wasm.release();
    await appReady(page);
    assert.equal(await page.locator(".kk-shell").count(), 0, "the app replaced the shell");
    const app = await measure(page, ".kk-app");

    for (const name of Object.keys(PARTS)) {
      assert.equal(shell[name].text, app[name].text, `${name}: the shell's text equals the app's`);
      for (const k of ["x", "y", "width", "height"]) {
        assert.ok(Math.abs(shell[name].box[k] - app[name].box[k]) <= 1,
          `${name}: ${k} moved from ${shell[name].box[k]} (shell) to ${app[name].box[k]} (app)`);
      }
    }
    assert.equal(shell.h1.text, "Självskattning enligt Kommunkompassen");
    assert.match(shell.privacy.text, /^Sparas bara i den här webbläsaren/);
  });
}

for (const path of ["/bedomning/finns-inte-123/omrade/2", "/kriterier/kk-2016", "/bedomning/abc/rapport", "/index.html"]) {
  e2e(`shell: a deep link (${path}) shows a neutral shell, never the start page`, async (s) => {
    const page = await s.newPage();
    const wasm = await holdWasm(page);
    await page.goto(s.url + path);
    await wasm.requested;
    assert.ok(await page.locator(".kk-shell .kk-loading").isVisible(), "'Laddar …' is shown");
    assert.equal(await page.locator(".kk-shell-start").isVisible(), false, "the start page's text is hidden");
    assert.equal(await page.locator("h1:visible").count(), 0, "no page heading is shown before the app knows the page");
    assert.ok(await page.locator(".kk-shell .kk-brand").isVisible(), "the neutral header is shown");
    assert.equal(await page.locator("main, nav, header").count(), 0, "the shell has no landmarks the app will replace");

    wasm.release();
    await appReady(page);
    assert.notEqual(await text(page.locator("h1")), "Självskattning enligt Kommunkompassen", "the app opened the linked page");
  });
}

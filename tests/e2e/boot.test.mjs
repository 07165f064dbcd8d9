// public/boot-guard.js: a Swedish message when the app cannot start, and silence when it can.
import { e2e, open, text, assert } from "./harness.mjs";

const FAILED_LOADS = /Failed to load resource|net::ERR_FAILED|Failed to fetch|WebAssembly|wasm|status of 404|MIME type/i;

async function expectBootFailure(page) {
  const fatal = page.locator(".kk-fatal[role=alert]");
  await fatal.waitFor({ timeout: 5_000 });
  assert.equal(await text(fatal.locator("h1")), "Verktyget kunde inte starta");
  assert.match(await text(fatal), /Dina sparade svar är kvar/);
  assert.equal(await page.locator(".kk-loading").count(), 0, "the loading text is replaced");
  assert.equal(await page.locator("#kommunkompass .kk-fatal").count(), 1);
}

/** Loads the page with `breakIt` applied; the page's timers are fake so 15 s pass at once. */
async function brokenStart(s, breakIt) {
  s.allowConsole(FAILED_LOADS);
  const page = await s.newPage();
  await page.clock.install();
  await breakIt(page);
  await page.goto(s.url + "/");
  await page.waitForLoadState("load");
  return page;
}

const failures = {
  "the WebAssembly request fails (network error)": (page) => page.route(/_bg\.wasm$/, (route) => route.abort()),
  "the WebAssembly file is missing (404)": (page) =>
    page.route(/_bg\.wasm$/, (route) => route.fulfill({ status: 404, contentType: "text/plain", body: "Not found" })),
  "the JavaScript loader is missing (404)": (page) =>
    page.route(/\/kommunkompass-[0-9a-f]+\.js$/, (route) => route.fulfill({ status: 404, contentType: "text/plain", body: "Not found" })),
};

for (const [what, breakIt] of Object.entries(failures)) {
  e2e(`boot guard: ${what} → 'Verktyget kunde inte starta' (at the latest after 15 s)`, async (s) => {
    const page = await brokenStart(s, breakIt);
    await page.clock.runFor(16_000);
    await expectBootFailure(page);
  });
}

// The guard is meant to react to the failed load itself, not only through its 15 s fallback
// timer (users would stare at "Laddar …" for 15 s). Timers are frozen here, so only the error
// handlers can show the message.
e2e("boot guard: a failed WebAssembly load is noticed at once, without waiting for the 15 s timer", async (s) => {
  const page = await brokenStart(s, failures["the WebAssembly file is missing (404)"]);
  await page.locator(".kk-fatal[role=alert]").waitFor({ timeout: 3_000 }).catch(() =>
    assert.fail("after 3 s the page still shows 'Laddar …': boot-guard.js did not react to the failed load " +
      "(the preload <link> error fires before the deferred guard is installed, and the loader's uncaught error has " +
      "target window, which the guard ignores) – only its 15 s timer would show the message"));
  await expectBootFailure(page);
});

e2e("boot guard: stays silent after a normal start, also after its 15 s timer", async (s) => {
  const page = await s.newPage();
  await page.clock.install();
  await open(page, s, "/");
  await page.clock.runFor(20_000);
  assert.equal(await page.locator(".kk-fatal").count(), 0);
  assert.equal(await text(page.locator(".kk-app h1")), "Självskattning enligt Kommunkompassen");
});

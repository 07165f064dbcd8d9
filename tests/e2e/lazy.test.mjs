// src/ui/lazy.rs: most pages' code is in WebAssembly chunks of their own (scripts/build-wasm.mjs),
// loaded when the page is first shown. The start page loads none of them, and a chunk that cannot
// be loaded gives a Swedish message with "Försök igen", never a blank page or a dead app.
import { e2e, open, text, assert } from "./harness.mjs";

const CHUNK = /\/kommunkompass-[0-9a-f]+_(split|chunk)_[a-z0-9_]+\.wasm$/;
// What the page itself fetches: the service worker's precaching (it registers a second after
// load) fetches every chunk, but it does not control this first visit's page (no clients.claim),
// so page.route sees the page's own requests, and its own requests only.
const own = (r) => !r.serviceWorker();

e2e("lazy pages: the start page fetches no chunk; the criteria page fetches its own", async (s) => {
  const page = await s.newPage();
  const chunks = [];
  page.on("request", (r) => { if (own(r) && CHUNK.test(new URL(r.url()).pathname)) chunks.push(new URL(r.url()).pathname); });
  await open(page, s, "/");
  assert.deepEqual(chunks, [], "the start page needs no chunk");
  await page.getByRole("link", { name: "Kriterierna" }).click();
  await page.locator("h1", { hasText: "Kommunkompassens kriterier" }).waitFor();
  assert.ok(chunks.some((c) => /_split_rubric\.wasm$/.test(c)), `the criteria page's chunk was fetched: ${chunks}`);
  await page.waitForFunction(() => document.activeElement?.tagName === "H1", null, { timeout: 5_000 });
});

e2e("lazy pages: a chunk that cannot be loaded → 'Sidan kunde inte laddas' and 'Försök igen' loads it", async (s) => {
  s.allowConsole(/Failed to load resource|net::ERR_FAILED|Failed to fetch|TypeError|wasm/i);
  const page = await s.newPage();
  await open(page, s, "/");
  let broken = true;
  await page.route(CHUNK, (route) => (broken ? route.abort() : route.continue()));
  await page.getByRole("link", { name: "Kriterierna" }).click();
  const failed = page.locator(".kk-load-failed[role=alert]");
  await failed.waitFor();
  assert.equal(await text(failed.locator("h1")), "Sidan kunde inte laddas");
  assert.equal(await page.locator(".kk-fatal").count(), 0, "the app keeps running");
  assert.equal(await text(page.locator(".kk-topnav a").first()), "Mina självskattningar", "the menu is still there");
  broken = false;
  await failed.getByRole("button", { name: "Försök igen" }).click();
  await page.locator("h1", { hasText: "Kommunkompassens kriterier" }).waitFor();
  assert.equal(await page.locator(".kk-load-failed").count(), 0);
});

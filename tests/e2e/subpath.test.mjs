// From any path: the release build made with `--public-url /styrning/kommunkompassen/` (scripts/
// test.sh builds it into target/dist-subpath, or $KK_DIST_SUBPATH), served by static-web-server
// at that path. Every view, links, reloads on deep links, ECharts, the report, files, the
// service worker; and the widget on an intranet page at that path.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { e2e, open, appReady, createAssessment, answer, goToArea, assessmentIdOf, stored, download, text, assert, radioId, swActivated, firstVisit, SUBPATH, DIST_SUBPATH } from "./harness.mjs";
import { serveNginx } from "./nginx.mjs";
import { serveRelease } from "../../scripts/serve-release.mjs";
import { compressAll, writeServiceWorker } from "../../scripts/post-build.mjs";

const BASE = SUBPATH;
const DIST = DIST_SUBPATH;
if (!existsSync(join(DIST, "index.html"))) {
  throw new Error(`${DIST} is missing: build it with  trunk build --release --public-url ${BASE}/ --dist target/dist-subpath  (scripts/test.sh does)`);
}

/** Every app link on the page points under the base path. */
async function linksUnderBase(page, where) {
  const hrefs = await page.locator(".kk-app a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  const internal = hrefs.filter((h) => !/^(#|blob:|data:|https?:)/.test(h));
  assert.ok(internal.length > 0, `${where}: links were found`);
  for (const h of internal) assert.ok(h.startsWith(`${BASE}/`), `${where}: link ${h} is outside ${BASE}/`);
}

/** No request of the session left the base path. */
function requestsUnderBase(s) {
  const outside = s.requests.map((u) => new URL(u)).filter((u) => u.protocol.startsWith("http") && !u.pathname.startsWith(`${BASE}/`));
  assert.deepEqual(outside.map((u) => u.pathname), [], "every request stays under the base path");
}

/** Every view, links, reloads on deep links, ECharts, the report, files, the service worker. */
async function everyViewUnderBase(s) {
  assert.equal(s.base, BASE);
  const page = await s.newPage();
  await open(page, s, "/");
  assert.equal(await text(page.locator("h1")), "Självskattning enligt Kommunkompassen");
  await linksUnderBase(page, "start page");

  const id = await createAssessment(page, s);
  assert.equal(new URL(page.url()).pathname, `${BASE}/bedomning/${id}/omrade/1`);
  await answer(page, "1.1.1", 3);
  await linksUnderBase(page, "area 1");
  await goToArea(page, "2");
  assert.equal(new URL(page.url()).pathname, `${BASE}/bedomning/${id}/omrade/2`);
  await page.reload();
  await page.locator("h1", { hasText: /^2\. / }).waitFor();

  await page.locator('nav[aria-label="Områden"] a', { hasText: "Visa resultat" }).click();
  await page.waitForURL(`**${BASE}/bedomning/${id}/resultat`);
  await page.locator(".kk-radar .kk-chart canvas, .kk-radar .kk-chart svg").first().waitFor({ timeout: 20_000 });
  assert.ok(s.requests.some((u) => new URL(u).pathname === `${BASE}/vendor/echarts/echarts.kk.min.js`), "ECharts came from under the base path");
  assert.ok(s.requests.some((u) => new URL(u).pathname === `${BASE}/rubrics/references/alingsas-2022.json`), "the references came from under the base path");
  assert.match(await text(page.locator("table", { hasText: "Publicerade totalpoäng" })), /475/, "the results show the fetched references");
  await linksUnderBase(page, "results");
  await page.reload();
  await page.locator(".kk-radar .kk-chart canvas, .kk-radar .kk-chart svg").first().waitFor({ timeout: 20_000 });

  await page.getByRole("link", { name: "Rapport för utskrift" }).click();
  await page.waitForURL(`**${BASE}/bedomning/${id}/rapport`);
  await appReady(page);
  assert.match(await text(page.locator("main")), /Workshop mars/);
  await page.reload();
  await appReady(page);
  assert.match(await text(page.locator("main")), /Workshop mars/);

  await page.locator('nav[aria-label="Huvudmeny"] a', { hasText: "Kriterierna" }).click();
  await page.waitForURL(`**${BASE}/kriterier`);
  await page.locator("h1", { hasText: "Kommunkompassens kriterier" }).waitFor();
  await linksUnderBase(page, "criteria");
  // An older version, fetched from under the base path, after a reload on its deep link.
  await page.goto(`${s.url}/kriterier/kk-2016`);
  await page.locator("h1", { hasText: "Kommunkompassens kriterier" }).waitFor();
  assert.match(await text(page.locator("main")), /Kommunkompassen, version 2016/);
  await page.locator(".kk-app header .kk-brand").click();
  await page.waitForURL(`**${BASE}/`);
  await page.locator("tbody tr", { hasText: "Workshop mars" }).waitFor();

  // Files: save, remove, open again.
  const file = await download(page, () => page.locator("tbody tr", { hasText: "Workshop mars" }).getByRole("button", { name: "Spara som fil" }).click());
  assert.equal(JSON.parse(file.text).assessment.answers["1.1.1"].response.level, 3);
  const row = page.locator("tbody tr", { hasText: "Workshop mars" });
  await row.getByRole("button", { name: "Ta bort" }).click();
  await row.getByRole("button", { name: "Ja, ta bort" }).click();
  await page.locator("tbody tr", { hasText: "Workshop mars" }).waitFor({ state: "detached" });
  await page.locator("#kk-import").setInputFiles({ name: file.name, mimeType: "application/json", buffer: Buffer.from(file.text) });
  await page.locator("tbody tr", { hasText: "Workshop mars" }).waitFor();
  assert.equal((await stored(page, id)).assessment.answers["1.1.1"].response.level, 3);

  // The service worker lives at the base path, with it as scope.
  await swActivated(page);
  const reg = await page.evaluate(async () => {
    const r = await navigator.serviceWorker.getRegistration();
    return { scope: r.scope, script: r.active.scriptURL };
  });
  assert.equal(new URL(reg.scope).pathname, `${BASE}/`);
  assert.equal(new URL(reg.script).pathname, `${BASE}/sw.js`);
  requestsUnderBase(s);
}

for (const [server, serve] of [
  ["static-web-server", () => serveRelease({ dist: DIST })],
  ["nginx with deploy/nginx/kommunkompassen.conf", () => serveNginx({ dist: DIST })],
]) {
  e2e(`served under ${BASE}/ (${server}): every view, links, reloads on deep links, ECharts, the report, files, the service worker`,
    everyViewUnderBase, { serve, timeout: 120_000 });
}

e2e(`served under ${BASE}/: offline after the first visit, a reload on a deep link works`, async (s) => {
  const { context, page } = await firstVisit(s);
  const id = await createAssessment(page, s);
  await context.setOffline(true);
  await page.goto(`${s.url}/bedomning/${id}/omrade/3`);
  await page.locator("h1", { hasText: /^3\. / }).waitFor();
  await answer(page, "3.1.1", 2);
  await page.reload();
  await page.waitForFunction((rid) => document.getElementById(rid)?.checked === true, radioId("3.1.1", 2));
  await context.setOffline(false);
  requestsUnderBase(s);
}, { serve: () => serveRelease({ dist: DIST }) });

/**
 * The intranet page at /styrning/kommunkompassen/ that embeds the app: its own header and text,
 * the tags from the build's index.html, and an empty #kommunkompass (no shell). The server gives
 * it for every path under the base (the intranet's fallback); the service worker's list and the
 * compressed twins are rewritten for it, as a deployment that replaces index.html would have them.
 */
function intranetPage(dir) {
  const app = readFileSync(join(dir, "index.html"), "utf8");
  const page = app
    .replace(/<div id="kommunkompass" data-kk-shell>[\s\S]*<\/body>/, `<header class="intranat"><h1 id="intranat">Styrning och ledning</h1>
      <p>Kommunens intranät: verktyget nedan.</p></header>
      <div id="kommunkompass"></div>
</body>`);
  assert.match(page, /<h1 id="intranat">/);
  writeFileSync(join(dir, "index.html"), page);
  writeServiceWorker(dir);
  compressAll(dir);
}

e2e(`the widget on an intranet page at ${BASE}/: mounts into #kommunkompass, routes, reloads, works offline`, async (s) => {
  const context = await s.newContext();
  const page = await context.newPage();
  await page.goto(`${s.url}/`);
  await page.locator("#kommunkompass .kk-app h1").waitFor();
  assert.equal(await text(page.locator("#intranat")), "Styrning och ledning", "the intranet page keeps its own content");
  assert.equal(await text(page.locator("#kommunkompass h1")), "Självskattning enligt Kommunkompassen");
  await linksUnderBase(page, "widget start page");

  const id = await createAssessment(page, s);
  assert.equal(new URL(page.url()).pathname, `${BASE}/bedomning/${id}/omrade/1`);
  await page.reload();
  await page.locator("#kommunkompass h1", { hasText: /^1\. / }).waitFor();
  assert.equal(await text(page.locator("#intranat")), "Styrning och ledning", "a reload on a deep link gets the intranet page");

  await swActivated(page);
  const script = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).active.scriptURL);
  assert.equal(new URL(script).pathname + new URL(script).search, `${BASE}/sw.js?sida=vard`, "the worker knows the page is the intranet's");

  // Once more online (the worker keeps a copy of the intranet page), then offline.
  await page.reload();
  await page.locator("#kommunkompass h1", { hasText: /^1\. / }).waitFor();
  await context.setOffline(true);
  await page.goto(`${s.url}/bedomning/${id}/omrade/2`);
  await page.locator("#kommunkompass h1", { hasText: /^2\. / }).waitFor();
  assert.equal(await text(page.locator("#intranat")), "Styrning och ledning");
  await answer(page, "2.1.1", 1);
  await page.reload();
  await page.waitForFunction((rid) => document.getElementById(rid)?.checked === true, radioId("2.1.1", 1));
  assert.equal(assessmentIdOf(page), id);
  await context.setOffline(false);
  requestsUnderBase(s);
}, { serve: () => serveRelease({ dist: DIST, prepare: intranetPage }), timeout: 120_000 });

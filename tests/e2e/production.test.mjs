// The release build served like production (scripts/serve-release.mjs: static-web-server with
// deploy/static-web-server.toml): headers, the Content-Security-Policy as a header that agrees
// with the meta element, offline use after the first visit, and a new version deployed while a
// tab is open.
import { join } from "node:path";
import { readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { e2e, open, appReady, createAssessment, answer, assessmentIdOf, stored, text, assert, DIST, radioId, domId, swActivated, firstVisit, networkRequests, DIST_SUBPATH, SUBPATH } from "./harness.mjs";
import { baseOfBuild, serveRelease } from "../../scripts/serve-release.mjs";
import { serveNginx } from "./nginx.mjs";
import { compressAll, policyOf, writeServiceWorker } from "../../scripts/post-build.mjs";

const release = () => serveRelease({ dist: DIST });

/** Collects securitypolicyviolation events of every page in the context. */
function watchViolations() {
  window.__kkViolations = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__kkViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
}

/**
 * What every production server here must do (README, "Serving it"): brotli/gzip twins,
 * application/wasm, immutable hashed files, no-cache for the rest, index.html for the app's
 * routes, the CSP header equal to the meta element, the nginx include not served.
 */
async function servedLikeProduction(s, dist) {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const base = baseOfBuild(dist);
  const named = (re) => html.match(new RegExp(`"${base}(${re})"`))[1];
  const wasm = named("kommunkompass-[0-9a-f]+_bg\\.wasm");
  const js = named("kommunkompass-[0-9a-f]+\\.js");
  const css = named("app-[0-9a-f]+\\.css");
  // The bytes as sent (fetch would decode them).
  const get = (path, encoding = "br, gzip") => new Promise((resolve, reject) => {
    http.get(s.url + path, { headers: { "accept-encoding": encoding } }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: new Headers(res.headers), body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });
  const decoded = (r) => (r.headers.get("content-encoding") === "br" ? brotliDecompressSync(r.body) : r.headers.get("content-encoding") === "gzip" ? gunzipSync(r.body) : r.body);

  for (const file of [wasm, js, css]) {
    const r = await get(`/${file}`);
    assert.equal(r.status, 200, file);
    assert.equal(r.headers.get("content-encoding"), "br", `${file} is sent as its brotli twin`);
    assert.match(r.headers.get("vary") || "", /accept-encoding/i, `${file}: Vary: Accept-Encoding`);
    assert.equal(r.headers.get("cache-control"), "public, max-age=31536000, immutable", `${file}: hashed, cached for good`);
    assert.ok(r.body.equals(readFileSync(join(dist, `${file}.br`))), `${file}: the bytes of ${file}.br were sent`);
    assert.ok(brotliDecompressSync(r.body).equals(readFileSync(join(dist, file))), `${file}.br is ${file}`);
  }
  const w = await get(`/${wasm}`);
  assert.equal(w.headers.get("content-type"), "application/wasm");
  const gz = await get(`/${wasm}`, "gzip");
  assert.equal(gz.headers.get("content-encoding"), "gzip", "gzip when brotli is not accepted");
  assert.ok(gz.body.equals(readFileSync(join(dist, `${wasm}.gz`))), "the bytes of the .gz twin were sent");
  const manifest = await get("/manifest.webmanifest");
  assert.match(manifest.headers.get("content-type"), /^application\/manifest\+json/);

  const policy = policyOf(html);
  for (const path of ["/", "/sw.js", "/boot-guard.js", "/vendor/echarts/echarts.kk.min.js", "/manifest.webmanifest", "/bedomning/x/omrade/2", "/kriterier"]) {
    const r = await get(path);
    assert.equal(r.status, 200, path);
    assert.equal(r.headers.get("cache-control"), "no-cache", `${path} is revalidated`);
    assert.equal(r.headers.get("content-security-policy"), policy, `${path}: the CSP header equals the meta element`);
  }
  const deep = await get("/bedomning/abc/resultat");
  assert.match(deep.headers.get("content-type"), /^text\/html/);
  assert.match(decoded(deep).toString(), /<div id="kommunkompass" data-kk-shell>/, "an app route gets index.html");

  const hidden = await get("/.csp-header.nginx.conf");
  assert.doesNotMatch(decoded(hidden).toString("latin1"), /add_header/, "the nginx include is not served");
}

e2e("served like production (static-web-server, deploy/static-web-server.toml): twins, wasm type, caching, CSP header, fallback",
  (s) => servedLikeProduction(s, DIST), { serve: release });

e2e(`served like production (nginx, deploy/nginx/kommunkompassen.conf at ${SUBPATH}/): twins, wasm type, caching, CSP header, fallback`,
  (s) => servedLikeProduction(s, DIST_SUBPATH), { serve: () => serveNginx({ dist: DIST_SUBPATH }) });

e2e("served like production: the CSP header equals the meta element on every page, and no view reports a violation", async (s) => {
  const page = await s.newPage({ init: watchViolations });
  const response = await page.goto(`${s.url}/`);
  await appReady(page);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  assert.equal(response.headers()["content-security-policy"], meta, "the page's CSP header and meta element agree");
  assert.equal(meta, policyOf(readFileSync(join(DIST, "index.html"), "utf8")));
  const id = await createAssessment(page, s);
  await answer(page, "1.1.1", 3);
  await page.goto(`${s.url}/bedomning/${id}/resultat`);
  await page.locator(".kk-radar .kk-chart canvas, .kk-radar .kk-chart svg").first().waitFor({ timeout: 20_000 });
  await page.goto(`${s.url}/bedomning/${id}/rapport`);
  await appReady(page);
  await page.goto(`${s.url}/kriterier`);
  await page.locator("h1", { hasText: "Kommunkompassens kriterier" }).waitFor();
  await swActivated(page);
  assert.deepEqual(await page.evaluate(() => window.__kkViolations), [], "no Content-Security-Policy violation");
}, { serve: release });

e2e("offline after the first visit: the app opens, every view works and answers are saved", async (s) => {
  const { context, page } = await firstVisit(s);
  const id = await createAssessment(page, s);

  await context.setOffline(true);
  assert.equal(await page.evaluate(() => navigator.onLine), false, "the browser is offline");
  const failed = [];
  context.on("requestfailed", (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
  await page.reload();
  await appReady(page);
  await page.goto(`${s.url}/bedomning/${id}/omrade/1`);
  await page.locator("h1", { hasText: /^1\. / }).waitFor();
  // The questions' texts (fetched, not embedded) came from the worker's cache.
  assert.match(await text(page.locator(`fieldset:has(#${radioId("1.1.1", 4)}) > legend`)), /^1\.1\.1 Finns en strategi/);
  await answer(page, "1.1.1", 4);
  await page.reload();
  await page.locator("h1", { hasText: /^1\. / }).waitFor();
  await page.waitForFunction((rid) => document.getElementById(rid)?.checked === true, radioId("1.1.1", 4));
  assert.equal((await stored(page, id)).assessment.answers["1.1.1"].response.level, 4, "the answer given offline is stored");

  // The other views, ECharts and the rubric data fetched on demand (references, older versions) included.
  await page.goto(`${s.url}/bedomning/${id}/resultat`);
  await page.locator(".kk-radar .kk-chart canvas, .kk-radar .kk-chart svg").first().waitFor({ timeout: 20_000 });
  assert.match(await text(page.locator("table", { hasText: "Publicerade totalpoäng" })), /475/, "the references came from the worker's cache");
  await page.goto(`${s.url}/bedomning/${id}/rapport`);
  await appReady(page);
  assert.match(await text(page.locator("main")), /Workshop mars/);
  await page.goto(`${s.url}/kriterier/kk-2016`);
  await page.locator("h1", { hasText: "Kommunkompassens kriterier" }).waitFor();
  assert.match(await text(page.locator("main")), /Kommunkompassen, version 2016/, "the older version came from the worker's cache");
  assert.equal(await page.locator('[data-testid="data-failed"]').count(), 0);
  await page.goto(`${s.url}/`);
  await page.locator("tbody tr", { hasText: "Workshop mars" }).waitFor();
  assert.deepEqual(failed, [], "nothing had to come from the network");
  await context.setOffline(false);
}, { serve: release });

e2e("second visit with the service worker warm: nothing but the worker's revalidation reaches the network", async (s) => {
  const { context, page: first } = await firstVisit(s);
  await first.close();

  const network = networkRequests(context);
  const page = await context.newPage();
  await open(page, s, "/");
  await page.waitForTimeout(2_500); // the worker's own update check runs after the load
  assert.ok(network.length <= 1 && network.every((p) => p === "/sw.js"), `only /sw.js may be fetched, got: ${network.join(", ")}`);
}, { serve: release });

/** Deploys "a new version" into the served copy: a changed index.html, its sw.js and twins. */
function deployNewVersion(dir) {
  const file = join(dir, "index.html");
  writeFileSync(file, readFileSync(file, "utf8").replace("<head>", '<head>\n  <meta name="kk-test-deploy" content="2">'));
  const { version } = writeServiceWorker(dir);
  compressAll(dir);
  return version;
}

e2e("a new version deployed while a tab is open: 'En ny version finns – ladda om', never a reload by itself, nothing lost", async (s) => {
  const { context, page: tab } = await firstVisit(s);
  const id = await createAssessment(tab, s);
  await tab.reload(); // now controlled by the worker, as on any later visit
  await tab.locator("h1", { hasText: /^1\. / }).waitFor();
  await tab.evaluate(() => { window.__kkSameDocument = true; });

  // Someone is typing a comment.
  const comment = `#kk-q-${domId("1.1.1")}-comment`;
  await tab.locator(comment).click();
  await tab.keyboard.type("Utkast före uppdateringen");

  deployNewVersion(s.server.dir);

  // Another tab opens the app: the browser finds the new worker, which installs beside the old one.
  const other = await context.newPage();
  await open(other, s, "/");
  const banner = tab.getByTestId("new-version");
  await banner.waitFor({ timeout: 20_000 });
  assert.match(await text(banner), /^En ny version finns – ladda om/);
  assert.equal(await tab.evaluate(() => window.__kkSameDocument), true, "the tab did not reload");
  assert.equal(await tab.evaluate(() => document.activeElement?.id), comment.slice(1), "the comment field keeps focus");
  await tab.keyboard.type(" och under den");
  assert.equal(await tab.locator(comment).inputValue(), "Utkast före uppdateringen och under den");
  await tab.waitForFunction(([key]) => (localStorage.getItem(key) || "").includes("och under den"), [`kommunkompass.bedomning.${id}`]);

  // The other tab chooses to reload: the new worker takes over there; this tab still does not reload.
  await other.getByTestId("new-version").getByRole("button", { name: "Ladda om" }).click();
  await other.waitForFunction(() => document.querySelector('meta[name="kk-test-deploy"]') !== null, null, { timeout: 20_000 });
  await appReady(other);
  await tab.waitForTimeout(1_000);
  assert.equal(await tab.evaluate(() => window.__kkSameDocument), true, "a worker taking over in another tab does not reload this one");
  assert.ok(await banner.isVisible(), "the prompt is still there");
  await tab.keyboard.type(".");

  // Now this tab: the user chooses to reload, and gets the new version with everything kept.
  await banner.getByRole("button", { name: "Ladda om" }).click();
  await tab.waitForFunction(() => document.querySelector('meta[name="kk-test-deploy"]') !== null, null, { timeout: 20_000 });
  await tab.locator("h1", { hasText: /^1\. / }).waitFor();
  assert.equal(await tab.locator(comment).inputValue(), "Utkast före uppdateringen och under den.", "the comment survived");
  assert.equal(assessmentIdOf(tab), id);
  assert.equal((await stored(tab, id)).assessment.answers["1.1.1"].comment, "Utkast före uppdateringen och under den.");
}, { serve: release, timeout: 120_000 });

e2e("a new version while the very first tab is open (before the worker controlled it): the prompt's 'Ladda om' brings the new version", async (s) => {
  const { context, page: first } = await firstVisit(s);
  assert.equal(await first.evaluate(() => navigator.serviceWorker.controller), null, "the first page is not controlled");
  deployNewVersion(s.server.dir);
  const other = await context.newPage();
  await open(other, s, "/");
  const banner = first.getByTestId("new-version");
  await banner.waitFor({ timeout: 20_000 });
  await banner.getByRole("button", { name: "Ladda om" }).click();
  await first.waitForFunction(() => document.querySelector('meta[name="kk-test-deploy"]') !== null, null, { timeout: 20_000 });
  await appReady(first);
}, { serve: release });

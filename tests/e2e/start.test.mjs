// Start page, document metadata, CSP, privacy (no third-party requests), mounting, deep links.
import { e2e, open, appReady, createAssessment, text, assert } from "./harness.mjs";

e2e("start page: Swedish document, title, description, strict CSP, no third-party requests, axe clean", async (s) => {
  // What the server sends, before any script runs.
  const html = await (await fetch(s.url + "/")).text();
  assert.match(html, /<html lang="sv">/);
  assert.match(html, /<title>Kommunkompass självskattning<\/title>/);
  assert.doesNotMatch(html, /__KK_CSP__/, "the CSP placeholder was filled in by scripts/post-build.mjs");
  assert.doesNotMatch(html, /__KK_BASE__/, "the base path placeholder was filled in by scripts/post-build.mjs");

  const page = await s.newPage();
  await open(page, s, "/");

  assert.equal(await page.evaluate(() => document.documentElement.lang), "sv");
  assert.match(await page.title(), /Kommunkompass självskattning/);
  const description = await page.locator('meta[name="description"]').getAttribute("content");
  assert.ok(description && description.length > 50, "meta description present");
  assert.match(description, /Självskattning/);

  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  assert.ok(csp, "CSP meta present");
  const directives = Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(directives["default-src"], ["'self'"]);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.ok(!directives["script-src"].includes("'unsafe-inline'") && !directives["script-src"].includes("'unsafe-eval'"),
    `script-src must not allow inline code or eval: ${directives["script-src"].join(" ")}`);
  for (const src of directives["script-src"].slice(2)) assert.match(src, /^'sha256-[A-Za-z0-9+/=]+'$/);
  assert.deepEqual(directives["object-src"], ["'none'"]);

  await s.axe(page, "/ (no assessments)");

  // Walk through the app a little so that every asset of a normal visit has been requested.
  await createAssessment(page, s);
  await page.locator('nav[aria-label="Huvudmeny"] a', { hasText: "Kriterierna" }).click();
  await page.locator("h1", { hasText: "Kommunkompassens kriterier" }).waitFor();

  assert.ok(s.requests.length >= 4, `requests were recorded: ${s.requests.join(", ")}`);
  assert.deepEqual(s.foreignRequests(), [], "only 127.0.0.1 is contacted");
  const origins = new Set(s.requests.map((u) => new URL(u).origin));
  assert.deepEqual([...origins], [s.url]);
});

e2e("the app mounts into #kommunkompass and replaces the static loading text", async (s) => {
  const page = await s.newPage();
  await open(page, s, "/");
  assert.equal(await page.locator("#kommunkompass > .kk-app").count(), 1, "the app is inside #kommunkompass");
  assert.equal(await page.locator(".kk-loading").count(), 0, "the static loading paragraph is gone");
  assert.ok(!(await text(page.locator("body"))).includes("Laddar"), "no 'Laddar' text remains");
  assert.equal(await text(page.locator(".kk-app h1")), "Självskattning enligt Kommunkompassen");
  assert.equal(await page.locator("main#kk-main").count(), 1);
  assert.equal(await page.locator(".kk-fatal").count(), 0, "the boot guard did not fire");
});

e2e("deep links survive a reload (SPA fallback) and unknown paths say 'Sidan finns inte'", async (s) => {
  const page = await s.newPage();

  await open(page, s, "/kriterier");
  assert.equal(await text(page.locator("h1")), "Kommunkompassens kriterier");
  await page.reload();
  await appReady(page);
  assert.equal(await text(page.locator("h1")), "Kommunkompassens kriterier");
  assert.match(await text(page.locator("main")), /Svarsskalan/);

  await open(page, s, "/kriterier/kk-2016");
  assert.equal(await text(page.locator("h1")), "Kommunkompassens kriterier");

  await open(page, s, "/bedomning/finns-inte-123");
  assert.equal(await text(page.locator("h1")), "Självskattningen finns inte här");
  await page.reload();
  await appReady(page);
  assert.equal(await text(page.locator("h1")), "Självskattningen finns inte här");
  assert.match(await text(page.locator("main")), /Den finns inte i den här webbläsaren/);

  await open(page, s, "/ingen/sadan/sida");
  assert.equal(await text(page.locator("h1")), "Sidan finns inte");
  assert.match(await page.title(), /Sidan finns inte/);
  await page.getByRole("link", { name: "Till mina självskattningar" }).click();
  await page.locator("h1", { hasText: "Självskattning enligt Kommunkompassen" }).waitFor();
});

e2e("as a widget on an intranet page: mounts into the host element, leaves the host's styles alone", async (s) => {
  const app = await (await fetch(s.url + "/")).text();
  // An intranet page with its own (inline) styles and content around the host element. The
  // page's own CSP is the host's business, so ours is left out here.
  const host = app
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "")
    .replace("</head>", `<style>body { font-family: Georgia, serif; margin: 0 } h1 { color: rgb(128, 0, 128); font-size: 40px }
      p.intro { margin: 30px; color: rgb(0, 100, 0) } button { background: rgb(255, 0, 0) }</style></head>`)
    .replace(/<div id="kommunkompass" data-kk-shell>[\s\S]*<\/body>/, `<header><h1 id="intranat">Intranätet</h1><p class="intro">Kommunens interna sida.</p>
      <button id="host-button">Värdsidans knapp</button></header><div id="kommunkompass"></div>\n</body>`);
  assert.match(host, /id="host-button"/);
  const page = await s.newPage();
  await page.route(`${s.url}/`, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: host }));
  await page.goto(s.url + "/");
  await page.locator("#kommunkompass .kk-app h1").waitFor();
  assert.equal(await text(page.locator("#kommunkompass h1")), "Självskattning enligt Kommunkompassen");
  const style = (sel, prop) => page.locator(sel).first().evaluate((el, p) => getComputedStyle(el)[p], prop);
  // The host keeps its own look …
  assert.equal(await style("#intranat", "color"), "rgb(128, 0, 128)");
  assert.equal(await style("#intranat", "fontSize"), "40px");
  assert.equal(await style("p.intro", "marginTop"), "30px");
  assert.equal(await style("#host-button", "backgroundColor"), "rgb(255, 0, 0)");
  assert.match(await style("body", "fontFamily"), /Georgia/);
  // … and the app keeps its own inside the host element.
  assert.notEqual(await style("#kommunkompass h1", "color"), "rgb(128, 0, 128)");
  assert.notEqual(await style("#kommunkompass .kk-primary", "backgroundColor"), "rgb(255, 0, 0)");
  assert.match(await style("#kommunkompass .kk-app", "fontFamily"), /system-ui/);
});

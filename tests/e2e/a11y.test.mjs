// axe-core (WCAG 2.0/2.1 A and AA) on every route and on the important states of the start page.
// One test per page so that a report names exactly which page has violations.
import { e2e, open, createAssessment, answer, text, assert } from "./harness.mjs";

/** An assessment with a few answers; leaves the page on its answering view. */
async function withAssessment(page, s) {
  const id = await createAssessment(page, s, { name: "Tillgänglighet", municipality: "Exempelby kommun" });
  await answer(page, "1.1.1", 3);
  await answer(page, "1.1.2", "vetej");
  await answer(page, "1.2.1", "ejakt");
  await page.locator("#kk-q-1-1-1-comment").fill("En kommentar.");
  return id;
}

e2e("axe: start page, empty", async (s) => {
  const page = await s.newPage();
  await open(page, s, "/");
  await s.axe(page, "/ (empty)");
});

e2e("axe: start page with assessments, a notice and open confirmations", async (s) => {
  const page = await s.newPage();
  await withAssessment(page, s);
  await open(page, s, "/");
  await page.locator("tbody tr").first().waitFor();
  await s.axe(page, "/ (with an assessment)");

  await page.getByRole("button", { name: "Kopiera" }).click();
  await page.locator("tbody tr").nth(1).waitFor();
  await page.locator("tbody tr").first().getByRole("button", { name: "Ta bort" }).click();
  await page.getByRole("button", { name: "Rensa all data på den här datorn" }).click();
  await s.axe(page, "/ (delete and clear confirmations open)");

  await page.getByRole("button", { name: "Ja, ta bort" }).click();
  await page.locator(".kk-notice", { hasText: "togs bort" }).waitFor();
  await page.locator("tbody tr").first().getByRole("button", { name: "Byt namn" }).click();
  await s.axe(page, "/ (undo notice, rename form)");

  await page.locator("#kk-import").setInputFiles({ name: "x.json", mimeType: "application/json", buffer: Buffer.from("{") });
  await page.locator("p.kk-error[role=alert]").waitFor();
  await page.locator("#kk-new-name").fill("");
  await page.getByRole("button", { name: "Skapa och börja svara" }).click();
  await s.axe(page, "/ (import and form errors)");
});

e2e("axe: start page with an unreadable entry and a storage warning", async (s) => {
  const page = await s.newPage({
    init: () => {
      if (location.protocol !== "http:") return;
      localStorage.setItem("kommunkompass.bedomning.broken", "{");
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (String(k).startsWith("kommunkompass.bedomning.")) throw new DOMException("full", "QuotaExceededError");
        return original.call(this, k, v);
      };
    },
  });
  await createAssessment(page, s);
  await page.locator("[data-testid=storage-warning]").waitFor();
  await s.axe(page, "/bedomning/<id> (storage full warning)");
  await open(page, s, "/");
  await page.locator("h2", { hasText: "En sparad självskattning kunde inte läsas" }).waitFor();
  await s.axe(page, "/ (unreadable entry)");
});

e2e("axe: answering view, first and last area, guidance open", async (s) => {
  const page = await s.newPage();
  const id = await withAssessment(page, s);
  await s.axe(page, "/bedomning/<id>");
  await page.locator("details.kk-guidance summary").first().click();
  await s.axe(page, "/bedomning/<id> (guidance open)");
  await open(page, s, `/bedomning/${id}/omrade/8`);
  assert.match(await text(page.locator("h1")), /^8\. /);
  await s.axe(page, "/bedomning/<id>/omrade/8");
});

e2e("axe: /kriterier, every rubric version, with details open", async (s) => {
  const page = await s.newPage();
  for (const path of ["/kriterier", "/kriterier/kk-2020", "/kriterier/kk-2016"]) {
    await open(page, s, path);
    assert.equal(await text(page.locator("h1")), "Kommunkompassens kriterier");
    await s.axe(page, path);
  }
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => { d.open = true; }));
  await s.axe(page, "/kriterier/kk-2016 (all details open)");
});

for (const [label, suffix] of [["results", "resultat"], ["report", "rapport"]]) {
  e2e(`axe: ${label} page /bedomning/<id>/${suffix}`, async (s) => {
    const page = await s.newPage();
    const id = await withAssessment(page, s);
    await open(page, s, `/bedomning/${id}/${suffix}`);
    assert.ok((await text(page.locator("h1"))).length > 0, "the page has an h1");
    // The profile chart has been drawn (canvas on screen, SVG in the report) before axe looks.
    await page.locator(".kk-radar .kk-chart canvas, .kk-radar .kk-chart svg").first().waitFor();
    await s.axe(page, `/bedomning/<id>/${suffix}`);
  });
}

e2e("axe: not-found pages", async (s) => {
  const page = await s.newPage();
  await open(page, s, "/finns/inte");
  await s.axe(page, "/finns/inte");
  await open(page, s, "/bedomning/okand");
  await s.axe(page, "/bedomning/okand");
});

e2e("axe: the boot failure screen", async (s) => {
  s.allowConsole(/Failed to load resource|net::ERR_FAILED|Failed to fetch|WebAssembly|wasm/i);
  const page = await s.newPage();
  await page.clock.install(); // fake timers: the guard's 15 s fallback passes at once
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto(s.url + "/");
  await page.waitForLoadState("load");
  await page.clock.runFor(16_000);
  await page.locator("h1", { hasText: "Verktyget kunde inte starta" }).waitFor({ timeout: 5_000 });
  await s.axe(page, "boot failure screen");
});

/**
 * WCAG 1.4.10 Reflow: at 320 CSS px (1280 px zoomed to 400 %) no view may need sideways scrolling
 * of the page. Data tables may scroll inside their own keyboard-reachable region; the area row of
 * the answering view scrolls by design. axe runs at this width too (it checks those regions).
 */
e2e("narrow screen (320 px): no view scrolls sideways, and axe is clean there", async (s) => {
  const page = await s.newPage({ viewport: { width: 320, height: 640 } });
  const id = await withAssessment(page, s);
  const views = [
    ["/", "tbody tr"], ["/kriterier", "table"], [`/bedomning/${id}/omrade/1`, "fieldset"],
    [`/bedomning/${id}/resultat`, ".kk-radar"], [`/bedomning/${id}/rapport`, ".kk-summary-page"], ["/finns-inte", "h1"],
    [`/bedomning/${id}/forbered`, "[data-testid=risk-section]"], [`/bedomning/${id}/underlag`, "[data-testid=evidence-list]"],
    [`/bedomning/${id}/tidsplan`, "[data-testid=timeline]"],
  ];
  for (const [path, ready] of views) {
    await open(page, s, path);
    await page.locator(ready).first().waitFor();
    const { scrollWidth, innerWidth, culprits } = await page.evaluate(() => {
      const scrolls = (e) => {
        for (let p = e.parentElement; p; p = p.parentElement) {
          if (["auto", "scroll", "hidden"].includes(getComputedStyle(p).overflowX)) return true;
        }
        return false;
      };
      return {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        culprits: [...document.querySelectorAll("body *")]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !scrolls(e))
          .slice(0, 5)
          .map((e) => `<${e.tagName.toLowerCase()} class="${e.className}"> ${e.textContent.slice(0, 40)}`),
      };
    });
    assert.ok(scrollWidth <= innerWidth, `${path}: the page is ${scrollWidth} px wide at ${innerWidth} px: ${culprits.join("; ")}`);
    await s.axe(page, `${path} at 320 px`);
  }
});

/**
 * WCAG 1.4.12 Text spacing: with the spacing users may force (line height 1.5, letters 0.12 em,
 * words 0.16 em, paragraphs 2 em) no text may be cut off. The style is injected as a user style
 * sheet would be, so the page's CSP is bypassed for this test only.
 */
e2e("text spacing (WCAG 1.4.12): no text is cut off on any view", async (s) => {
  const page = await s.newPage({ bypassCSP: true });
  const id = await withAssessment(page, s);
  await page.locator("#kk-q-1-1-1-comment").fill("Ett längre stycke om hur demokratistrategin följs upp i nämnderna.");
  await open(page, s, `/bedomning/${id}/resultat`);
  const area1 = page.locator('section[data-area="1"]');
  await area1.getByRole("button", { name: "Lägg till åtgärd för område 1" }).click();
  await area1.getByLabel("Åtgärd").fill("Ta fram en samlad plan för medborgardialog i alla nämnder, med uppföljning i delårsrapporten och årsredovisningen");
  const views = [
    ["/", "tbody tr"], ["/kriterier", "table"], [`/bedomning/${id}/omrade/1`, "fieldset"],
    [`/bedomning/${id}/resultat`, ".kk-radar"], [`/bedomning/${id}/rapport`, ".kk-summary-page"],
    [`/bedomning/${id}/forbered`, "[data-testid=risk-section]"], [`/bedomning/${id}/underlag`, "[data-testid=evidence-list]"],
  ];
  for (const [path, ready] of views) {
    await open(page, s, path);
    await page.locator(ready).first().waitFor();
    await page.addStyleTag({
      content: ".kk-app * { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; } .kk-app p { margin-bottom: 2em !important; }",
    });
    const clipped = await page.evaluate(() => [...document.querySelectorAll(".kk-app *")]
      .filter((e) => !e.closest(".kk-sr"))
      .filter((e) => {
        const cs = getComputedStyle(e);
        const hides = [cs.overflowX, cs.overflowY].includes("hidden") || cs.textOverflow === "ellipsis";
        return hides && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1);
      })
      .map((e) => `<${e.tagName.toLowerCase()} class="${e.className}"> ${e.textContent.slice(0, 40)}`));
    assert.deepEqual(clipped, [], `${path}: text cut off with increased spacing`);
  }
});

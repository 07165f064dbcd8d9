// The rubric data the build does not embed (older versions, references, mappings, website checks,
// and the current rubric's question texts, which build.rs splits off its structure) is fetched
// when a view needs it: never by the start page, all of it at once by the first view that shows
// questions or comparisons, each file once per session, and a failed fetch (offline without the
// worker's cache, 404, a damaged file) is a Swedish message with "Försök igen" that recovers,
// with the answers untouched.
// (Offline after the first visit, with the worker's cache: production.test.mjs; under a sub-path:
// subpath.test.mjs.)
import { e2e, open, appReady, createAssessment, answer, assessmentIdOf, stored, text, assert, radioId } from "./harness.mjs";
import { fetchedData } from "../../scripts/post-build.mjs";

/** Paths under /rubrics/ that `page` itself requested (the worker's precaching is not the page's). */
function rubricRequests(page, s) {
  const seen = [];
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith(`${s.base}/rubrics/`)) seen.push(path.slice(s.base.length + 1));
  });
  return seen;
}

// Without a service worker (as in a browser that has none), so that page.route sees every request
// and nothing is precached. (Playwright's own `serviceWorkers: "block"` makes registration resolve
// to nothing, which no browser does.)
const noWorker = { init: () => { delete Navigator.prototype.serviceWorker; } };

e2e("the start page fetches no data; the questionnaire fetches each file once, texts and all", async (s) => {
  const page = await s.newPage(noWorker);
  const seen = rubricRequests(page, s);
  await open(page, s, "/");
  assert.deepEqual(seen, [], "the start page fetches no rubric data");
  const id = await createAssessment(page, s);
  assert.deepEqual([...seen].sort(), fetchedData(), "every fetched file (post-build's copy) was requested, once");
  assert.ok(seen.includes("rubrics/kk-2022.texts.json"), "the questions' texts are fetched");
  await answer(page, "1.1.1", 3);
  assert.match(await text(page.locator(`fieldset:has(#${radioId("1.1.1", 3)}) > legend`)), /^1\.1\.1 Finns en strategi, plan eller motsvarande/);

  await page.locator('nav[aria-label="Områden"] a', { hasText: "Visa resultat" }).click();
  await page.waitForURL(`**/bedomning/${id}/resultat`);
  await appReady(page);
  assert.match(await text(page.locator("table", { hasText: "Publicerade totalpoäng" })), /Snitt, första utvärdering sedan 2020\s*475/, "the published references are there");

  // The rest of the session: nothing fetched again.
  await page.locator('nav[aria-label="Huvudmeny"] a', { hasText: "Kriterierna" }).click();
  await page.locator("h1", { hasText: "Kommunkompassens kriterier" }).waitFor();
  await page.goBack();
  await page.waitForURL(`**/bedomning/${id}/resultat`);
  await appReady(page);
  assert.equal(seen.length, fetchedData().length, `no file fetched twice in a session: ${seen.join(", ")}`);
});

e2e("an assessment on an older version waits for that version, then opens; the start page scores it", async (s) => {
  const page = await s.newPage(noWorker);
  const seen = rubricRequests(page, s);
  await open(page, s, "/");
  const options = await page.locator("#kk-new-rubric option").evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(options, ["kk-2022", "kk-2020", "kk-2016"], "every version can be chosen before anything is fetched");
  assert.deepEqual(seen, [], "listing the versions fetches nothing");
  await page.locator("#kk-new-name").fill("Gammal");
  await page.locator("#kk-new-muni").fill("Exempelby kommun");
  await page.locator("#kk-new-rubric").selectOption("kk-2020");
  await page.getByRole("button", { name: "Skapa och börja svara" }).click();
  await page.locator("h1", { hasText: /^1\. / }).waitFor();
  assert.ok(seen.includes("rubrics/kk-2020.json"), "the older version was fetched");
  const id = assessmentIdOf(page);
  assert.equal((await stored(page, id)).assessment.rubric, "kk-2020");

  // A new tab on the start page: the row is scored once the version has arrived.
  const fresh = await page.context().newPage();
  await open(fresh, s, "/");
  const row = fresh.locator("tbody tr", { hasText: "Gammal" });
  await row.waitFor();
  await fresh.waitForFunction(() => /0 av \d+/.test(document.querySelector("tbody tr")?.textContent ?? ""));
  assert.match(await text(row), /Kommunkompassen, version 2020/);
});

e2e("a failed fetch says what happened in Swedish, Försök igen recovers, the answers are untouched, axe clean", async (s) => {
  s.allowConsole(/Failed to load resource/);
  const page = await s.newPage(noWorker);
  let mode = "ok";
  await page.route("**/rubrics/**", (route) => {
    if (mode === "abort") return route.abort("internetdisconnected");
    if (mode === "404") return route.fulfill({ status: 404, contentType: "text/plain", body: "Not found" });
    if (mode === "html") return route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>x</title>" });
    if (mode === "texts404" && route.request().url().endsWith("/rubrics/kk-2022.texts.json")) {
      return route.fulfill({ status: 404, contentType: "text/plain", body: "Not found" });
    }
    return route.continue();
  });
  const id = await createAssessment(page, s);
  await answer(page, "1.1.1", 3);
  const before = await stored(page, id);

  // A new session without the network: the results say the data could not be had.
  mode = "abort";
  await page.goto(`${s.url}/bedomning/${id}/resultat`);
  const failed = page.locator('[data-testid="data-failed"]');
  await failed.waitFor();
  assert.equal(await text(page.locator("h1")), "Uppgifterna kunde inte hämtas");
  assert.match(await text(failed), /Det gick inte att nå servern när rubrics\/[^ ]+\.json skulle hämtas\. Kontrollera nätverksanslutningen\./);
  assert.match(await text(failed), /Era svar påverkas inte/);
  assert.equal(await failed.getAttribute("role"), "alert");
  await s.axe(page, "results, fetch failed");

  // A server error and a damaged file are said as such.
  mode = "404";
  await failed.getByRole("button", { name: "Försök igen" }).click();
  await page.locator('[data-testid="data-failed"]', { hasText: "felkod 404" }).waitFor();
  mode = "html";
  await page.getByRole("button", { name: "Försök igen" }).click();
  await page.locator('[data-testid="data-failed"]', { hasText: "innehåller inte giltiga uppgifter" }).waitFor();
  await s.axe(page, "results, damaged file");
  assert.deepEqual(await stored(page, id), before, "a failed fetch leaves the stored assessment as it was");

  // The questionnaire shows the questions' texts, which are fetched too: without them it says so.
  mode = "texts404";
  await page.goto(`${s.url}/bedomning/${id}/omrade/1`);
  await page.locator('[data-testid="data-failed"]', { hasText: "felkod 404 när rubrics/kk-2022.texts.json skulle hämtas" }).waitFor();
  assert.equal(await text(page.locator("h1")), "Uppgifterna kunde inte hämtas");
  await s.axe(page, "questionnaire, texts fetch failed");
  assert.deepEqual(await stored(page, id), before, "the answers are untouched");

  // Försök igen with the network back: the questions appear with the answer, focus on the heading.
  mode = "ok";
  await page.getByRole("button", { name: "Försök igen" }).click();
  await page.locator("h1", { hasText: /^1\. / }).waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === "H1");
  await page.waitForFunction((rid) => document.getElementById(rid)?.checked === true, radioId("1.1.1", 3));
  assert.match(await text(page.locator(`fieldset:has(#${radioId("1.1.1", 3)}) > legend`)), /Finns en strategi, plan eller motsvarande/);
  await s.axe(page, "questionnaire after Försök igen");
  await answer(page, "1.1.2", 2);

  // The rest of the session has the data: the results open at once.
  await page.locator('nav[aria-label="Områden"] a', { hasText: "Visa resultat" }).click();
  await page.locator("h1", { hasText: "Resultat:" }).waitFor();
  assert.match(await text(page.locator("table", { hasText: "Publicerade totalpoäng" })), /475/);
  await s.axe(page, "results after Försök igen");
});

// Creating an assessment, answering with the mouse and with the keyboard, live scores, saving.
import {
  e2e, open, appReady, createAssessment, goToArea, answer, assertChecked, radioId, stored, text,
  subareaOf, fraction, points, RUBRIC, SCHEMA_VERSION, assert,
} from "./harness.mjs";

const SAVED = /^Sparat \d{2}:\d{2}$/;

e2e("create an assessment, answer by clicking a label: saved, scores update, survives reload", async (s) => {
  const page = await s.newPage();
  await open(page, s, "/");
  assert.equal(await page.locator("#kk-new-rubric").inputValue(), "kk-2022");
  const id = await createAssessment(page, s, { name: "Ledningsgruppen mars", municipality: "Exempelby kommun" });

  // The answering view of area 1.
  assert.match(await text(page.locator("h1")), /^1\. /);
  const sub = page.locator('p.kk-subscore[data-subarea="1.1"]');
  const area = page.locator("[data-testid=area-score]");
  const n11 = subareaOf("1.1").questions.length;
  const nArea1 = RUBRIC.areas[0].subareas.reduce((n, x) => n + x.questions.length, 0);
  assert.equal(await text(sub), `Inte bedömt ännu (max ${subareaOf("1.1").max} poäng) · 0 av ${n11} besvarade`);
  assert.equal(await text(area), `Området: 0 av 100 poäng · 0 av ${nArea1} besvarade`);

  await answer(page, "1.1.1", 3);

  await page.locator("[data-testid=save-status]").filter({ hasText: SAVED }).waitFor();
  assert.match(await text(page.locator("[data-testid=save-status]")), SAVED);
  const expected = points(subareaOf("1.1").max * fraction(3)); // one answer: the weighted mean is its fraction
  assert.equal(await text(sub), `${expected} av ${subareaOf("1.1").max} poäng · 1 av ${n11} besvarade`);
  assert.equal(await text(area), `Området: ${expected} av 100 poäng · 1 av ${nArea1} besvarade`);
  assert.match(await text(page.locator("[data-testid=total]")), new RegExp(`^Totalt ${expected} av 800 poäng · 1 av \\d+ frågor besvarade$`));

  // "Vet ej" counts as unanswered, "Ej aktuellt" leaves the calculation.
  await answer(page, "1.1.2", "vetej");
  assert.equal(await text(sub), `${expected} av ${subareaOf("1.1").max} poäng · 1 av ${n11} besvarade`);
  await answer(page, "1.1.3", "ejakt");
  assert.equal(await text(sub), `${expected} av ${subareaOf("1.1").max} poäng · 1 av ${n11 - 1} besvarade`);

  const json = await stored(page, id);
  assert.equal(json.kind, "kommunkompass-bedomning");
  assert.equal(json.schema, SCHEMA_VERSION);
  assert.equal(json.assessment.id, id);
  assert.equal(json.assessment.name, "Ledningsgruppen mars");
  assert.equal(json.assessment.rubric, "kk-2022");
  assert.deepEqual(json.assessment.answers["1.1.1"].response, { level: 3 });
  assert.equal(json.assessment.answers["1.1.2"].response, "dont_know");
  assert.equal(json.assessment.answers["1.1.3"].response, "not_applicable");

  await page.reload();
  await appReady(page);
  await assertChecked(page, radioId("1.1.1", 3));
  await assertChecked(page, radioId("1.1.2", "vetej"));
  await assertChecked(page, radioId("1.1.3", "ejakt"));
  assert.equal(await text(sub), `${expected} av ${subareaOf("1.1").max} poäng · 1 av ${n11 - 1} besvarade`);

  // "Rensa svaret" clears the answer and the score again.
  await page.locator('fieldset[data-question="1.1.1"]').getByRole("button", { name: "Rensa svaret" }).click();
  await page.waitForFunction(() => ![...document.querySelectorAll('input[name="kk-q-1-1-1"]')].some((r) => r.checked));
  assert.match(await text(sub), /^Inte bedömt ännu/);
  assert.equal((await stored(page, id)).assessment.answers["1.1.1"]?.response, undefined);
});

e2e("a comment typed into a question is stored", async (s) => {
  const page = await s.newPage();
  const id = await createAssessment(page, s);
  const comment = "Demokratiberedningen följer upp två gånger per år – se protokoll.";
  await page.locator("#kk-q-1-1-1-comment").fill(comment);
  await page.waitForFunction((id) => localStorage.getItem(`kommunkompass.bedomning.${id}`)?.includes("Demokratiberedningen"), id);
  assert.equal((await stored(page, id)).assessment.answers["1.1.1"].comment, comment);
  await page.reload();
  await appReady(page);
  assert.equal(await page.locator("#kk-q-1-1-1-comment").inputValue(), comment);
});

e2e("a comment typed and the tab closed at once is there when the assessment is opened again", async (s) => {
  const context = await s.newContext();
  const page = await context.newPage();
  const id = await createAssessment(page, s);
  const comment = "Skrivet alldeles innan fliken stängdes.";
  await page.locator("#kk-q-1-1-1-comment").focus();
  await page.keyboard.type(comment);
  // Typed text is written a moment after the typing pauses: not yet when the tab is closed.
  const before = await page.evaluate((id) => localStorage.getItem(`kommunkompass.bedomning.${id}`), id);
  assert.ok(!before.includes("alldeles innan"), "closed before the delayed write: the close itself must save");
  await page.close();

  const again = await context.newPage();
  await open(again, s, `/bedomning/${id}/omrade/1`);
  assert.equal(await again.locator("#kk-q-1-1-1-comment").inputValue(), comment);
});

e2e("keyboard only: Tab into a question, arrows change the level and save; focus is visible; area change focuses h1", async (s) => {
  const page = await s.newPage();
  const id = await createAssessment(page, s);

  // From the question's guidance (the control just before its radios), one Tab enters the radio
  // group at its first level.
  await page.locator('fieldset[data-question="1.1.1"] details.kk-guidance summary').focus();
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement?.id ?? "");
  assert.equal(focused, radioId("1.1.1", 0), "Tab reaches the first level of question 1.1.1");
  const outline = () => page.evaluate(() => {
    const st = getComputedStyle(document.activeElement);
    return { style: st.outlineStyle, width: parseFloat(st.outlineWidth), tag: document.activeElement.tagName };
  });
  let o = await outline();
  assert.ok(o.style !== "none" && o.width > 0, `focused radio shows an outline: ${JSON.stringify(o)}`);

  await page.keyboard.press("ArrowDown"); // level 1
  await assertChecked(page, radioId("1.1.1", 1));
  await page.keyboard.press("ArrowRight"); // level 2
  await assertChecked(page, radioId("1.1.1", 2));
  await page.waitForFunction((id) => JSON.parse(localStorage.getItem(`kommunkompass.bedomning.${id}`))
    .assessment.answers["1.1.1"]?.response?.level === 2, id);
  assert.match(await text(page.locator("[data-testid=save-status]")), SAVED);
  assert.equal(await text(page.locator('p.kk-subscore[data-subarea="1.1"]')),
    `${points(subareaOf("1.1").max * fraction(2))} av ${subareaOf("1.1").max} poäng · 1 av ${subareaOf("1.1").questions.length} besvarade`);
  await page.keyboard.press("ArrowUp"); // back to level 1
  await assertChecked(page, radioId("1.1.1", 1));
  await page.waitForFunction((id) => JSON.parse(localStorage.getItem(`kommunkompass.bedomning.${id}`))
    .assessment.answers["1.1.1"]?.response?.level === 1, id);

  // Focus is visible on a button and on a link too.
  for (const [tag, selector] of [["BUTTON", 'fieldset[data-question="1.1.1"] button'], ["A", 'nav[aria-label="Områden"] a']]) {
    await page.locator(selector).first().focus();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab"); // keyboard-initiated focus, so :focus-visible applies
    o = await outline();
    assert.equal(o.tag, tag);
    assert.ok(o.style !== "none" && o.width > 0, `focused ${tag} shows an outline: ${JSON.stringify(o)}`);
  }

  // Open area 2 from the side menu with the keyboard: focus moves to the new page's h1.
  const link = page.locator('nav[aria-label="Områden"] a[href$="/omrade/2"]');
  await link.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/omrade\/2$/);
  await page.waitForFunction(() => document.activeElement?.tagName === "H1" && /^2\. /.test(document.activeElement.textContent));
  const h1 = await page.evaluate(() => document.activeElement.textContent);
  assert.match(h1, /^2\. /);
  assert.equal(await page.locator('nav[aria-label="Områden"] a[aria-current="page"]').getAttribute("href"), `/bedomning/${id}/omrade/2`);
});

e2e("answers in several areas add up in the side menu and the total", async (s) => {
  const page = await s.newPage();
  await createAssessment(page, s);
  await answer(page, "1.1.1", 4);
  await goToArea(page, "3");
  await answer(page, "3.1.1", 4);
  const nav = page.locator('nav[aria-label="Områden"]');
  const p1 = points(subareaOf("1.1").max * fraction(4));
  const p3 = points(subareaOf("3.1").max * fraction(4));
  assert.match(await text(nav.locator('a[href$="/omrade/1"] .kk-nav-progress')), new RegExp(`^1 av \\d+ besvarade · ${p1} p$`));
  assert.match(await text(nav.locator('a[href$="/omrade/3"] .kk-nav-progress')), new RegExp(`^1 av \\d+ besvarade · ${p3} p$`));
  const total = points(subareaOf("1.1").max * fraction(4) + subareaOf("3.1").max * fraction(4));
  assert.match(await text(page.locator("[data-testid=total]")), new RegExp(`^Totalt ${total} av 800 poäng · 2 av \\d+ frågor besvarade$`));
});

e2e("level descriptions can be hidden to shorten the page, and the choice is remembered", async (s) => {
  const page = await s.newPage();
  await createAssessment(page, s, { name: "Kort sida" });
  const desc = page.locator(`#${radioId("1.1.1", 2)}-d`);
  assert.ok(await desc.isVisible(), "shown by default");
  await page.getByLabel("Visa nivåernas beskrivningar vid varje fråga").uncheck();
  await desc.waitFor({ state: "hidden" });
  // Still the radio's accessible description.
  assert.equal(await page.locator(`#${radioId("1.1.1", 2)}`).getAttribute("aria-describedby"), `${radioId("1.1.1", 2)}-d`);
  await page.reload();
  await appReady(page);
  assert.equal(await page.getByLabel("Visa nivåernas beskrivningar vid varje fråga").isChecked(), false);
  assert.ok(!(await desc.isVisible()), "remembered after reload");
  await s.axe(page, "frågor utan nivåbeskrivningar");
});

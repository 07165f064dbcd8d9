// Förbered utvärderingen: evidence recorded at a question with the keyboard alone, the risk list
// "Svårt att visa" following what is recorded, web checks and the evaluation date kept over a
// reload, the printable underlagsförteckning and timeline, the CSV bytes for Swedish Excel, and
// axe on every new view.
import {
  e2e, open, appReady, createAssessment, answer, stored, text, subareaOf, fraction, points, RUBRIC, SCHEMA_VERSION, assert,
} from "./harness.mjs";
import { readFileSync } from "node:fs";

/** The id of the element that has keyboard focus. */
const focused = (page) => page.evaluate(() => document.activeElement?.id ?? "");

/** Waits until the element with `id` has focus; fails naming what has it instead. */
async function assertFocus(page, id) {
  await page.waitForFunction((id) => document.activeElement?.id === id, id, { timeout: 5_000 })
    .catch(async () => assert.fail(`#${id} should have focus, but #${await focused(page)} has`));
}

/** Focuses an element and presses a key on it, as a keyboard user would. */
async function press(locator, key = "Enter") {
  await locator.focus();
  await locator.press(key);
}

/** The live evidence items stored for a question. */
async function storedItems(page, id, qid) {
  const a = (await stored(page, id)).assessment;
  return (a.answers[qid]?.items ?? []).filter((i) => !i.deleted);
}

/** Question ids of the rows of the risk table, in order. */
const riskRows = (page) => page.locator("[data-testid=risks] tbody tr").evaluateAll((rows) => rows.map((r) => r.dataset.question));

/** What a text cell of a CSV for Swedish Excel looks like (the rule in src/domain/csv.rs). */
function cell(value) {
  const neutral = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\n\r]/.test(neutral) ? `"${neutral.replaceAll('"', '""')}"` : neutral;
}

const question = (qid) => RUBRIC.areas.flatMap((a) => a.subareas.flatMap((s) => s.questions.map((q) => ({ ...q, area: a.id, subarea: s.id })))).find((q) => q.id === qid);

e2e("evidence is added, corrected, changed and removed at a question with the keyboard alone, and kept on reload", async (s) => {
  const page = await s.newPage();
  const id = await createAssessment(page, s, { name: "Underlag", municipality: "Exempelby kommun" });
  const card = page.locator('fieldset[data-question="1.1.1"]');
  assert.equal(await text(card.locator(".kk-items .kk-hint").nth(1)), "Inget underlag angivet ännu.");

  // A document: the form opens with focus in its first field.
  await press(page.locator("#kk-q-1-1-1-add-document"));
  await assertFocus(page, "kk-q-1-1-1-item-title");
  await page.keyboard.press("Enter"); // nothing typed yet
  const titleError = page.locator("#kk-q-1-1-1-item-title-error");
  assert.equal(await text(titleError), "Skriv dokumentets titel.");
  assert.equal(await page.locator("#kk-q-1-1-1-item-title").getAttribute("aria-invalid"), "true");
  assert.match(await page.locator("#kk-q-1-1-1-item-title").getAttribute("aria-describedby"), /kk-q-1-1-1-item-title-error/);
  await page.keyboard.type("Demokratiprogram 2023–2026");
  await page.keyboard.press("Tab");
  await assertFocus(page, "kk-q-1-1-1-item-reference");
  await page.keyboard.type("KS 2023/145");
  await page.keyboard.press("Tab");
  await assertFocus(page, "kk-q-1-1-1-item-link");
  await page.keyboard.type("www.exempelby.se/demokrati.pdf");
  await page.keyboard.press("Enter");
  // The link is refused beside the field, in Swedish, and focus goes there.
  assert.equal(
    await text(page.locator("#kk-q-1-1-1-item-link-error")),
    "Länken måste börja med https://, http:// eller mailto: och får inte innehålla mellanslag.",
  );
  assert.equal(await titleError.count(), 0, "the title is no longer in error");
  await assertFocus(page, "kk-q-1-1-1-item-link");
  assert.deepEqual(await storedItems(page, id, "1.1.1"), [], "nothing is stored until the form is right");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("https://exempelby.se/demokrati.pdf");
  await page.keyboard.press("Enter");

  // Saved at once through the door; focus goes to the new item.
  await page.waitForFunction(() => /-edit$/.test(document.activeElement?.id ?? ""));
  let items = await storedItems(page, id, "1.1.1");
  assert.equal(items.length, 1);
  const doc = items[0];
  assert.deepEqual(
    { kind: doc.kind, title: doc.title, reference: doc.reference, link: doc.link, status: doc.status },
    { kind: "document", title: "Demokratiprogram 2023–2026", reference: "KS 2023/145", link: "https://exempelby.se/demokrati.pdf", status: "exists" },
  );
  assert.equal(await focused(page), `kk-q-1-1-1-item-${doc.id}-edit`);
  const row = card.locator(`li[data-item="${doc.id}"]`);
  assert.equal(await text(row.locator(".kk-item-title")), "Demokratiprogram 2023–2026");
  assert.equal(await row.locator("a").getAttribute("href"), "https://exempelby.se/demokrati.pdf");
  assert.equal(await text(row.locator(".kk-item-status")), "Finns");

  // Escape closes a form without saving; focus returns to the button that opened it.
  await press(page.locator("#kk-q-1-1-1-add-interview"));
  await assertFocus(page, "kk-q-1-1-1-item-title");
  assert.match(await text(card.locator(".kk-item-form .kk-hint").first()), /inte namnet på en person/);
  assert.equal(await card.locator("#kk-q-1-1-1-item-link").count(), 0, "an interview has no link");
  await page.keyboard.type("Anna Andersson");
  await page.keyboard.press("Escape");
  await assertFocus(page, "kk-q-1-1-1-add-interview");
  assert.equal(await card.locator(".kk-item-form").count(), 0);
  assert.equal((await storedItems(page, id, "1.1.1")).length, 1);

  // An interview role.
  await page.keyboard.press("Enter");
  await assertFocus(page, "kk-q-1-1-1-item-title");
  await page.keyboard.type("Kanslichef");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => /-edit$/.test(document.activeElement?.id ?? ""));
  items = await storedItems(page, id, "1.1.1");
  assert.deepEqual(items.map((i) => [i.kind, i.title]).sort(), [["document", "Demokratiprogram 2023–2026"], ["interview", "Kanslichef"]]);

  // The document needs updating: "Ändra" opens it with its values; the status is a radio group.
  await press(row.getByRole("button", { name: "Ändra Dokument: Demokratiprogram 2023–2026" }));
  await assertFocus(page, "kk-q-1-1-1-item-title");
  assert.equal(await page.locator("#kk-q-1-1-1-item-reference").inputValue(), "KS 2023/145");
  await page.locator("#kk-q-1-1-1-item-status-exists").focus();
  await page.keyboard.press("ArrowRight");
  assert.ok(await page.locator("#kk-q-1-1-1-item-status-needs_update").isChecked());
  await press(card.getByRole("button", { name: "Spara underlaget" }));
  await assertFocus(page, `kk-q-1-1-1-item-${doc.id}-edit`);
  assert.equal((await storedItems(page, id, "1.1.1")).find((i) => i.id === doc.id).status, "needs_update");
  assert.equal(await text(row.locator(".kk-item-status")), "Behöver uppdateras");

  // Removing: the notice says what went, focus goes to "Ångra", and undoing brings it back.
  await press(row.getByRole("button", { name: "Ta bort Dokument: Demokratiprogram 2023–2026" }));
  const notice = page.locator(".kk-notice", { hasText: "togs bort" });
  assert.match(await text(notice), /^Underlaget ”Dokument: Demokratiprogram 2023–2026” togs bort från fråga 1\.1\.1\./);
  await page.waitForFunction(() => document.activeElement?.textContent === "Ångra");
  assert.equal((await storedItems(page, id, "1.1.1")).length, 1, "the tombstone is stored");
  await page.keyboard.press("Enter");
  await assertFocus(page, `kk-q-1-1-1-item-${doc.id}-edit`);
  assert.equal((await storedItems(page, id, "1.1.1")).length, 2);

  // Everything is there after a reload.
  await page.reload();
  await appReady(page);
  assert.equal(await card.locator("li.kk-item").count(), 2);
  assert.equal(await text(card.locator(`li[data-item="${doc.id}"] .kk-item-status`)), "Behöver uppdateras");
  assert.equal(await card.locator(".kk-item-form").count(), 0);
});

e2e("the risk list follows what is recorded, and each line links to its question", async (s) => {
  const page = await s.newPage();
  const id = await createAssessment(page, s, { name: "Risker", municipality: "Exempelby kommun" });
  await answer(page, "1.1.1", 4);
  await answer(page, "1.1.3", 3);
  await answer(page, "1.1.2", 2);
  await answer(page, "1.1.5", "vetej");
  // The card says so where the answer is given.
  assert.equal(await page.locator('fieldset[data-question="1.1.1"] [data-testid=risk-note]').count(), 1);
  assert.equal(await page.locator('fieldset[data-question="1.1.2"] [data-testid=risk-note]').count(), 0, "Delvis claims nothing in place");

  await page.locator('nav[aria-label="Områden"]').getByRole("link", { name: "Förbered utvärderingen" }).click();
  await page.waitForURL(/\/forbered$/);
  await appReady(page); // the page fetches the website checks first
  assert.equal(await text(page.locator("h1")), "Förbered utvärderingen");
  assert.deepEqual(await riskRows(page), ["1.1.1", "1.1.3"], "most points at stake first");
  // Points at stake: the answer's share of its sub-area (1.1.1 weighs 2).
  const sub = subareaOf("1.1");
  const weight = (qid) => sub.questions.find((q) => q.id === qid).weight ?? 1;
  const graded = weight("1.1.1") + weight("1.1.2") + weight("1.1.3");
  const cells = (qid) => page.locator(`[data-testid=risks] tr[data-question="${qid}"] td`).allTextContents();
  const first = await cells("1.1.1");
  assert.equal(first[0], "4 – Utvecklat – ger effekt och förbättras");
  assert.equal(first[1], "Styrdokument");
  assert.equal(first[2], points(sub.max * weight("1.1.1") / graded * fraction(4)));
  assert.match(first[3], /^\d+(,\d)?$/, "the drop in the expected result");
  assert.ok(Number(first[3].replace(",", ".")) > 0);
  assert.equal((await cells("1.1.3"))[2], points(sub.max * weight("1.1.3") / graded * fraction(3)));
  assert.match(await text(page.locator("[data-testid=risks-drop]")), /^Räknas inget av de 2 svaren som mer än ”Påbörjat” blir det förväntade resultatet \d+(,\d)? poäng lägre\.$/);
  // "Ta reda på" is apart: the unanswered and the Vet ej.
  const findOut = page.locator("[data-testid=find-out-section]");
  await findOut.locator('details[data-area="1"] summary').click();
  assert.match(await text(findOut.locator('details[data-area="1"] li', { hasText: "1.1.5" })), /– Vet ej$/);
  assert.equal(await findOut.locator('details[data-area="1"] li', { hasText: /^1\.1\.1 / }).count(), 0);

  // The line's link opens the question with its card focused; a document that exists is added.
  await page.locator('[data-testid=risks] tr[data-question="1.1.1"] a').click();
  await page.waitForURL(/\/omrade\/1#kk-q-1-1-1$/);
  await assertFocus(page, "kk-q-1-1-1");
  await press(page.locator("#kk-q-1-1-1-add-document"));
  await page.keyboard.type("Demokratiprogram");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => /-edit$/.test(document.activeElement?.id ?? ""));
  assert.equal(await page.locator('fieldset[data-question="1.1.1"] [data-testid=risk-note]').count(), 0);
  // A document that is missing does not show 1.1.3.
  await press(page.locator("#kk-q-1-1-3-add-document"));
  await page.keyboard.type("Riktlinje för medborgardialog");
  await page.locator("#kk-q-1-1-3-item-status-missing").check();
  await page.locator('fieldset[data-question="1.1.3"]').getByRole("button", { name: "Spara underlaget" }).click();
  await page.locator('fieldset[data-question="1.1.3"] li.kk-item').waitFor();

  await page.goBack();
  await page.waitForURL(/\/forbered$/);
  await page.locator("[data-testid=risks]").waitFor();
  assert.deepEqual(await riskRows(page), ["1.1.3"]);
  assert.match(await text(page.locator("[data-testid=risks-drop]")), /^Räknas svaret bara som ”Påbörjat” blir/);
  const docs = page.locator("[data-testid=documents-section]");
  await docs.locator('details[data-area="1"] summary').click();
  const line = docs.locator('details[data-area="1"] > ul > li', { hasText: /^1\.1\.1 / });
  assert.match(await text(line), /\?Demokratiprogram Status: Finns$/);
  assert.match(await text(docs.locator('details[data-area="1"] > ul > li', { hasText: /^1\.1\.3 / })), /\?Riktlinje för medborgardialog Status: Saknas$/);

  // A page that exists shows it too; then nothing is hard to show.
  await open(page, s, `/bedomning/${id}/omrade/1`);
  await press(page.locator("#kk-q-1-1-3-add-web_page"));
  await page.keyboard.type("Medborgardialog");
  await page.keyboard.press("Tab");
  await page.keyboard.type("https://exempelby.se/dialog");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => /-edit$/.test(document.activeElement?.id ?? ""));
  await open(page, s, `/bedomning/${id}/forbered`);
  assert.equal(await text(page.locator("[data-testid=no-risks]")), "Inga svar är svåra att visa just nu.");
  assert.match(await text(page.locator("[data-testid=prep-status]")), /Svårt att visa\s*0 svar/);
  assert.equal((await stored(page, id)).assessment.answers["1.1.3"].items.length, 2);
});

e2e("web checks and the evaluation date are stored and kept on reload; the timeline shows and prints the weeks", async (s) => {
  const page = await s.newPage();
  const id = await createAssessment(page, s, { name: "Tidsplan", municipality: "Exempelby kommun" });
  await open(page, s, `/bedomning/${id}/forbered`);
  const checks = JSON.parse(readFileSync(new URL("../../rubrics/webchecks.json", import.meta.url), "utf8")).checks;
  const web = page.locator("[data-testid=website-section]");
  const area1 = web.locator('details[data-area="1"]').first();
  const inArea1 = checks.filter((c) => c.area === "1");
  assert.equal(await text(area1.locator("summary")), `1. ${RUBRIC.areas[0].name} – 0 av ${inArea1.length} kontroller gjorda`);
  await area1.locator("summary").focus();
  await page.keyboard.press("Enter");
  const box = page.locator(`#kk-wc-${checks[0].id}`);
  await box.focus();
  await page.keyboard.press("Space");
  await page.waitForFunction((c) => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith("kommunkompass.bedomning.")))).assessment.preparation?.web_checks?.[c]?.done === true, checks[0].id);
  assert.equal(await text(area1.locator("summary")), `1. ${RUBRIC.areas[0].name} – 1 av ${inArea1.length} kontroller gjorda`);
  assert.ok(await box.evaluate((el) => el === document.activeElement), "the box keeps focus when ticked");
  // Each check names its source and links to its questions.
  const first = web.locator(`li[data-check="${checks[0].id}"]`);
  assert.match(await text(first), new RegExp(`Källa: .*avsnittet ”${checks[0].source.section.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}”`));
  assert.equal(await first.locator("a").count(), checks[0].questions.length);

  // The date: a wrong one is refused at the field, a right one stored and counted back in weeks.
  const date = page.locator("#kk-eval-date");
  await date.fill("18 mars");
  await date.press("Enter");
  assert.equal(await text(page.locator("#kk-eval-date-error")), "Ange ett datum som ÅÅÅÅ-MM-DD, till exempel 2027-03-18.");
  assert.equal(await date.getAttribute("aria-invalid"), "true");
  await date.fill("2027-03-18");
  await date.press("Enter");
  await page.locator("[data-testid=plan]").waitFor();
  assert.equal((await stored(page, id)).assessment.preparation.evaluation_date, "2027-03-18");
  assert.match(await text(page.locator("[data-testid=countdown]")), /^Utvärderingen är planerad till torsdag 18 mars 2027 \(vecka 11\)\./);
  const rows = await page.locator("[data-testid=plan] tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.cells].slice(0, 3).map((c) => c.textContent)));
  assert.deepEqual(rows.map((r) => r[0]), ["Vecka 1", "Vecka 3", "Vecka 5", "Vecka 6", "Vecka 7", "Vecka 10", "Vecka 11"]);
  assert.deepEqual(rows[0], ["Vecka 1", "2027-01-04", "10"]);
  assert.deepEqual(rows.at(-1), ["Vecka 11", "2027-03-15", "0"]);

  await page.reload();
  await appReady(page);
  assert.equal(await page.locator("#kk-eval-date").inputValue(), "2027-03-18");
  assert.ok(await page.locator(`#kk-wc-${checks[0].id}`).isChecked(), "the tick is kept");
  assert.match(await text(page.locator("[data-testid=prep-status]")), new RegExp(`Webbplatsen\\s*1 av ${checks.length} kontroller gjorda`));

  await page.getByRole("link", { name: "Tidsplan för utskrift" }).click();
  await page.waitForURL(/\/tidsplan$/);
  await appReady(page);
  assert.equal(await text(page.locator("h1")), "Tidsplan inför utvärderingen");
  assert.match(await text(page.locator(".kk-summary-facts")), /^Exempelby kommun · Tidsplan · utvärdering torsdag 18 mars 2027 · utskriven /);
  assert.equal(await page.locator("[data-testid=plan] tbody tr").count(), 7);
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".kk-toolbar").evaluate((el) => getComputedStyle(el).display), "none");
  assert.equal(await page.locator(".kk-header").evaluate((el) => getComputedStyle(el).display), "none");
  await page.emulateMedia({ media: "screen" });
  const pdf = await page.pdf({ format: "A4" });
  assert.ok(pdf.length > 5_000, "a PDF was produced");
  await s.axe(page, "/bedomning/<id>/tidsplan");
});

e2e("evidence added in two tabs at one question reaches both tabs and storage", async (s) => {
  const context = await s.newContext();
  const p1 = await context.newPage();
  const id = await createAssessment(p1, s, { name: "Två flikar" });
  const p2 = await context.newPage();
  await open(p2, s, `/bedomning/${id}/omrade/1`);
  const add = async (page, kind, title) => {
    await page.locator(`#kk-q-1-1-1-add-${kind}`).click();
    await page.locator("#kk-q-1-1-1-item-title").fill(title);
    await page.locator("#kk-q-1-1-1-item-title").press("Enter");
    await page.locator('fieldset[data-question="1.1.1"] .kk-item-title', { hasText: title }).waitFor();
  };
  await add(p1, "document", "Demokratiprogram");
  // Arrives in the other tab through the storage event, without a reload.
  await p2.locator('fieldset[data-question="1.1.1"] .kk-item-title', { hasText: "Demokratiprogram" }).waitFor();
  await add(p2, "interview", "Kanslichef");
  await p1.locator('fieldset[data-question="1.1.1"] .kk-item-title', { hasText: "Kanslichef" }).waitFor();
  for (const page of [p1, p2]) {
    assert.deepEqual(
      await page.locator('fieldset[data-question="1.1.1"] .kk-item-title').allTextContents(),
      ["Demokratiprogram", "Kanslichef"],
    );
  }
  assert.deepEqual((await storedItems(p1, id, "1.1.1")).map((i) => i.title).sort(), ["Demokratiprogram", "Kanslichef"]);
});

/** A saved file (current schema) with documents and pages on questions in three areas. */
function fileWithEvidence() {
  const item = (id, kind, title, extra = {}) => ({ id, kind, title, status: "exists", changed_at: 1_763_900_000_100, ...extra });
  const answers = {
    "3.1.1": { response: { level: 3 }, changed_at: 1, items: [
      item("d3", "document", "=Styrmodell; antagen av KF", { reference: "KS 2021/12", link: "https://exempelby.se/styrmodell.pdf" }),
    ] },
    "1.1.1": { response: { level: 4 }, changed_at: 1, items: [
      item("d1", "document", "Demokratiprogram \"2023\"", { reference: "2023-05-10", status: "needs_update" }),
      item("i1", "interview", "Kanslichef"),
      item("gone", "web_page", "Borttagen sida", { deleted: true }),
      item("w1", "web_page", "<img src=x onerror=window.__pwned=1>", { link: "https://exempelby.se/politik", status: "missing" }),
    ] },
    "1.3.1": { changed_at: 1, items: [item("w2", "web_page", "Förtroendevalda", { link: "mailto:kansli@exempelby.se" })] },
  };
  return JSON.stringify({
    kind: "kommunkompass-bedomning", schema: SCHEMA_VERSION, app_version: "0.1.0", saved_at: 1_763_900_000_000,
    assessment: { id: "underlag", name: "Inför utvärderingen", municipality: "Exempelby kommun", rubric: "kk-2022",
      created_at: 1_763_800_000_000, meta_changed_at: 1_763_800_000_000, updated_at: 1_763_900_000_000, answers, actions: [],
      preparation: { evaluation_date: "2027-03-18", date_changed_at: 1 } },
  });
}

e2e("the underlagsförteckning prints on A4 and exports the same list as CSV bytes for Swedish Excel", async (s) => {
  const page = await s.newPage();
  await open(page, s, "/");
  await page.locator("#kk-import").setInputFiles({ name: "underlag.json", mimeType: "application/json", buffer: Buffer.from(fileWithEvidence()) });
  await page.locator("tr", { hasText: "Inför utvärderingen" }).waitFor();
  await open(page, s, "/bedomning/underlag/forbered");
  await page.getByRole("link", { name: "Underlagsförteckning för utskrift" }).click();
  await page.waitForURL(/\/underlag\/underlag$/);
  await appReady(page);
  assert.equal(await text(page.locator("h1")), "Underlagsförteckning");
  assert.equal(await text(page.locator("[data-testid=evidence-summary]")), "2 dokument och 2 webbsidor; 1 behöver uppdateras och 1 saknas.");
  // By area and question, in rubric order; the interview role and the deleted page are not listed.
  const sections = await page.locator(".kk-evidence-area").evaluateAll((els) => els.map((e) => e.dataset.area));
  assert.deepEqual(sections, ["1", "3"]);
  const rows = await page.locator(".kk-evidence-table tbody tr").evaluateAll((trs) => trs.map((tr) => tr.dataset.item));
  assert.deepEqual(rows, ["d1", "w1", "w2", "d3"]);
  const q111 = page.locator(".kk-evidence-table tbody").first().locator("th");
  assert.equal(await q111.getAttribute("rowspan"), "2");
  assert.equal(await text(q111), `1.1.1 ${question("1.1.1").text}`);
  const w1 = await page.locator('tr[data-item="w1"] td').allTextContents();
  assert.deepEqual(w1, ["Webbsida", "<img src=x onerror=window.__pwned=1>", "", "https://exempelby.se/politik", "Saknas"]);
  assert.equal(await page.locator(".kk-app img").count(), 0, "markup is shown as text");
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('tr[data-item="w2"] a').getAttribute("href"), "mailto:kansli@exempelby.se");
  assert.match(await text(page.locator(".kk-summary-facts")), /^Exempelby kommun · Inför utvärderingen · utvärdering torsdag 18 mars 2027 · utskriven /);

  // Printed: no toolbar, header or footer; the tables in full.
  await page.emulateMedia({ media: "print" });
  for (const sel of [".kk-toolbar", ".kk-header", ".kk-footer"]) {
    assert.equal(await page.locator(sel).first().evaluate((el) => getComputedStyle(el).display), "none", `${sel} is not printed`);
  }
  assert.equal(await page.locator(".kk-table-wrap").first().evaluate((el) => getComputedStyle(el).overflowX), "visible");
  await page.emulateMedia({ media: "screen" });
  const pdf = await page.pdf({ format: "A4" });
  assert.ok(pdf.length > 5_000, "a PDF was produced");
  await s.axe(page, "/bedomning/<id>/underlag");

  // The CSV: byte for byte what Swedish Excel opens (BOM, semicolons, CRLF, formulas neutralised).
  const expected = "\ufeff" + [
    "Område;Delområde;Fråga;Frågetext;Typ;Titel;Datum eller diarienummer;Länk;Status",
    ...[
      ["1.1.1", "Dokument", "Demokratiprogram \"2023\"", "2023-05-10", "", "Behöver uppdateras"],
      ["1.1.1", "Webbsida", "<img src=x onerror=window.__pwned=1>", "", "https://exempelby.se/politik", "Saknas"],
      ["1.3.1", "Webbsida", "Förtroendevalda", "", "mailto:kansli@exempelby.se", "Finns"],
      ["3.1.1", "Dokument", "=Styrmodell; antagen av KF", "KS 2021/12", "https://exempelby.se/styrmodell.pdf", "Finns"],
    ].map(([qid, ...rest]) => {
      const q = question(qid);
      return [q.area, q.subarea, q.id, q.text, ...rest].map(cell).join(";");
    }),
  ].map((line) => `${line}\r\n`).join("");
  assert.ok(expected.includes(`;"'=Styrmodell; antagen av KF";`), "the formula is neutralised and the cell quoted");
  for (const where of ["underlag", "forbered"]) {
    if (where === "forbered") await page.getByRole("link", { name: "Tillbaka till Förbered utvärderingen" }).click();
    const button = where === "underlag"
      ? page.getByRole("button", { name: "Exportera som CSV för Excel" })
      : page.getByRole("button", { name: "Exportera underlagsförteckningen (CSV för Excel)" });
    const [dl] = await Promise.all([page.waitForEvent("download"), button.click()]);
    assert.match(dl.suggestedFilename(), /^kommunkompass-underlag-Inför-utvärderingen-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync(await dl.path());
    assert.deepEqual(bytes, Buffer.from(expected, "utf8"), `the CSV from ${where}`);
  }
});

/** At 320 CSS px the page does not scroll sideways (WCAG 1.4.10; tables scroll in their own region). */
async function assertReflows(page, what) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 320, `${what} is ${width} px wide at 320 px`);
  await page.setViewportSize(size);
}

e2e("axe: Förbered utvärderingen with every list open, and a question's evidence form with errors", async (s) => {
  const page = await s.newPage();
  const id = await createAssessment(page, s, { name: "Tillgänglighet", municipality: "Exempelby kommun" });
  await answer(page, "1.1.1", 4);
  await answer(page, "1.1.3", 4);
  await answer(page, "1.1.2", "vetej");
  await press(page.locator("#kk-q-1-1-2-add-interview"));
  await page.keyboard.type("Kanslichef");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => /-edit$/.test(document.activeElement?.id ?? ""));
  await press(page.locator("#kk-q-1-1-1-add-web_page"));
  await page.locator("#kk-q-1-1-1-item-link").fill("javascript:alert(1)");
  await page.keyboard.press("Enter");
  await page.locator("#kk-q-1-1-1-item-link-error").waitFor();
  await s.axe(page, "/bedomning/<id>/omrade/1 (evidence form with errors)");
  await assertReflows(page, "the evidence form");
  await page.locator("#kk-q-1-1-1-item-title").fill("Sidan om hur man följer fullmäktiges sammanträden på webben");
  await page.locator("#kk-q-1-1-1-item-link").fill("https://www.exempelby.se/kommun-och-politik/politik-och-demokrati/fullmaktige/sammantraden-och-protokoll");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => /-edit$/.test(document.activeElement?.id ?? ""));
  await assertReflows(page, "a question with a long link");
  await open(page, s, `/bedomning/${id}/forbered`);
  await page.locator("[data-testid=risks]").waitFor();
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => { d.open = true; }));
  await s.axe(page, "/bedomning/<id>/forbered (all lists open)");
  await assertReflows(page, "Förbered utvärderingen with every list open");
  await page.locator("#kk-eval-date").fill("i morgon");
  await page.locator("#kk-eval-date").press("Enter");
  await page.locator("#kk-eval-date-error").waitFor();
  await s.axe(page, "/bedomning/<id>/forbered (date error)");
  await open(page, s, `/bedomning/${id}/underlag`);
  await s.axe(page, "/bedomning/<id>/underlag (nothing recorded)");
  await open(page, s, `/bedomning/${id}/tidsplan`);
  assert.equal(await text(page.locator("[data-testid=no-date]")), "Inget datum för utvärderingen är angivet ännu.");
  await s.axe(page, "/bedomning/<id>/tidsplan (no date)");
});

// "Spara som fil" and "Öppna fil": a round trip into a fresh browser profile, and files that must
// be rejected without changing anything.
import {
  e2e, open, appReady, createAssessment, goToArea, answer, assertChecked, radioId, stored, storageDump, download, text,
  QUESTIONS, SCHEMA_VERSION, assert,
} from "./harness.mjs";

/** The start page row of an assessment, by its name. */
const rowOf = (page, name) => page.locator("tbody tr", { has: page.locator("th", { hasText: name }) });

/** Cells "Besvarat" and "Poäng" of a row. */
async function rowFigures(row) {
  const cells = row.locator("td");
  const all = await cells.allTextContents();
  // Kommun, Version, Senast ändrad, Besvarat, Poäng, Åtgärder
  return { answered: all[3].trim(), score: all[4].trim() };
}

async function importFile(page, name, body) {
  await page.locator("#kk-import").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(body) });
}

/** A valid saved file (as "Spara som fil" writes it), with `answers` and optional overrides. */
function savedFile({ name = "Importerad", rubric = "kk-2022", schema = SCHEMA_VERSION, answers = {}, actions = [] } = {}) {
  const now = Date.UTC(2025, 2, 14, 12, 0, 0);
  return {
    kind: "kommunkompass-bedomning",
    schema,
    app_version: "0.1.0",
    saved_at: now,
    assessment: {
      id: "fil-1", name, municipality: "Exempelby kommun", rubric,
      created_at: now, meta_changed_at: now, updated_at: now, answers, actions,
    },
  };
}

e2e("file round trip: save a file, open it in a fresh profile: same score, completeness and answers", async (s) => {
  const page = await s.newPage();
  const id = await createAssessment(page, s, { name: "Rundresa", municipality: "Filstad kommun" });
  const plan = [["1.1.1", 4, "Strategi antagen i KF."], ["1.1.2", 2, "Delvis – bara i två nämnder."], ["1.2.1", "vetej", ""],
    ["1.3.1", "ejakt", "Gäller inte oss."]];
  for (const [q, choice, comment] of plan) {
    await answer(page, q, choice);
    if (comment) await page.locator(`#kk-q-${q.replaceAll(".", "-")}-comment`).fill(comment);
  }
  await goToArea(page, "5");
  // The first question of area 5 (ids follow the rubric file: some numbers are retired).
  const q5 = QUESTIONS.find((q) => q.area === "5").id;
  await answer(page, q5, 3);
  await page.locator(`#kk-q-${q5.replaceAll(".", "-")}-comment`).fill("Kommentar med radbrytning\noch \"citat\" & <taggar>.");
  await page.waitForFunction((id) => localStorage.getItem(`kommunkompass.bedomning.${id}`).includes("radbrytning"), id);
  const original = (await stored(page, id)).assessment;

  await open(page, s, "/");
  const row = rowOf(page, "Rundresa");
  const before = await rowFigures(row);
  assert.match(before.score, /^\d+(,\d)? av 800$/);
  // 1.1.1, 1.1.2 and the area 5 question have levels; "Vet ej" is unanswered; "Ej aktuellt" leaves one question out.
  assert.equal(before.answered, `3 av ${QUESTIONS.length - 1} frågor`);
  const file = await download(page, () => row.getByRole("button", { name: "Spara som fil" }).click());
  assert.match(file.name, /^kommunkompass-Rundresa-\d{4}-\d{2}-\d{2}\.json$/);
  const json = JSON.parse(file.text);
  assert.equal(json.kind, "kommunkompass-bedomning");
  assert.equal(json.schema, SCHEMA_VERSION);
  assert.deepEqual(json.assessment.answers, original.answers);

  // A different browser profile.
  const other = await s.newPage();
  await open(other, s, "/");
  await importFile(other, file.name, file.text);
  const imported = rowOf(other, "Rundresa");
  await imported.waitFor();
  assert.deepEqual(await rowFigures(imported), before);
  assert.match(await text(other.locator(".kk-notice")), /öppnades från fil/);
  const keys = Object.keys(await storageDump(other)).filter((k) => k.startsWith("kommunkompass.bedomning."));
  assert.equal(keys.length, 1);
  const copy = JSON.parse((await storageDump(other))[keys[0]]).assessment;
  assert.deepEqual(copy.answers, original.answers, "stored answers equal the original's");
  assert.equal(copy.municipality, "Filstad kommun");

  await imported.getByRole("link", { name: "Rundresa" }).click();
  await appReady(other);
  await assertChecked(other, radioId("1.1.1", 4));
  assert.equal(await other.locator("#kk-q-1-1-2-comment").inputValue(), "Delvis – bara i två nämnder.");

  // Opening the same file again asks; "Lägg till som ny" adds a second copy, nothing is overwritten.
  await open(other, s, "/");
  const storedBefore = await storageDump(other);
  await importFile(other, file.name, file.text);
  const choice = other.locator('[role=group][aria-labelledby="kk-import-choice"]');
  await choice.waitFor();
  assert.match(await text(choice), /finns redan i den här webbläsaren/);
  assert.deepEqual(await storageDump(other), storedBefore, "nothing changes before the user chooses");
  await s.axe(other, "fråga om sammanslagning");
  await choice.getByRole("button", { name: "Lägg till som ny" }).click();
  await other.waitForFunction(() => Object.keys(localStorage).filter((k) => k.startsWith("kommunkompass.bedomning.")).length === 2);
  assert.equal(await rowOf(other, "Rundresa").count(), 2);
});

e2e("work carried to another computer and back is merged per answer when the user chooses so", async (s) => {
  // Computer A: answer 1.1.1 and save a file.
  const a = await s.newPage();
  const id = await createAssessment(a, s, { name: "Fram och tillbaka" });
  await answer(a, "1.1.1", 2);
  await open(a, s, "/");
  const fromA = await download(a, () => rowOf(a, "Fram och tillbaka").getByRole("button", { name: "Spara som fil" }).click());

  // Computer B: open it (keeps its identity), answer 1.1.2, save a file.
  const b = await s.newPage();
  await open(b, s, "/");
  await importFile(b, fromA.name, fromA.text);
  await rowOf(b, "Fram och tillbaka").waitFor();
  await b.goto(`${s.url}/bedomning/${id}/omrade/1`);
  await appReady(b);
  await answer(b, "1.1.2", 4);
  await open(b, s, "/");
  const fromB = await download(b, () => rowOf(b, "Fram och tillbaka").getByRole("button", { name: "Spara som fil" }).click());

  // Meanwhile on A: change 1.1.3. Then open B's file and merge.
  await a.goto(`${s.url}/bedomning/${id}/omrade/1`);
  await appReady(a);
  await answer(a, "1.1.3", 3);
  await open(a, s, "/");
  await importFile(a, fromB.name, fromB.text);
  const choice = a.locator('[role=group][aria-labelledby="kk-import-choice"]');
  // As with the keyboard: the question takes focus, Tab reaches "Slå ihop", Enter chooses it.
  await a.waitForFunction(() => document.activeElement?.getAttribute("aria-labelledby") === "kk-import-choice");
  await a.keyboard.press("Tab");
  assert.equal(await a.evaluate(() => document.activeElement?.textContent), "Slå ihop");
  await a.keyboard.press("Enter");
  await a.locator(".kk-notice", { hasText: "slagits ihop" }).waitFor();
  await a.waitForFunction(() => document.activeElement?.id === "kk-import", null, { timeout: 5_000 })
    .catch(() => assert.fail("focus returns to the file field when the question is answered"));
  const merged = (await stored(a, id)).assessment.answers;
  assert.deepEqual(merged["1.1.1"].response, { level: 2 });
  assert.deepEqual(merged["1.1.2"].response, { level: 4 }, "B's answer arrived");
  assert.deepEqual(merged["1.1.3"].response, { level: 3 }, "A's later answer is kept");
  assert.equal(await rowOf(a, "Fram och tillbaka").count(), 1, "merged, not duplicated");
});

e2e("files that must be rejected: a Swedish alert, and nothing in storage changes", async (s, t) => {
  const page = await s.newPage();
  const existing = await createAssessment(page, s, { name: "Finns sedan tidigare" });
  await answer(page, "1.1.1", 2);
  await open(page, s, "/");
  const storageBefore = await storageDump(page);
  assert.ok(storageBefore[`kommunkompass.bedomning.${existing}`]);

  const valid = JSON.stringify(savedFile({ answers: { "1.1.1": { response: { level: 3 }, changed_at: 1 } } }), null, 2);
  const cases = [
    ["malformed JSON", "trasig.json", "{ detta är inte json"],
    ["truncated file", "avkortad.json", valid.slice(0, Math.floor(valid.length / 2))],
    ["file over 2 MB", "stor.json", JSON.stringify({ ...savedFile(), padding: "x".repeat(2 * 1024 * 1024 + 10) })],
    ["schema 99", "framtid.json", JSON.stringify(savedFile({ schema: 99 }))],
    ["unknown rubric kk-1999", "okand.json", JSON.stringify(savedFile({ rubric: "kk-1999" }))],
    ["level 9", "niva9.json", JSON.stringify(savedFile({ answers: { "1.1.1": { response: { level: 9 }, changed_at: 1 } } }))],
    ["unknown question", "fraga.json", JSON.stringify(savedFile({ answers: { "9.9.9": { response: { level: 1 }, changed_at: 1 } } }))],
    ["not our kind", "annat.json", JSON.stringify({ kind: "något-annat", schema: 1 })],
    ["binary, not text", "bild.json", "\u0000\u00ff\u00fe"],
    ["a date where a number belongs", "typ.json", JSON.stringify({ ...savedFile(), saved_at: "igår" }, null, 2)],
    ["an unknown action status", "status.json", JSON.stringify(savedFile({ actions: [{ id: "a", target: "1", what: "x", status: "kanske", changed_at: 1 }] }), null, 2)],
  ];
  const error = page.locator("p.kk-error[role=alert]");
  let previous = "";
  for (const [label, name, body] of cases) {
    const buffer = label.startsWith("binary") ? Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00]) : Buffer.from(body);
    await page.locator("#kk-import").setInputFiles({ name, mimeType: "application/json", buffer });
    // Wait for this file's message: a new element, or the old one with a new text.
    await page.waitForFunction((previous) => {
      const p = document.querySelector("p.kk-error[role=alert]");
      return p && (!p.dataset.seen || p.textContent !== previous);
    }, previous, { timeout: 5_000 }).catch(() => assert.fail(`${label}: no (new) error message shown`));
    const message = await text(error);
    t.diagnostic(`${label}: ${message}`);
    assert.match(message, /^Filen kunde inte öppnas/, `${label}: ${message}`);
    assert.doesNotMatch(message, /expected|invalid|missing field|unknown variant/, `${label}: no English: ${message}`);
    assert.match(message, /[Vv]älj en fil|[Ll]adda om sidan/, `${label}: says what to do: ${message}`);
    assert.deepEqual(await storageDump(page), storageBefore, `${label}: storage must not change`);
    assert.equal(await page.locator("tbody tr").count(), 1, `${label}: no row added`);
    previous = await error.evaluate((p) => { p.dataset.seen = "1"; return p.textContent; });
  }
});

e2e("a file with markup in its texts imports, and the markup is shown as text, never run", async (s) => {
  const hostile = '<img src=x onerror="window.__pwned=1">';
  const page = await s.newPage();
  await open(page, s, "/");
  const file = savedFile({
    name: `Elak ${hostile}`,
    answers: {
      "1.1.1": { response: { level: 3 }, comment: hostile, evidence: `<script>window.__pwned=2</script>`, changed_at: 1 },
    },
  });
  await importFile(page, "elak.json", JSON.stringify(file));
  const row = rowOf(page, "Elak");
  await row.waitFor();
  assert.equal(await text(row.locator("th")), `Elak ${hostile}`, "the name is shown literally");

  await row.getByRole("link").first().click();
  await appReady(page);
  assert.equal(await page.locator("#kk-q-1-1-1-comment").inputValue(), hostile);
  assert.equal(await page.locator("#kk-q-1-1-1-evidence").inputValue(), "<script>window.__pwned=2</script>");
  assert.equal(await page.locator(".kk-question img").count(), 0, "no <img> element inside a question");
  assert.match(await text(page.locator(".kk-context")), /Elak <img src=x/);

  // Pages that show names and comments elsewhere.
  const id = new URL(page.url()).pathname.split("/")[2];
  // Each page has drawn the hostile name (as text) before it is checked for injected elements.
  for (const [path, where] of [[`/bedomning/${id}/resultat`, "h1"], [`/bedomning/${id}/rapport`, ".kk-summary-facts"], ["/", "tbody th"]]) {
    await open(page, s, path);
    await page.locator(where, { hasText: "Elak <img src=x" }).first().waitFor();
    assert.equal(await page.locator(".kk-app img").count(), 0, `no <img> injected on ${path}`);
  }
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.ok(!s.requests.some((u) => new URL(u).pathname === "/x"), "the hostile image was never requested");
});

// Questions replaced in the revised questionnaire: an answer given to the old question is kept,
// shown beside the questions that replaced it, never scored, and can be taken over.
import { e2e, open, appReady, stored, text, radioId, assertChecked, RUBRIC, SCHEMA_VERSION, assert } from "./harness.mjs";

const RETIRED = RUBRIC.retired.find((r) => r.replaced_by.length >= 2);

e2e("an answer to a replaced question is kept, shown at its replacements and can be taken over", async (s) => {
  const now = Date.UTC(2025, 2, 14, 12, 0, 0);
  const file = {
    kind: "kommunkompass-bedomning", schema: SCHEMA_VERSION, app_version: "0.1.0", saved_at: now,
    assessment: {
      id: "gammal-1", name: "Från förra året", municipality: "Exempelby kommun", rubric: "kk-2022",
      created_at: now, meta_changed_at: now, updated_at: now, actions: [],
      answers: { [RETIRED.id]: { response: { level: 2 }, comment: "Bara på lättläst svenska", changed_at: now } },
    },
  };
  const page = await s.newPage();
  await open(page, s, "/");
  await page.locator("#kk-import").setInputFiles({ name: "gammal.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  const row = page.locator("tbody tr", { hasText: "Från förra året" });
  await row.waitFor();
  // Not scored: nothing answered yet as far as the current questions go.
  assert.match(await text(row), /0 av \d+ frågor/);
  const area = RETIRED.subarea.split(".")[0];
  await open(page, s, `/bedomning/gammal-1/omrade/${area}`);
  for (const q of RETIRED.replaced_by) {
    const note = page.locator(`fieldset[data-question="${q}"] [data-retired="${RETIRED.id}"]`);
    await note.waitFor();
    const said = await text(note);
    assert.ok(said.includes(RETIRED.text), said);
    assert.ok(said.includes(RETIRED.note), said);
    assert.match(said, /Ni svarade: 2 – Delvis\. Kommentar: Bara på lättläst svenska\. Svaret finns kvar men räknas inte\./);
  }
  const target = RETIRED.replaced_by[0];
  await page.getByRole("button", { name: `Använd som utgångspunkt för fråga ${target}` }).click();
  await assertChecked(page, radioId(target, 2));
  await page.waitForFunction(({ key, q }) => JSON.parse(localStorage.getItem(key)).assessment.answers[q]?.response?.level === 2,
    { key: "kommunkompass.bedomning.gammal-1", q: target });
  const answers = (await stored(page, "gammal-1")).assessment.answers;
  assert.equal(answers[target].comment, "Bara på lättläst svenska");
  assert.deepEqual(answers[RETIRED.id].response, { level: 2 }, "the old answer is still kept");
  await s.axe(page, "ersatt fråga");
  // After a reload the kept answer is still there.
  await page.reload();
  await appReady(page);
  await page.locator(`[data-retired="${RETIRED.id}"]`).first().waitFor();
});

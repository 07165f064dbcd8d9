// Managing assessments on the start page: delete with undo, rename, copy, and clearing everything.
import { e2e, open, createAssessment, answer, stored, storageDump, text, assert } from "./harness.mjs";

const rowOf = (page, name) => page.locator("tbody tr", { has: page.locator("th", { hasText: name }) });
const assessmentKeys = (dump) => Object.keys(dump).filter((k) => k.startsWith("kommunkompass.bedomning."));

/** Creates an assessment with two answers and returns to the start page. */
async function withAnswers(page, s, name) {
  const id = await createAssessment(page, s, { name });
  await answer(page, "1.1.1", 3);
  await answer(page, "1.1.2", 4);
  await open(page, s, "/");
  return id;
}

e2e("delete asks first, removes from storage, and 'Ångra' brings it back with its answers", async (s) => {
  const page = await s.newPage();
  const id = await withAnswers(page, s, "Ska bort");
  const before = await stored(page, id);
  const row = rowOf(page, "Ska bort");

  await row.getByRole("button", { name: "Ta bort" }).click();
  const confirm = row.getByRole("group", { name: "Bekräfta borttagning" });
  assert.match(await text(confirm), /Ta bort ”Ska bort” med alla svar\?/);
  await confirm.getByRole("button", { name: "Avbryt" }).click();
  assert.ok(await stored(page, id), "cancel keeps it");

  await row.getByRole("button", { name: "Ta bort" }).click();
  await row.getByRole("button", { name: "Ja, ta bort" }).click();
  await rowOf(page, "Ska bort").waitFor({ state: "detached" });
  assert.equal(await stored(page, id), null, "removed from localStorage");
  const notice = page.locator(".kk-notice", { hasText: "togs bort" });
  assert.match(await text(notice), /”Ska bort” togs bort/);

  await notice.getByRole("button", { name: "Ångra" }).click();
  await rowOf(page, "Ska bort").waitFor();
  const after = await stored(page, id);
  assert.ok(after, "back in localStorage");
  assert.deepEqual(after.assessment.answers, before.assessment.answers);
  assert.equal(after.assessment.name, "Ska bort");
  await page.reload();
  await rowOf(page, "Ska bort").waitFor();
});

e2e("rename changes the name and municipality in the list and in storage", async (s) => {
  const page = await s.newPage();
  const id = await withAnswers(page, s, "Gammalt namn");
  const row = rowOf(page, "Gammalt namn");
  await row.getByRole("button", { name: "Byt namn" }).click();
  const form = page.locator("form.kk-inline-form");
  const name = form.getByLabel("Namn", { exact: true });
  assert.equal(await name.inputValue(), "Gammalt namn");
  assert.equal(await name.getAttribute("id"), `kk-rename-${id}`);
  await name.fill("Nytt namn");
  await form.getByLabel("Kommun", { exact: true }).fill("Nystad kommun");
  await form.getByRole("button", { name: "Spara", exact: true }).click();
  const renamed = rowOf(page, "Nytt namn");
  await renamed.waitFor();
  assert.match(await text(renamed), /Nystad kommun/);
  assert.equal(await rowOf(page, "Gammalt namn").count(), 0);
  const json = await stored(page, id);
  assert.equal(json.assessment.name, "Nytt namn");
  assert.equal(json.assessment.municipality, "Nystad kommun");
  assert.deepEqual(json.assessment.answers["1.1.1"].response, { level: 3 });
});

e2e("'Kopiera' makes an independent copy with the same answers", async (s) => {
  const page = await s.newPage();
  const id = await withAnswers(page, s, "Original");
  await rowOf(page, "Original").getByRole("button", { name: "Kopiera" }).click();
  const copyRow = rowOf(page, "Original (kopia)");
  await copyRow.waitFor();
  const dump = await storageDump(page);
  const keys = assessmentKeys(dump);
  assert.equal(keys.length, 2);
  const copyKey = keys.find((k) => k !== `kommunkompass.bedomning.${id}`);
  const copy = JSON.parse(dump[copyKey]).assessment;
  const original = (await stored(page, id)).assessment;
  assert.notEqual(copy.id, original.id);
  assert.equal(copy.name, "Original (kopia)");
  assert.deepEqual(copy.answers, original.answers);

  // Changing the copy leaves the original alone.
  await copyRow.getByRole("link", { name: "Original (kopia)" }).click();
  await answer(page, "1.1.1", 0);
  assert.deepEqual((await stored(page, id)).assessment.answers["1.1.1"].response, { level: 3 });
});

e2e("'Rensa all data' names the count and removes every kommunkompass. key, nothing else", async (s) => {
  const page = await s.newPage();
  await withAnswers(page, s, "Första");
  await withAnswers(page, s, "Andra");
  await withAnswers(page, s, "Tredje");
  await page.evaluate(() => {
    localStorage.setItem("annan-app.installning", "behåll");
    localStorage.setItem("kommunkompass.bedomning.broken", "{");
  });
  await page.reload();
  await rowOf(page, "Tredje").waitFor();

  await page.getByRole("button", { name: "Rensa all data på den här datorn" }).click();
  const confirm = page.locator(".kk-alert[role=alert]", { hasText: "tas bort för gott" });
  assert.match(await text(confirm), /^Alla 3 självskattningar i den här webbläsaren tas bort för gott/);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Ja, rensa allt", "focus moves to the confirm button");
  await confirm.getByRole("button", { name: "Ja, rensa allt" }).click();
  await page.locator("tbody tr").first().waitFor({ state: "detached" });

  const dump = await storageDump(page);
  assert.deepEqual(Object.keys(dump).filter((k) => k.startsWith("kommunkompass.")), []);
  assert.equal(dump["annan-app.installning"], "behåll", "other sites' data on the same origin is kept");
  assert.match(await text(page.locator("main")), /Här finns ännu ingen självskattning/);
  await page.reload();
  assert.match(await text(page.locator("main")), /Här finns ännu ingen självskattning/);
});

/** What has keyboard focus: its tag and accessible text, e.g. `button "Ja, ta bort"`. */
const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return `${e.tagName.toLowerCase()} "${(e.tagName === "INPUT" ? e.labels?.[0]?.textContent : e.textContent)?.trim()}"`;
});

e2e("keyboard only: rename, delete, cancel (also with Escape) and undo on the start page keep focus where the user is", async (s) => {
  const page = await s.newPage();
  await createAssessment(page, s, { name: "Tangentbord" });
  await open(page, s, "/");
  const row = rowOf(page, "Tangentbord");
  await row.waitFor();

  // Rename: the name field takes focus; Escape closes the form, saving returns focus to "Byt namn".
  await row.getByRole("button", { name: "Byt namn" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.id?.startsWith("kk-rename-"));
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => document.activeElement?.textContent === "Byt namn");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.id?.startsWith("kk-rename-"));
  assert.equal(await focused(page), 'input "Namn"');
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Tangentbord omdöpt");
  await page.keyboard.press("Enter");
  await rowOf(page, "Tangentbord omdöpt").waitFor();
  await page.waitForFunction(() => document.activeElement?.textContent === "Byt namn");

  // Delete asks first: focus lands on the confirmation; "Avbryt" returns it to "Ta bort".
  const renamed = rowOf(page, "Tangentbord omdöpt");
  await renamed.getByRole("button", { name: "Ta bort" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.textContent === "Ja, ta bort");
  await page.keyboard.press("Tab");
  assert.equal(await focused(page), 'button "Avbryt"');
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.textContent === "Ta bort");
  // Escape answers "Avbryt" too.
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.textContent === "Ja, ta bort");
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => document.activeElement?.textContent === "Ta bort");
  assert.equal(await renamed.count(), 1, "Escape removed nothing");

  // Confirming removes the row; focus goes to "Ångra", and undoing brings the row back with
  // focus on the page heading.
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.textContent === "Ja, ta bort");
  await page.keyboard.press("Enter");
  await renamed.waitFor({ state: "detached" });
  await page.waitForFunction(() => document.activeElement?.textContent === "Ångra");
  await page.keyboard.press("Enter");
  await rowOf(page, "Tangentbord omdöpt").waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === "H1");

  // "Rensa all data": Avbryt returns focus to the button that opened the question.
  await page.getByRole("button", { name: "Rensa all data på den här datorn" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.textContent === "Ja, rensa allt");
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => document.activeElement?.textContent === "Rensa all data på den här datorn");
  assert.equal(await rowOf(page, "Tangentbord omdöpt").count(), 1, "nothing was cleared");
  await s.axe(page, "/ after keyboard use");
});

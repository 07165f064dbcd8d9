// The browser's storage misbehaving: a damaged entry, a full quota, storage switched off, two
// tabs editing the same assessment, and an entry written by an older version of the app.
import {
  e2e, open, appReady, createAssessment, answer, assertChecked, radioId, stored, storageDump, download, text,
  subareaOf, fraction, points, ROOT, SCHEMA_VERSION, assert,
} from "./harness.mjs";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const BROKEN_KEY = "kommunkompass.bedomning.broken";
const GARBAGE = '{"kind":"kommunkompass-bedomning","schema":1,"assessment":{"id":"broken","name":"Halv\u00e5r';

/** Runs in the page before the app: puts `entries` into localStorage unless already there. */
function seed(entries) {
  if (location.protocol !== "http:") return; // also runs in the initial about:blank
  for (const [k, v] of Object.entries(entries)) if (localStorage.getItem(k) === null) localStorage.setItem(k, v);
}

/** Makes every write of an assessment fail as if the quota were used up. */
function quotaFull() {
  const original = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (String(key).startsWith("kommunkompass.bedomning.")) throw new DOMException("full", "QuotaExceededError");
    return original.call(this, key, value);
  };
  window.__kkFreeStorage = () => { Storage.prototype.setItem = original; };
}

/** Makes localStorage itself unavailable, as with storage blocked by policy. */
function storageDenied() {
  Object.defineProperty(window, "localStorage", { configurable: true, get() { throw new DOMException("denied", "SecurityError"); } });
}

e2e("a damaged stored entry: the app starts, lists the good one, offers the damaged one for download, keeps it byte-identical", async (s) => {
  // Make a real entry through the UI.
  const maker = await s.newPage();
  const id = await createAssessment(maker, s, { name: "Hel självskattning" });
  await answer(maker, "1.1.1", 3);
  const validKey = `kommunkompass.bedomning.${id}`;
  const valid = (await storageDump(maker))[validKey];
  assert.ok(valid, "the UI stored the assessment");

  // A fresh profile that has that entry and a damaged one.
  const page = await s.newPage({ init: seed, initArg: { [validKey]: valid, [BROKEN_KEY]: GARBAGE } });
  await open(page, s, "/");

  const alert = page.locator("section.kk-alert", { has: page.locator("h2", { hasText: "En sparad självskattning kunde inte läsas" }) });
  await alert.waitFor();
  assert.match(await text(alert), /kommunkompass\.bedomning\.broken/);
  const row = page.locator("tbody tr", { hasText: "Hel självskattning" });
  assert.equal(await row.count(), 1, "the readable assessment is listed");

  const file = await download(page, () => alert.getByRole("button", { name: "Ladda ner innehållet" }).click());
  assert.equal(file.text, GARBAGE, "the download holds the damaged text exactly");

  // Working with the good one does not touch the damaged entry.
  await row.getByRole("link", { name: "Hel självskattning" }).click();
  await appReady(page);
  await assertChecked(page, radioId("1.1.1", 3));
  await answer(page, "1.1.2", 4);
  const dump = await storageDump(page);
  assert.equal(dump[BROKEN_KEY], GARBAGE, "the damaged entry is still in localStorage, byte-identical");
  assert.deepEqual(JSON.parse(dump[validKey]).assessment.answers["1.1.2"].response, { level: 4 });

  await page.reload();
  await appReady(page);
  assert.equal((await storageDump(page))[BROKEN_KEY], GARBAGE);
});

e2e("quota exceeded: answering works in memory, an alert warns, 'Spara som fil' downloads the answers", async (s) => {
  const page = await s.newPage({ init: quotaFull });
  const id = await createAssessment(page, s, { name: "Full lagring" });

  const warning = page.locator("[data-testid=storage-warning]");
  await warning.waitFor();
  assert.equal(await warning.getAttribute("role"), "alert");
  assert.match(await text(warning), /lagring är full/);

  await answer(page, "1.1.1", 3);
  const expected = points(subareaOf("1.1").max * fraction(3));
  assert.match(await text(page.locator('p.kk-subscore[data-subarea="1.1"]')), new RegExp(`^${expected} av `));
  assert.match(await text(page.locator("[data-testid=area-score]")), new RegExp(`^Området: ${expected} av 100 poäng`));
  assert.ok(!/Sparat/.test(await text(page.locator("[data-testid=save-status]"))), "no false 'Sparat'");
  assert.ok(await warning.isVisible());
  assert.equal(await stored(page, id), null, "nothing reached storage");

  const file = await download(page, () => warning.getByRole("button", { name: "Spara som fil" }).click());
  assert.match(file.name, /\.json$/);
  const json = JSON.parse(file.text);
  assert.equal(json.kind, "kommunkompass-bedomning");
  assert.equal(json.assessment.name, "Full lagring");
  assert.deepEqual(json.assessment.answers["1.1.1"].response, { level: 3 });

  // Space freed: "Försök spara igen" stores everything and the warning goes away.
  await page.evaluate(() => window.__kkFreeStorage());
  await warning.getByRole("button", { name: "Försök spara igen" }).click();
  await warning.waitFor({ state: "detached" });
  assert.match(await text(page.locator("[data-testid=save-status]")), /^Sparat \d{2}:\d{2}$/);
  assert.deepEqual((await stored(page, id)).assessment.answers["1.1.1"].response, { level: 3 });
});

e2e("storage switched off: the app renders, warns, and creating and answering still work", async (s) => {
  const page = await s.newPage({ init: storageDenied });
  await open(page, s, "/");
  assert.equal(await text(page.locator("h1")), "Självskattning enligt Kommunkompassen");
  const warning = page.locator("[data-testid=storage-warning]");
  await warning.waitFor();
  assert.equal(await warning.getAttribute("role"), "alert");
  assert.match(await text(warning), /tillåter inte att verktyget sparar/);

  await createAssessment(page, s, { name: "Utan lagring" });
  await answer(page, "1.1.1", 4);
  const expected = points(subareaOf("1.1").max * fraction(4));
  assert.match(await text(page.locator('p.kk-subscore[data-subarea="1.1"]')), new RegExp(`^${expected} av `));
  assert.ok(await warning.isVisible());
  const file = await download(page, () => warning.getByRole("button", { name: "Spara som fil" }).click());
  assert.deepEqual(JSON.parse(file.text).assessment.answers["1.1.1"].response, { level: 4 });
});

/**
 * Runs in the page before the app: holds back `storage` events (another tab's writes) until
 * `window.__kkRelease()`, so that a test can have two tabs both write before either hears of
 * the other. Released events are delivered again, in order, as new events.
 */
function holdStorageEvents() {
  const held = [];
  let holding = true;
  window.addEventListener("storage", (e) => {
    if (!holding || e.__kkReleased) return;
    e.stopImmediatePropagation();
    held.push(e);
  }, true);
  window.__kkRelease = () => {
    holding = false;
    for (const e of held.splice(0)) {
      const again = new StorageEvent("storage", { key: e.key, oldValue: e.oldValue, newValue: e.newValue, url: e.url, storageArea: e.storageArea });
      again.__kkReleased = true;
      window.dispatchEvent(again);
    }
  };
}

/** Two pages of one context on the same assessment; `init` runs in both before the app. */
async function twoTabs(s, init) {
  const context = await s.newContext();
  if (init) await context.addInitScript(init);
  const p1 = await context.newPage();
  const id = await createAssessment(p1, s, { name: "Två flikar" });
  const p2 = await context.newPage();
  await open(p2, s, `/bedomning/${id}`);
  return { p1, p2, id };
}

async function bothAnswered(page, id) {
  await assertChecked(page, radioId("1.1.1", 3));
  await assertChecked(page, radioId("1.1.2", 2));
  const expected = points(subareaOf("1.1").max * (2 * fraction(3) + fraction(2)) / 3); // 1.1.1 weighs 2
  assert.equal(subareaOf("1.1").questions[0].weight, 2);
  assert.match(await text(page.locator('p.kk-subscore[data-subarea="1.1"]')), new RegExp(`^${expected} av \\d+ poäng · 2 av `));
  const json = await stored(page, id);
  assert.deepEqual(json.assessment.answers["1.1.1"].response, { level: 3 });
  assert.deepEqual(json.assessment.answers["1.1.2"].response, { level: 2 });
}

e2e("two tabs on one assessment: answers from both end up in both tabs and in storage", async (s) => {
  const { p1, p2, id } = await twoTabs(s);
  await answer(p1, "1.1.1", 3);
  await assertChecked(p2, radioId("1.1.1", 3)); // arrived through the storage event
  await answer(p2, "1.1.2", 2);
  await assertChecked(p1, radioId("1.1.2", 2));
  await bothAnswered(p1, id);
  await bothAnswered(p2, id);
  const notice = p1.locator(".kk-notice", { hasText: "annan flik" });
  await notice.waitFor();
  assert.match(await text(notice), /ändrades i en annan flik/);
});

e2e("two tabs answering at the same moment: no answer is lost", async (s) => {
  const { p1, p2, id } = await twoTabs(s, holdStorageEvents);
  // Each tab answers and saves before it hears of the other's save (its events are held back).
  await p1.evaluate(() => document.querySelector('label[for="kk-q-1-1-1-lvl3"]').click());
  await assertChecked(p1, radioId("1.1.1", 3));
  await p2.evaluate(() => document.querySelector('label[for="kk-q-1-1-2-lvl2"]').click());
  await assertChecked(p2, radioId("1.1.2", 2));
  // The race really happened: the second save replaced the first, so storage lacks 1.1.1.
  const raced = (await stored(p1, id)).assessment.answers;
  assert.deepEqual(raced["1.1.2"]?.response, { level: 2 });
  assert.equal(raced["1.1.1"]?.response, undefined, "the second tab saved without the first tab's answer");
  // Now the tabs hear of each other: the first merges and writes the union back.
  await p1.evaluate(() => window.__kkRelease());
  await p2.evaluate(() => window.__kkRelease());
  await bothAnswered(p1, id);
  await bothAnswered(p2, id);
});

e2e("an app upgrade: an entry saved by the first version (schema 1) opens with every answer and is rewritten as the current schema on the next change", async (s) => {
  const v1 = readFileSync(join(ROOT, "tests/fixtures/assessment-schema-1.json"), "utf8");
  const old = JSON.parse(v1);
  const id = old.assessment.id;
  const key = `kommunkompass.bedomning.${id}`;
  const page = await s.newPage({ init: seed, initArg: { [key]: v1 } });
  await open(page, s, "/");
  const row = page.locator("tbody tr", { hasText: old.assessment.name });
  await row.waitFor();
  assert.equal((await storageDump(page))[key], v1, "merely opening the app leaves the old entry as it was");

  await row.getByRole("link", { name: old.assessment.name }).click();
  await appReady(page);
  await assertChecked(page, radioId("1.1.1", 3));
  await assertChecked(page, radioId("1.1.2", "vetej"));
  await assertChecked(page, radioId("1.1.3", "ejakt"));
  assert.equal(await page.locator("#kk-q-1-1-1-comment").inputValue(), "Demokratistrategi antagen 2023");

  await answer(page, "1.2.1", 2);
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) || "{}").assessment?.answers?.["1.2.1"], key);
  const now = await stored(page, id);
  assert.equal(now.schema, SCHEMA_VERSION, "written back in the current format");
  assert.deepEqual(now.assessment.actions, [], "the action plan the second schema added starts empty");
  for (const [qid, answerV1] of Object.entries(old.assessment.answers)) {
    assert.deepEqual(now.assessment.answers[qid], answerV1, `answer ${qid} survives the upgrade unchanged`);
  }
});

e2e("a newer app version in another tab: this older tab warns and never overwrites what the newer one saved", async (s) => {
  const { p1, p2, id } = await twoTabs(s);
  await answer(p1, "1.1.1", 3);
  const key = `kommunkompass.bedomning.${id}`;
  // The other tab runs a newer version (simulated: it writes a future schema with a field this
  // version does not know).
  const future = await p2.evaluate((key) => {
    const entry = JSON.parse(localStorage.getItem(key));
    entry.schema = 99;
    entry.assessment.new_in_99 = { kept: true };
    const text = JSON.stringify(entry);
    localStorage.setItem(key, text);
    return text;
  }, key);
  const warning = p1.locator("[data-testid=storage-warning]");
  await warning.waitFor();
  assert.match(await text(warning), /nyare version av verktyget/);
  assert.match(await text(warning), /Ladda om sidan/);

  // Answering here still works on screen, but storage keeps the newer version's bytes.
  await answer(p1, "1.1.2", 2);
  await assertChecked(p1, radioId("1.1.2", 2));
  assert.equal((await storageDump(p1))[key], future, "the newer entry is untouched");

  // "Spara som fil" carries this tab's answers out, to be merged after reloading.
  const file = await download(p1, () => warning.getByRole("button", { name: "Spara som fil" }).click());
  const saved = JSON.parse(file.text).assessment.answers;
  assert.deepEqual(saved["1.1.1"].response, { level: 3 });
  assert.deepEqual(saved["1.1.2"].response, { level: 2 });
  await s.axe(p1, "newer version warning");
});

e2e("an assessment on a rubric version this build does not know: listed, explained, and left untouched", async (s) => {
  const file = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/assessment-schema-2.json"), "utf8"));
  file.assessment.rubric = "kk-2030";
  const entry = JSON.stringify(file);
  const key = `kommunkompass.bedomning.${file.assessment.id}`;
  const page = await s.newPage({ init: seed, initArg: { [key]: entry } });
  await open(page, s, "/");
  const row = page.locator("tbody tr", { hasText: file.assessment.name });
  await row.waitFor();
  assert.match(await text(row), /kk-2030/);
  for (const path of [`/bedomning/${file.assessment.id}/omrade/1`, `/bedomning/${file.assessment.id}/resultat`]) {
    await open(page, s, path);
    assert.equal(await text(page.locator("h1")), "Självskattningen kan inte visas", path);
    assert.match(await text(page.locator(".kk-main")), /”kk-2030”.*Ingenting har ändrats/, path);
    await s.axe(page, `${path} (unknown version)`);
  }
  assert.equal((await storageDump(page))[key], entry, "the entry is kept byte for byte");
});

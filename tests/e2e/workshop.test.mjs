// Workshop: five generated participant files with known answers laid together — medians, spreads,
// the top of the disagreement list, a bad file among good ones, agreeing and the common
// assessment's score, priorities into the plan, a reload; presentation mode with the keyboard;
// export and re-open; axe on every new view, also at 320 px.
import {
  e2e, open, appReady, download, text, storageDump, RUBRIC, QUESTIONS, SCHEMA_VERSION, fraction, points, assert,
} from "./harness.mjs";

const [Q1, Q2] = [QUESTIONS[0].id, QUESTIONS[1].id];
const Q3 = QUESTIONS.find((q) => q.area === "3").id;
const Q4 = QUESTIONS.find((q) => q.area === "5").id;
const NAMES = ["Anna", "Bo", "Cecilia", "David", "Eva"];
/** Per participant: the answers that differ from level 2 everywhere else. */
const KNOWN = {
  [Q1]: [0, 1, 2, 3, 4], // median 2, 0–4, quartiles 1–3
  [Q2]: [0, 4, 4, 4, 4], // median 4, 0–4, quartiles 4–4
  [Q3]: [1, 1, 3, 3, "vetej"], // four levels: the lower middle, 1; 1–3
  [Q4]: [2, 2, 2, "ejakt", "vetej"], // no spread
};
const PRIORITIES = [["3.1", "1.1"], ["3.1"], ["3.1", "2.1"], ["1.1"], []];

const response = (v) => (v === "vetej" ? "dont_know" : v === "ejakt" ? "not_applicable" : { level: v });

/** A participant's saved file, as "Spara som fil" writes it. */
function participant(i, { rubric = "kk-2022" } = {}) {
  const now = Date.UTC(2025, 4, 2, 9, 0, 0);
  const answers = Object.fromEntries(QUESTIONS.map((q) => {
    const v = KNOWN[q.id] ? KNOWN[q.id][i] : 2;
    const comment = q.id === Q1 ? `${NAMES[i]} tycker ${v}.` : undefined;
    return [q.id, { response: response(v), ...(comment ? { comment } : {}), changed_at: now }];
  }));
  return {
    name: `${NAMES[i].toLowerCase()}.json`,
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({
      kind: "kommunkompass-bedomning", schema: SCHEMA_VERSION, app_version: "0.1.0", saved_at: now,
      assessment: {
        id: `deltagare-${i}`, name: NAMES[i], municipality: "Exempelby kommun", rubric,
        created_at: now, meta_changed_at: now, updated_at: now, answers, actions: [],
        priorities: { subareas: PRIORITIES[i], changed_at: now },
      },
    })),
  };
}

const FILES = NAMES.map((_, i) => participant(i));

/** Creates a workshop from the start page; leaves the page on it. */
async function createWorkshop(page, s, name = "Ledningsgruppen maj") {
  await open(page, s, "/");
  await page.locator("#kk-ws-new-name").fill(name);
  await page.getByRole("button", { name: "Skapa workshoppen" }).click();
  await page.waitForURL(/\/workshop\/[^/]+$/);
  await page.locator("h1", { hasText: `Workshop: ${name}` }).waitFor();
  return new URL(page.url()).pathname.split("/")[2];
}

async function addFiles(page, files) {
  await page.locator("#kk-workshop-files").setInputFiles(files);
}

/** The app's score of a set of answers (level per question id), as the scoring rule says. */
function expectedTotal(levels) {
  let total = 0;
  for (const area of RUBRIC.areas) {
    for (const sub of area.subareas) {
      let sum = 0, weights = 0;
      for (const q of sub.questions) {
        const v = levels[q.id];
        if (typeof v !== "number") continue;
        const w = q.weight ?? 1;
        sum += w * fraction(v);
        weights += w;
      }
      if (weights > 0) total += sub.max * sum / weights;
    }
  }
  return total;
}

e2e("workshop: five files → medians, spreads, disagreement; a bad file named; agreeing gives the common assessment's score; survives a reload", async (s) => {
  const page = await s.newPage();
  const id = await createWorkshop(page, s);
  await s.axe(page, "/workshop/<id> (empty)");

  // Five good files with a damaged one and one on another version of the criteria among them.
  const old = participant(0, { rubric: "kk-2020" });
  const oldJson = JSON.parse(old.buffer.toString());
  oldJson.assessment.answers = { "1.1.1": { response: { level: 2 }, changed_at: 1 } };
  oldJson.assessment.priorities = { subareas: [], changed_at: 1 };
  oldJson.assessment.id = "gammal";
  await addFiles(page, [FILES[0], FILES[1], { name: "trasig.json", mimeType: "application/json", buffer: Buffer.from("{ inte json") },
    FILES[2], { ...old, name: "gammal.json", buffer: Buffer.from(JSON.stringify(oldJson)) }, FILES[3], FILES[4]]);
  const rejected = page.locator("[data-testid=rejected]");
  await rejected.waitFor();
  const why = await text(rejected);
  assert.match(why, /2 av filerna lades inte till/);
  assert.match(why, /”trasig\.json”: Filen kunde inte öppnas/);
  assert.match(why, /”gammal\.json” lades inte till: självskattningen gäller en annan version av kriterierna \(kk-2020\)/);
  assert.equal(await text(page.locator("[data-testid=added]")), "5 deltagare lades till.");
  assert.equal(await page.locator("[data-testid=participants] tbody tr").count(), 5);
  await s.axe(page, "/workshop/<id> (five participants, two files refused)");

  // The same file again is named as already added; nothing changes.
  await addFiles(page, [FILES[0]]);
  await page.locator("[data-testid=rejected]", { hasText: "finns redan i workshoppen" }).waitFor();
  assert.equal(await page.locator("[data-testid=participants] tbody tr").count(), 5);

  // "Här är ni mest oeniga": Q1 (0–4, quartile distance 2) before Q2 (0–4, 0), then Q3 (1–3).
  const top = await page.locator("[data-testid=disagree-questions] > li").evaluateAll((lis) => lis.map((li) => li.dataset.question));
  assert.deepEqual(top.slice(0, 3), [Q1, Q2, Q3]);
  assert.ok(!top.includes(Q4), "no spread, not on the list");
  assert.match(await text(page.locator(`[data-testid=disagree-questions] > li[data-question="${Q1}"]`)), /spridning 4 \(lägst 0, högst 4\), kvartilavstånd 2/);
  // The priorities counted: 3.1 by three participants first.
  const prio = await page.locator("[data-testid=priorities] > li").evaluateAll((lis) => lis.map((li) => li.dataset.subarea));
  assert.deepEqual(prio, ["3.1", "1.1", "2.1"]);
  assert.match(await text(page.locator('[data-testid=priorities] > li[data-subarea="3.1"]')), /3 av 5 deltagare/);
  // The group's profile in numbers: area 1's median between the lowest and highest participant.
  // The radar is drawn when it comes near the viewport.
  await page.locator(".kk-radar").first().scrollIntoViewIfNeeded();
  await page.locator(".kk-radar .kk-chart canvas").first().waitFor();
  const row1 = await page.locator("[data-testid=group-profile] tbody tr").first().locator("td").allTextContents();
  assert.equal(row1[4].trim(), "5", "five participants answered in area 1");

  // Medians and spreads per question, with the even-count rule stated where it applies.
  await page.goto(`${s.url}/workshop/${id}/omrade/1`);
  await appReady(page);
  const line = (q) => text(page.locator(`[data-testid=question-line][data-question="${q}"]`));
  const label = (v) => `${v} – ${RUBRIC.scale.levels.find((l) => l.value === v).label}`;
  assert.equal(await line(Q1), `Median ${label(2)} · lägst 0, högst 4 (spridning 4) · kvartiler 1–3 (kvartilavstånd 2) · 5 svar med nivå`);
  assert.equal(await line(Q2), `Median ${label(4)} · lägst 0, högst 4 (spridning 4) · kvartiler 4–4 (kvartilavstånd 0) · 5 svar med nivå`);
  const q1 = page.locator(`section[data-question="${Q1}"]`);
  assert.match(await text(q1.locator("[data-testid=distribution]")), /Anna/);
  assert.match(await text(q1.locator(".kk-comments")), /Eva: Eva tycker 4\./);
  await s.axe(page, "/workshop/<id>/omrade/1");
  await page.goto(`${s.url}/workshop/${id}/omrade/3`);
  await appReady(page);
  assert.equal(await line(Q3), `Median ${label(1)} · lägst 1, högst 3 (spridning 2) · kvartiler 1–3 (kvartilavstånd 2) · 4 svar med nivå`);
  const q3 = page.locator(`section[data-question="${Q3}"]`);
  assert.match(await text(q3.locator("[data-testid=proposal]")), /lägre av de två mittersta/);
  const dist = await q3.locator("[data-testid=distribution] tbody tr").evaluateAll((trs) => trs.map((tr) => [tr.querySelector("th").textContent, tr.querySelector("td").textContent]));
  assert.deepEqual(dist.slice(-2), [[RUBRIC.scale.dont_know.label, "1"], [RUBRIC.scale.not_applicable.label, "0"]], "Vet ej counted apart");

  // Agree one question by hand with a note, the rest with the proposals.
  await page.goto(`${s.url}/workshop/${id}/omrade/1`);
  await appReady(page);
  await page.locator(`label[for="kk-ws-q-${Q1.replaceAll(".", "-")}-lvl3"]`).click();
  await page.locator(`#kk-ws-q-${Q1.replaceAll(".", "-")}-note`).fill("Strategin finns men följs inte upp.");
  await page.locator(`#kk-ws-q-${Q1.replaceAll(".", "-")}-note`).blur();
  await page.waitForFunction((key) => (localStorage.getItem(key) || "").includes("följs inte upp"), `kommunkompass.workshop.${id}`);
  await open(page, s, `/workshop/${id}`);
  await page.getByRole("button", { name: /Använd förslagen för de \d+ frågor/ }).click();
  await page.locator("[data-testid=agreed-count]", { hasText: `${QUESTIONS.length} av ${QUESTIONS.length} frågor` }).waitFor();

  // The workshop survives a reload.
  await page.reload();
  await appReady(page);
  assert.equal(await page.locator("[data-testid=participants] tbody tr").count(), 5);
  assert.match(await text(page.locator("[data-testid=agreed-count]")), new RegExp(`^${QUESTIONS.length} av`));

  // The common assessment: its score is what the agreed levels give.
  await page.locator("#kk-ws-muni").fill("Exempelby kommun");
  await page.getByRole("button", { name: "Skapa den gemensamma bedömningen" }).click();
  await page.waitForURL(/\/bedomning\/[^/]+\/resultat$/);
  await page.locator("h1", { hasText: "Gemensam bedömning – Ledningsgruppen maj" }).waitFor();
  assert.match(await text(page.locator("[data-testid=common-origin]")), /utifrån 5 deltagares självskattningar/);
  const agreed = Object.fromEntries(QUESTIONS.map((q) => [q.id, 2]));
  Object.assign(agreed, { [Q1]: 3, [Q2]: 4, [Q3]: 1, [Q4]: 2 });
  assert.equal(await text(page.locator("[data-testid=results-total]")), `Självskattning (råpoäng): ${points(expectedTotal(agreed))} av 800 poäng`);
  const commonId = new URL(page.url()).pathname.split("/")[2];
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), `kommunkompass.bedomning.${commonId}`));
  assert.deepEqual(stored.assessment.origin, { kind: "workshop", workshop: id, participants: 5 });
  assert.equal(stored.assessment.answers[Q1].comment, "Strategin finns men följs inte upp.");
  await page.locator(".kk-radar .kk-chart canvas").first().waitFor();
  await s.axe(page, "/bedomning/<gemensam>/resultat");
  // The printed report says so too, on its summary page.
  await open(page, s, `/bedomning/${commonId}/rapport`);
  assert.match(await text(page.locator("[data-testid=summary-page] [data-testid=common-origin]")), /Överenskommen i workshoppen ”Ledningsgruppen maj” utifrån 5 deltagares självskattningar/);

  // A priority becomes an action in the common assessment's plan.
  await open(page, s, `/workshop/${id}`);
  await page.locator('[data-testid=priorities] > li[data-subarea="3.1"]').getByRole("button", { name: /Lägg till som åtgärd/ }).click();
  await page.waitForFunction(() => document.activeElement?.textContent === "Finns i handlingsplanen");
  const plan = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), `kommunkompass.bedomning.${commonId}`)).assessment.actions;
  assert.equal(plan.length, 1);
  assert.equal(plan[0].target, "3.1");
  assert.match(plan[0].what, /Prioriterat förbättringsområde: 3\.1/);

  // Anonymity: names give way to letters everywhere.
  await page.locator("label[for=kk-ws-anonymous]").click();
  await page.locator("[data-testid=participants] tbody th", { hasText: "Deltagare A" }).waitFor();
  assert.equal(await page.locator("[data-testid=participants]", { hasText: "Anna" }).count(), 0);
  // The start page lists the workshop.
  await open(page, s, "/");
  assert.match(await text(page.locator("[data-testid=workshops] tbody tr").first()), /Ledningsgruppen maj/);
  await s.axe(page, "/ (with a workshop)");
});

e2e("presentation mode: one sub-area at a time, arrow keys next and previous, Escape back, nothing else on screen", async (s) => {
  const page = await s.newPage();
  const id = await createWorkshop(page, s);
  await addFiles(page, FILES);
  await page.locator("[data-testid=added]").waitFor();
  await page.getByRole("link", { name: "Presentationsläge", exact: true }).click();
  await page.waitForURL(/\/presentation$/);
  const h1 = page.locator("h1");
  const subs = RUBRIC.areas.flatMap((a) => a.subareas);
  await page.locator(`h1[data-subarea="${subs[0].id}"]`).waitFor();
  assert.equal(await page.locator(".kk-header").isVisible(), false, "the app's header is hidden");
  assert.equal(await page.locator(".kk-footer").isVisible(), false, "the footer is hidden");
  assert.match(await text(page.locator("[data-testid=position]")), new RegExp(`^Delområde 1 av ${subs.length}`));
  await s.axe(page, "/workshop/<id>/presentation");
  await page.keyboard.press("ArrowRight");
  await page.locator(`h1[data-subarea="${subs[1].id}"]`).waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === "H1", null, { timeout: 5_000 })
    .catch(() => assert.fail("focus moves to the new sub-area's heading"));
  await page.keyboard.press("ArrowRight");
  await page.locator(`h1[data-subarea="${subs[2].id}"]`).waitFor();
  await page.keyboard.press("ArrowLeft");
  await page.locator(`h1[data-subarea="${subs[1].id}"]`).waitFor();
  await page.keyboard.press("End");
  await page.locator(`h1[data-subarea="${subs.at(-1).id}"]`).waitFor();
  // The buttons do the same, reached with Tab.
  await page.getByRole("button", { name: "← Föregående" }).focus();
  await page.keyboard.press("Enter");
  await page.locator(`h1[data-subarea="${subs.at(-2).id}"]`).waitFor();
  assert.ok((await text(h1)).startsWith(subs.at(-2).id));
  // The most disagreed first.
  await page.goto(`${s.url}/workshop/${id}/presentation?ordning=oenighet`);
  await page.locator(`h1[data-subarea="1.1"]`).waitFor();
  await page.keyboard.press("Escape");
  await page.waitForURL(new RegExp(`/workshop/${id}$`));
  await page.locator("h1", { hasText: "Workshop:" }).waitFor();
  assert.equal(await page.locator(".kk-header").isVisible(), true);
});

e2e("export: the workshop as one file that re-opens in another browser, and as CSV for Excel", async (s) => {
  const page = await s.newPage();
  await createWorkshop(page, s, "Exportprov");
  await addFiles(page, FILES);
  await page.locator("[data-testid=added]").waitFor();
  await page.locator(`label[for="kk-ws-anonymous"]`).waitFor();
  const file = await download(page, () => page.getByRole("button", { name: "Spara workshoppen som fil" }).click());
  assert.match(file.name, /^kommunkompass-workshop-Exportprov-\d{4}-\d{2}-\d{2}\.json$/);
  const json = JSON.parse(file.text);
  assert.equal(json.kind, "kommunkompass-workshop");
  assert.equal(json.workshop.participants.length, 5);
  const csv = await download(page, () => page.getByRole("button", { name: "Exportera (CSV för Excel)" }).click());
  const head = csv.text.replace(/^\uFEFF/, "").split("\r\n")[0];
  assert.match(head, /;Anna;Bo;Cecilia;David;Eva;Median;Lägst;Högst;/);

  const other = await s.newPage();
  await open(other, s, "/");
  // A participant's file is not a workshop: said so, nothing stored.
  await other.locator("#kk-ws-import").setInputFiles(FILES[0]);
  await other.locator("p.kk-error[role=alert]", { hasText: "är en självskattning, inte en workshop" }).waitFor();
  assert.deepEqual(Object.keys(await storageDump(other)).filter((k) => k.startsWith("kommunkompass.workshop.")), []);
  await other.locator("#kk-ws-import").setInputFiles({ name: file.name, mimeType: "application/json", buffer: Buffer.from(file.text) });
  const row = other.locator("[data-testid=workshops] tbody tr", { hasText: "Exportprov" });
  await row.waitFor();
  assert.equal((await row.locator("td").allTextContents())[1].trim(), "5", "five participants came along");
  await row.getByRole("link", { name: "Exportprov" }).click();
  await other.locator("[data-testid=participants] tbody tr").nth(4).waitFor();
});

e2e("axe and reflow: the workshop views at 320 px scroll only inside their tables", async (s) => {
  const page = await s.newPage({ viewport: { width: 320, height: 640 } });
  const id = await createWorkshop(page, s);
  await addFiles(page, FILES);
  await page.locator("[data-testid=added]").waitFor();
  for (const [path, ready] of [[`/workshop/${id}`, "[data-testid=participants]"], [`/workshop/${id}/omrade/1`, "[data-testid=distribution]"],
    [`/workshop/${id}/presentation`, "[data-testid=presentation]"], ["/", "[data-testid=workshops]"]]) {
    await open(page, s, path);
    await page.locator(ready).first().waitFor();
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    assert.ok(scrollWidth <= innerWidth, `${path}: the page is ${scrollWidth} px wide at ${innerWidth} px`);
    await s.axe(page, `${path} at 320 px`);
  }
  // A participant marks priorities in their own assessment, on the results page.
  await page.setViewportSize({ width: 1280, height: 900 });
  await open(page, s, "/");
  await page.locator("#kk-new-name").fill("Min bedömning");
  await page.locator("#kk-new-muni").fill("Exempelby kommun");
  await page.getByRole("button", { name: "Skapa och börja svara" }).click();
  await page.locator("h1", { hasText: /^1\. / }).waitFor();
  const aid = new URL(page.url()).pathname.split("/")[2];
  await open(page, s, `/bedomning/${aid}/resultat`);
  await page.locator("#kk-priority-1").selectOption("4.2");
  await page.locator("#kk-priority-2").selectOption("1.1");
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).assessment.priorities?.subareas?.join() === "4.2,1.1", `kommunkompass.bedomning.${aid}`);
  assert.equal(await page.locator("#kk-priority-3").inputValue(), "");
  await page.locator(".kk-radar .kk-chart canvas").first().waitFor();
  await s.axe(page, "/bedomning/<id>/resultat (priorities)");
});

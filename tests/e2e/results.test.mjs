// Results, report and export: the chart's data (read from ECharts itself), overlays, the action
// plan, CSV for Excel and the printable report.
import {
  e2e, open, appReady, stored, text, download, fraction, RUBRIC, QUESTIONS, SCHEMA_VERSION, ROOT, assert,
} from "./harness.mjs";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const reference = (id) => JSON.parse(readFileSync(join(ROOT, "rubrics/references", `${id}.json`), "utf8"));
const AVERAGE = reference("average-2021-vallentuna-page");
const ALINGSAS = reference("alingsas-2022");
const AMAL = reference("amal-2019");
const areaValues = (r) => RUBRIC.areas.map((a) => r.areas[a.id]);
const MODEL = JSON.parse(readFileSync(join(ROOT, "rubrics/calibration/model.json"), "utf8"));
/** The expected evaluator points of an area answered at `level` throughout (one decimal). */
const expectedArea = (level) => Math.round(MODEL.levels.find((l) => l.value === level).share * 1000) / 10;
/** Points as the app writes them: one decimal with a comma, whole numbers without. */
const sv = (x) => { const r = Math.round(x * 10) / 10; return Number.isInteger(r) ? String(r) : String(r).replace(".", ","); };

/** A saved-file text with every question answered at `level` (and a comment on each). */
function assessmentFile(level, name = "Alla svar") {
  const answers = Object.fromEntries(QUESTIONS.map((q, i) => [q.id, { response: { level }, comment: `Kommentar ${q.id}`, changed_at: 1_763_900_000_000 + i }]));
  return JSON.stringify({
    kind: "kommunkompass-bedomning", schema: SCHEMA_VERSION, app_version: "0.1.0", saved_at: 1_763_900_000_000,
    assessment: { id: "x", name, municipality: "Exempelby kommun", rubric: "kk-2022", created_at: 1_763_800_000_000,
      meta_changed_at: 1_763_800_000_000, updated_at: 1_763_900_000_000, answers, actions: [] },
  });
}

/** Imports a file on the start page and opens the results of the new assessment. */
async function importAndOpenResults(page, s, fileText, name) {
  await open(page, s, "/");
  await page.locator("#kk-import").setInputFiles({ name: "bedomning.json", mimeType: "application/json", buffer: Buffer.from(fileText) });
  const row = page.locator("tr", { hasText: name });
  await row.waitFor();
  await row.getByRole("link", { name: "Resultat" }).click();
  await page.waitForURL(/\/resultat$/);
  await appReady(page);
  await chartReady(page, ".kk-radar .kk-chart");
  return decodeURIComponent(new URL(page.url()).pathname.split("/")[2]);
}

async function chartReady(page, selector) {
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return el && window.echarts && window.echarts.getInstanceByDom(el);
  }, selector);
}

/** The profile's series as [name, values] read from the drawn ECharts option. */
async function radarSeries(page) {
  return page.evaluate(() => {
    const option = window.echarts.getInstanceByDom(document.querySelector(".kk-radar .kk-chart")).getOption();
    return option.series.map((s) => [s.name, s.data[0].value]);
  });
}

e2e("an assessment answered at the top level draws 100 on every axis beside the national average", async (s) => {
  const page = await s.newPage();
  await importAndOpenResults(page, s, assessmentFile(4, "Toppnivå"), "Toppnivå");
  const series = await radarSeries(page);
  assert.equal(series.length, 3, "the expected result, the raw self-assessment and the default comparison");
  const e4 = expectedArea(4);
  assert.deepEqual(series[0], ["Förväntat vid utvärdering", Array(8).fill(e4)], "the expected result leads");
  assert.deepEqual(series[1], ["Självskattning (råpoäng): Toppnivå", [100, 100, 100, 100, 100, 100, 100, 100]]);
  assert.deepEqual(series[2], [AVERAGE.label, areaValues(AVERAGE)], "the average equals the reference file");
  const option = await page.evaluate(() => window.echarts.getInstanceByDom(document.querySelector(".kk-radar .kk-chart")).getOption());
  assert.equal(option.radar[0].indicator.length, 8);
  assert.ok(option.radar[0].indicator.every((i) => i.max === 100 && i.min === 0), "fixed 0–100 scale");
  assert.equal(await text(page.locator("[data-testid=results-total]")), "Självskattning (råpoäng): 800 av 800 poäng");
  const total = 8 * MODEL.levels.find((l) => l.value === 4).share * 100;
  assert.equal(
    await text(page.locator("[data-testid=expected-total]")),
    `Förväntat vid en utvärdering: ${sv(total)} av 800 poäng (troligen ${sv(total - MODEL.total_range)}–${sv(Math.min(800, total + MODEL.total_range))})`,
  );
  // The caption says what the average is, where it comes from and its caveat.
  const caption = await text(page.locator(".kk-figure figcaption"));
  assert.ok(caption.includes("vallentuna.se"), caption);
  assert.ok(caption.includes("anger inte vilka kommuner"), caption);
  // The table holds the same numbers as the chart.
  const firstRow = await page.locator("[data-testid=profile-table] tbody tr").first().locator("td").allTextContents();
  assert.deepEqual(firstRow, [sv(e4), "100", String(AVERAGE.areas["1"]), `${sv(e4 - MODEL.area_range)}–${sv(Math.min(100, e4 + MODEL.area_range))}`, "100 %"]);
  // Published totals, including the first-time average of 475.
  assert.match(await text(page.locator("table", { hasText: "Publicerade totalpoäng" })), /Snitt, första utvärdering sedan 2020\s*475/);
  await s.axe(page, "resultat");
});

e2e("toggling an overlay adds exactly that series, and a 2016 result is marked approximate", async (s) => {
  const page = await s.newPage();
  await importAndOpenResults(page, s, assessmentFile(2, "Delvis överallt"), "Delvis överallt");
  assert.deepEqual((await radarSeries(page))[0][1], Array(8).fill(expectedArea(2)));
  assert.deepEqual((await radarSeries(page))[1][1], [40, 40, 40, 40, 40, 40, 40, 40]);
  await page.getByLabel(ALINGSAS.label, { exact: true }).check();
  await page.waitForFunction(() => window.echarts.getInstanceByDom(document.querySelector(".kk-radar .kk-chart")).getOption().series.length === 4);
  let series = await radarSeries(page);
  assert.deepEqual(series.map((x) => x[0]), ["Förväntat vid utvärdering", "Självskattning (råpoäng): Delvis överallt", AVERAGE.label, ALINGSAS.label]);
  assert.deepEqual(series[3][1], areaValues(ALINGSAS));

  const amalLabel = `${AMAL.label} (ungefärlig jämförelse)`;
  await page.getByLabel(amalLabel).check();
  await page.waitForFunction(() => window.echarts.getInstanceByDom(document.querySelector(".kk-radar .kk-chart")).getOption().series.length === 5);
  series = await radarSeries(page);
  const amal = series.find((x) => x[0] === amalLabel);
  assert.ok(amal, "the 2016 result is drawn under a label saying the comparison is approximate");
  // 2016 area 8 (Kommunen som samhällsbyggare) maps onto area 2, 2016 area 2 onto area 5.
  assert.equal(amal[1][1], AMAL.areas["8"]);
  assert.equal(amal[1][4], AMAL.areas["2"]);
  assert.match(await text(page.locator(".kk-figure figcaption")), /Ungefärlig jämförelse/);

  await page.getByLabel(ALINGSAS.label, { exact: true }).uncheck();
  await page.waitForFunction(() => window.echarts.getInstanceByDom(document.querySelector(".kk-radar .kk-chart")).getOption().series.length === 4);
  assert.ok(!(await radarSeries(page)).some((x) => x[0] === ALINGSAS.label));

  // The sub-area bars of area 7 show points, targets and maxima; charts further down the page
  // are drawn when they come near the viewport.
  assert.equal(await page.evaluate(() => !!window.echarts.getInstanceByDom(document.querySelector('section[data-area="8"] .kk-chart'))), false,
    "an off-screen chart is not drawn yet");
  await page.locator('section[data-area="7"] .kk-chart').scrollIntoViewIfNeeded();
  await chartReady(page, 'section[data-area="7"] .kk-chart');
  const bars = await page.evaluate(() => {
    const el = document.querySelector('section[data-area="7"] .kk-chart');
    return window.echarts.getInstanceByDom(el).getOption().series.map((x) => [x.name, x.data]);
  });
  const maxima = RUBRIC.areas[6].subareas.map((x) => x.max);
  assert.deepEqual(bars[0], ["Poäng", maxima.map((m) => Math.round(m * 0.4 * 10) / 10)]);
  assert.deepEqual(bars[2], ["Maxpoäng", maxima]);
});

e2e("printing the results page itself draws every chart, also those never scrolled to", async (s) => {
  const page = await s.newPage();
  await importAndOpenResults(page, s, assessmentFile(3, "Utskrift"), "Utskrift");
  const drawn = () => page.evaluate(() => [...document.querySelectorAll(".kk-chart")].map((el) => Boolean(window.echarts.getInstanceByDom(el))));
  const before = await drawn();
  assert.equal(before.length, 9, "the profile and one chart per area");
  assert.ok(before.some((d) => !d), "charts far down the page wait until they come near the viewport");
  // page.pdf() prints like Ctrl+P does, with a beforeprint event first.
  const pdf = await page.pdf({ format: "A4" });
  assert.ok(pdf.length > 10_000, "a PDF was produced");
  assert.deepEqual(await drawn(), before.map(() => true), "every chart is drawn for the print");
  const values = await page.evaluate(() => window.echarts.getInstanceByDom(document.querySelectorAll(".kk-area-result .kk-chart")[7]).getOption().series[0].data.map((d) => d.value ?? d));
  assert.ok(values.length > 0 && values.every((v) => typeof v === "number" && v > 0), `area 8's bars carry the points: ${values}`);
});

e2e("ECharts is fetched only when a chart is shown", async (s) => {
  const page = await s.newPage();
  await open(page, s, "/");
  await page.locator("#kk-new-name").fill("Laddning");
  await page.locator("#kk-new-muni").fill("Exempelby kommun");
  await page.getByRole("button", { name: "Skapa och börja svara" }).click();
  await page.locator("fieldset.kk-question").first().waitFor();
  // The page's own requests: the service worker may already be precaching ECharts for offline use.
  assert.ok(!s.pageRequests.some((u) => u.includes("echarts")), "no ECharts on the start page or the questionnaire");
  await page.locator('nav[aria-label="Områden"]').getByRole("link", { name: "Visa resultat" }).click();
  await chartReady(page, ".kk-radar .kk-chart");
  assert.ok(s.requests.some((u) => u.includes("/vendor/echarts/")), "ECharts comes from our own origin");
});

e2e("strengths, improvement areas and an action plan that is saved and printed", async (s) => {
  const page = await s.newPage();
  const file = JSON.parse(assessmentFile(3, "Handlingsplan"));
  // Make 4.3 the weakest sub-area of area 4 and 4.1 the strongest.
  for (const q of QUESTIONS.filter((x) => x.subarea === "4.3")) file.assessment.answers[q.id].response = { level: 0 };
  for (const q of QUESTIONS.filter((x) => x.subarea === "4.1")) file.assessment.answers[q.id].response = { level: 4 };
  const id = await importAndOpenResults(page, s, JSON.stringify(file), "Handlingsplan");
  const area4 = page.locator('section[data-area="4"]');
  assert.match(await text(area4.locator("h4", { hasText: "Styrkor" }).locator("xpath=following-sibling::ul[1]")), /^4\.1 /);
  const improvements = await text(area4.locator("h4", { hasText: "Förbättringsområden" }).locator("xpath=following-sibling::ul[1]"));
  assert.match(improvements, /^4\.3 .* – 0 % av maxpoängen/);
  assert.ok(improvements.includes("Kommentar 4.3.1"), "the team's comments are shown with the improvement area");

  await area4.getByRole("button", { name: "Lägg till åtgärd för område 4" }).click();
  const what = area4.getByLabel("Åtgärd");
  await what.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id?.endsWith("-what")), true, "focus moves to the new action");
  await what.fill("Jämför nyckeltal med de tre bästa kommunerna i Kolada");
  await area4.getByLabel("Gäller").selectOption("4.3");
  await area4.getByLabel("Ansvarig").fill("Ekonomichef");
  await area4.getByLabel("Klart senast").fill("2026-06-30");
  await area4.getByLabel("Status").selectOption("in_progress");
  await area4.getByLabel("Koppling till mål").fill("Nämndmål: God ekonomisk hushållning");
  await page.waitForFunction((key) => (localStorage.getItem(key) || "").includes("God ekonomisk hushållning"), `kommunkompass.bedomning.${id}`);
  const actions = (await stored(page, id)).assessment.actions;
  assert.equal(actions.length, 1);
  assert.deepEqual(
    { target: actions[0].target, what: actions[0].what, who: actions[0].who, due: actions[0].due, status: actions[0].status, goal_link: actions[0].goal_link },
    { target: "4.3", what: "Jämför nyckeltal med de tre bästa kommunerna i Kolada", who: "Ekonomichef", due: "2026-06-30", status: "in_progress", goal_link: "Nämndmål: God ekonomisk hushållning" },
  );
  await s.axe(page, "resultat med handlingsplan");

  // Reload keeps it; the report prints it in a table, with crisp SVG charts.
  await page.reload();
  await appReady(page);
  assert.equal(await area4.getByLabel("Ansvarig").inputValue(), "Ekonomichef");
  const rawOnResults = await text(page.locator("[data-testid=results-total]"));
  await page.getByRole("link", { name: "Rapport för utskrift" }).click();
  await page.waitForURL(/\/rapport$/);
  await appReady(page);
  await page.waitForFunction(() => document.querySelectorAll(".kk-chart svg").length >= 9, null, { timeout: 15_000 });
  const row = await page.locator('section[data-area="4"] table', { hasText: "Ansvarig" }).locator("tbody tr").first().locator("td").allTextContents();
  assert.deepEqual(row, ["Jämför nyckeltal med de tre bästa kommunerna i Kolada", "4.3", "Ekonomichef", "2026-06-30", "Pågår", "Nämndmål: God ekonomisk hushållning"]);
  const n = QUESTIONS.length;
  const summary = page.locator("[data-testid=summary-page]");
  assert.match(await text(summary), new RegExp(`Exempelby kommun\\s*Handlingsplan · .* besvarat ${n} av ${n} frågor \\(100 %\\)`));
  assert.match(await text(summary.locator("[data-testid=summary-expected]")), /^\d+(,\d)? av 800 \(troligen \d+(,\d)?–\d+(,\d)?\)$/);
  assert.equal(`Självskattning (råpoäng): ${await text(summary.locator("[data-testid=summary-raw]"))} poäng`, rawOnResults);
  // The summary page names the clearest strength and improvement area, and the action due next.
  assert.match(await text(summary.locator("h2", { hasText: "Tydligaste styrkor" }).locator("xpath=following-sibling::ol[1]")), /^4\.1 /);
  assert.match(await text(summary.locator("h2", { hasText: "Tydligaste förbättringsområden" }).locator("xpath=following-sibling::ol[1]")), /^4\.3 /);
  assert.match(await text(summary.locator("table", { hasText: "Ansvarig" })), /Jämför nyckeltal med de tre bästa kommunerna i Kolada\s*4\.3\s*Ekonomichef\s*2026-06-30\s*Pågår/);
  await s.axe(page, "rapport");
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 11 && pages <= 20, `summary, profile, one page per area and sources: ${pages} pages`);
});

e2e("CSV export opens in Swedish Excel: BOM, semicolons, decimal comma", async (s) => {
  const page = await s.newPage();
  await importAndOpenResults(page, s, assessmentFile(3, "CSV-test"), "CSV-test");
  const { name, text: csv } = await download(page, () => page.getByRole("button", { name: "Exportera poäng (CSV för Excel)" }).click());
  assert.match(name, /^kommunkompass-CSV-test-\d{4}-\d{2}-\d{2}\.csv$/);
  assert.ok(csv.startsWith("\uFEFF"), "UTF-8 byte order mark");
  const lines = csv.slice(1).split("\r\n").filter(Boolean);
  assert.equal(lines[0], "Nivå;Id;Namn;Poäng;Max;Andel av max (%);Besvarade;Aktuella frågor;Målpoäng;Förväntat resultat vid utvärdering;Troligt intervall, lägst;Troligt intervall, högst");
  const subareas = RUBRIC.areas.flatMap((a) => a.subareas);
  assert.equal(lines.length, 1 + RUBRIC.areas.length + subareas.length + 1);
  const s71 = subareas.find((x) => x.id === "7.1");
  const p71 = String(Math.round(s71.max * fraction(3) * 10) / 10).replace(".", ",");
  const share = Math.round(fraction(3) * 100);
  const q71 = s71.questions.length;
  const e71 = sv(s71.max * MODEL.levels.find((l) => l.value === 3).share);
  assert.ok(lines.includes(`Delområde;7.1;${s71.name};${p71};${s71.max};${share};${q71};${q71};${p71};${e71};;`), lines.join("\n"));
  const n = QUESTIONS.length;
  const e3 = 800 * MODEL.levels.find((l) => l.value === 3).share;
  assert.equal(lines.at(-1), `Totalt;;Hela kommunen;600;800;75;${n};${n};600;${sv(e3)};${sv(e3 - MODEL.total_range)};${sv(e3 + MODEL.total_range)}`);
});

e2e("the municipality's own official result can be entered and drawn", async (s) => {
  const page = await s.newPage();
  await importAndOpenResults(page, s, assessmentFile(3, "Egen jämförelse"), "Egen jämförelse");
  await page.locator("summary", { hasText: "Lägg till egen jämförelse" }).click();
  await page.getByLabel("Namn på jämförelsen").fill("Vårt officiella resultat 2023");
  await page.getByLabel("Utvärderingens datum eller år").fill("2023");
  const values = [50, 55, 60, 65, 70, 75, 80, 85.5];
  for (const [i, area] of RUBRIC.areas.entries()) await page.locator(`#kk-own-area-${area.id}`).fill(String(values[i]).replace(".", ","));
  await page.getByRole("button", { name: "Spara jämförelsen" }).click();
  await page.getByLabel("Vårt officiella resultat 2023").check();
  await page.waitForFunction(() => window.echarts.getInstanceByDom(document.querySelector(".kk-radar .kk-chart")).getOption().series.length === 4);
  const own = (await radarSeries(page)).find((x) => x[0] === "Vårt officiella resultat 2023");
  assert.deepEqual(own[1], values);
  const storedRefs = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("kommunkompass.referens.")));
  assert.equal(storedRefs.length, 1);
});

e2e("a deleted action can be restored with Ångra", async (s) => {
  const page = await s.newPage();
  const id = await importAndOpenResults(page, s, assessmentFile(3, "Ångra åtgärd"), "Ångra åtgärd");
  const area2 = page.locator('section[data-area="2"]');
  await area2.getByRole("button", { name: "Lägg till åtgärd för område 2" }).click();
  await area2.getByLabel("Åtgärd").fill("Ta fram en plan för social hållbarhet");
  await page.waitForFunction((key) => (localStorage.getItem(key) || "").includes("social hållbarhet"), `kommunkompass.bedomning.${id}`);
  // With the keyboard: the removed action's button is gone, so focus moves to "Ångra"; undoing
  // puts focus back in the restored action.
  await area2.getByRole("button", { name: "Ta bort åtgärden" }).focus();
  await page.keyboard.press("Enter");
  await page.locator(".kk-notice", { hasText: "Åtgärden ”Ta fram en plan för social hållbarhet” togs bort." }).waitFor();
  assert.equal(await area2.getByLabel("Åtgärd").count(), 0);
  assert.equal((await stored(page, id)).assessment.actions[0].deleted, true, "kept as a tombstone until undone");
  await page.waitForFunction(() => document.activeElement?.textContent === "Ångra");
  await page.keyboard.press("Enter");
  await area2.getByLabel("Åtgärd").waitFor();
  assert.equal(await area2.getByLabel("Åtgärd").inputValue(), "Ta fram en plan för social hållbarhet");
  await page.waitForFunction(() => document.activeElement?.id?.endsWith("-what"));
  const action = (await stored(page, id)).assessment.actions[0];
  assert.ok(!action.deleted, "restored in storage");
});

e2e("the expected result says where it comes from, and no page claims self-assessments come out high", async (s) => {
  const page = await s.newPage();
  const id = await importAndOpenResults(page, s, assessmentFile(2, "Förklaring"), "Förklaring");
  const note = await text(page.locator("[data-testid=expected-note]"));
  assert.match(note, /två publicerade utvärderingar \(Ale kommun 2020 och Alingsås kommun 2022\)/);
  assert.ok(note.includes(`som mest ${sv(MODEL.evidence.held_out.max_total_error)} poäng fel`), note);
  assert.ok(note.includes(`±${sv(MODEL.total_range)} poäng för totalen och ±${sv(MODEL.area_range)} poäng för varje område`), note);
  // Each area states its expected result and range; each sub-area has its expected points.
  const area1 = page.locator('section[data-area="1"]');
  const e2 = expectedArea(2);
  assert.equal(await text(area1.locator("[data-testid=area-expected]")),
    `Förväntat vid en utvärdering: ${sv(e2)} (troligen ${sv(e2 - MODEL.area_range)}–${sv(e2 + MODEL.area_range)}) poäng.`);
  for (const path of [`/bedomning/${id}/resultat`, `/bedomning/${id}/rapport`, "/kriterier"]) {
    await open(page, s, path);
    assert.ok(!(await text(page.locator(".kk-main"))).includes("brukar ge högre"), path);
  }
  // The criteria page explains the model in one paragraph, with the shares per level.
  const paragraph = await text(page.locator("[data-testid=model-paragraph]"));
  assert.match(paragraph, /^Förväntat resultat vid en utvärdering: .*Saknas \d+ %.*Utvecklat – ger effekt och förbättras \d+ %/);
  await s.axe(page, "kriterier med modellen");
});

e2e("a sub-area where nothing applies costs nothing and says so", async (s) => {
  const page = await s.newPage();
  const file = JSON.parse(assessmentFile(4, "Utan bolag"));
  for (const q of QUESTIONS.filter((x) => x.subarea === "3.5")) file.assessment.answers[q.id].response = "not_applicable";
  const id = await importAndOpenResults(page, s, JSON.stringify(file), "Utan bolag");
  assert.equal(await text(page.locator("[data-testid=results-total]")), "Självskattning (råpoäng): 800 av 800 poäng");
  const area3 = page.locator('section[data-area="3"]');
  assert.match(await text(area3.locator(".kk-areascore").first()), /^100 av 100 poäng/);
  assert.equal(await text(area3.locator("[data-testid=not-applicable-note]")), "3.5 Koncernstyrning är inte aktuellt. Området räknas på 85 poäng, omräknat till 100.");
  const row = await area3.locator("tr", { hasText: "3.5 Koncernstyrning" }).locator("td").allTextContents();
  assert.equal(row[0], "Ej aktuellt");
  // The answering view says it too.
  await open(page, s, `/bedomning/${id}/omrade/3`);
  assert.match(await text(page.locator('[data-subarea="3.5"]')), /^Ej aktuellt: räknas inte/);
});

e2e("every answer can be exported for Excel, safe to open", async (s) => {
  const page = await s.newPage();
  const file = JSON.parse(assessmentFile(3, "Alla svar export"));
  const first = QUESTIONS[0].id;
  file.assessment.answers[first].comment = "=HYPERLINK(\"http://x\";\"klicka\")";
  await importAndOpenResults(page, s, JSON.stringify(file), "Alla svar export");
  const { name, text: csv } = await download(page, () => page.getByRole("button", { name: "Exportera alla svar (CSV för Excel)" }).click());
  assert.match(name, /^kommunkompass-svar-Alla-svar-export-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.slice(1).split("\r\n").filter(Boolean);
  assert.equal(lines[0], "Område;Delområde;Fråga;Frågetext;Svar;Nivå (0–4);Kommentar;Underlag;Målnivå");
  assert.equal(lines.length, 1 + QUESTIONS.length);
  assert.ok(lines[1].startsWith(`1;1.1;${first};`), lines[1]);
  assert.ok(lines[1].endsWith(`;3 – Etablerat och följs upp;3;"'=HYPERLINK(""http://x"";""klicka"")";;`), lines[1]);
});

import { chromium } from "playwright-core";
import { serve } from "/work/main/tests/e2e/serve.mjs";
const s = await serve("/work/main/dist");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync","--no-first-run","--disable-quic"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on("console", m => console.log("console", m.type(), m.text()));
page.on("pageerror", e => console.log("pageerror", e.message));
const path = process.argv[2] || "/";
await page.goto(s.url + path);
await page.waitForSelector(".kk-app", { timeout: 10000 }).catch(e => console.log("no app", e.message));
if (process.argv[3]) { await eval(process.argv[3]); }
await page.waitForTimeout(300);
await page.screenshot({ path: "/tmp/shot.png", fullPage: false });
console.log(await page.title());
await browser.close(); await s.close();

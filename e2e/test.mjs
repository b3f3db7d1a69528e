// End-to-end test of the dashboard in headless Chromium: open it, see the charts drawn, open an
// event's source, upload a document and see its events listed, switch to Chinese and see a
// curated event's place in Chinese.
// Needs a running `dyad serve`: BASE_URL (e.g. http://127.0.0.1:8080) and DYAD_TOKEN.
// SCREENSHOT_DIR, when set, receives screenshots (desktop en/zh, phone en/zh).
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const base = process.env.BASE_URL;
const token = process.env.DYAD_TOKEN || "";
const shots = process.env.SCREENSHOT_DIR;
if (!base) {
  console.error("e2e: set BASE_URL to a running `dyad serve`");
  process.exit(2);
}

const results = [];
async function step(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push([name, true]);
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    results.push([name, false]);
    console.log(`FAIL ${name}: ${e.message}`);
    throw e;
  }
}
function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

const profile = mkdtempSync(join(tmpdir(), "dyad-e2e-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
  ],
  viewport: { width: 1280, height: 900 },
  locale: "en-US",
});
const errors = [];
let failed = false;
try {
  const page = context.pages()[0] || (await context.newPage());
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") errors.push(`console: ${m.text()}`); });
  // Nothing may be fetched from anywhere but the server under test.
  page.on("request", (r) => { if (!r.url().startsWith(base)) errors.push(`outside request: ${r.url()}`); });

  await step("the dashboard opens and draws the level chart with bands, phases and key events", async () => {
    await page.goto(base + "/", { waitUntil: "domcontentloaded" });
    await page.waitForSelector("body[data-ready=true]", { timeout: 30000 });
    await page.waitForSelector("#level-chart svg path.level-line", { timeout: 30000 });
    const bands = await page.locator("#level-chart svg rect").count();
    assert(bands >= 6, `expected the six bands, found ${bands} rects`);
    const keys = await page.locator("#level-chart svg circle.key").count();
    assert(keys > 0, "no key events on the level chart");
    const d = await page.getAttribute("#level-chart svg path.level-line", "d");
    assert(d && d.split("L").length > 12, "the level line has too few points");
  });

  await step("the flow chart is drawn", async () => {
    const bars = await page.locator("#flow-chart svg rect").count();
    assert(bars > 10, `expected flow bars, found ${bars}`);
  });

  await step("the timeline lists events; a click on a curated event shows its citation", async () => {
    await page.waitForSelector("#timeline li", { timeout: 15000 });
    await page.locator("#timeline li").first().click();
    await page.waitForSelector("#detail .cite", { timeout: 10000 });
  });

  await step("a filter narrows the timeline", async () => {
    await page.selectOption("#filters [name=quad]", "4");
    await page.waitForFunction(() => {
      const chips = [...document.querySelectorAll("#timeline li .chip")];
      return chips.length > 0 && chips.every((c) => c.classList.contains("q4"));
    }, null, { timeout: 10000 });
    await page.selectOption("#filters [name=quad]", "");
  });

  if (shots) {
    await page.screenshot({ path: join(shots, "dashboard-en.png"), fullPage: true });
  }

  await step("uploading a document lists its events, and a click shows the sentence in its document", async () => {
    const text =
      "美俄关系观察\n\n2025年8月15日，特朗普与普京在阿拉斯加举行会晤。双方同意继续就乌克兰问题进行对话。\n\n" +
      "同年10月，美国宣布对俄罗斯石油公司实施制裁。";
    await page.fill("#upload [name=token]", token);
    await page.fill("#upload [name=title]", "e2e upload");
    await page.setInputFiles("#upload [name=file]", {
      name: "e2e.txt", mimeType: "text/plain", buffer: Buffer.from(text, "utf8"),
    });
    await page.click("#upload button[type=submit]");
    await page.waitForSelector("#upload-events li", { timeout: 30000 });
    const n = await page.locator("#upload-events li").count();
    assert(n >= 2, `expected the upload's events, found ${n}`);
    // The uploaded events are the newest of the dyad: filter the timeline to them.
    await page.fill("#filters [name=from]", "2025-08");
    await page.dispatchEvent("#filters [name=from]", "change");
    await page.selectOption("#filters [name=lang]", "zh");
    // Wait for the filtered list itself (the previous list stays until the new page arrives).
    const uploaded = page.locator("#timeline li", { hasText: "特朗普" }).first();
    await uploaded.waitFor({ timeout: 10000 });
    await uploaded.click();
    await page.waitForSelector("#detail mark", { timeout: 10000 });
    const hit = await page.textContent("#detail mark");
    assert(hit && hit.includes("特朗普"), `the highlighted sentence is ${JSON.stringify(hit)}`);
  });

  await step("switching to Chinese translates the page", async () => {
    await page.click("#lang-toggle");
    await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
    const h = await page.textContent("#level-card h2");
    assert(h === "关系水平", `heading is ${JSON.stringify(h)}`);
    const band = await page.locator("#level-chart svg text.band-label").allTextContents();
    assert(band.includes("对抗"), `band labels are ${band}`);
  });

  if (shots) {
    await page.screenshot({ path: join(shots, "dashboard-zh.png"), fullPage: true });
  }

  await step("a curated event's place is shown in Chinese in Chinese, in English in English", async () => {
    // The 2018 Helsinki summit: places.tsv names Helsinki, Finland 芬兰赫尔辛基.
    await page.selectOption("#filters [name=lang]", "");
    await page.fill("#filters [name=from]", "2018-07");
    await page.fill("#filters [name=to]", "2018-07");
    await page.dispatchEvent("#filters [name=to]", "change");
    const summit = page.locator("#timeline li", { hasText: "特朗普与普京在赫尔辛基举行首次正式双边峰会" }).first();
    await summit.waitFor({ timeout: 10000 });
    await summit.click();
    await page.waitForSelector("#detail .place", { timeout: 10000 });
    const zh = await page.textContent("#detail .place");
    assert(zh === "地点: 芬兰赫尔辛基", `the place reads ${JSON.stringify(zh)}`);
    await page.click("#lang-toggle");
    await page.waitForFunction(() => document.documentElement.lang === "en");
    const en = await page.textContent("#detail .place");
    assert(en === "Place: Helsinki, Finland", `the place reads ${JSON.stringify(en)}`);
    await page.click("#lang-toggle");
    await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
  });

  await step("the dashboard fits a phone screen", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload({ waitUntil: "domcontentloaded" });
    await page.waitForSelector("#level-chart svg path.level-line", { timeout: 30000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 1, `the page scrolls sideways by ${overflow}px on a phone`);
    if (shots) {
      await page.screenshot({ path: join(shots, "phone-zh.png"), fullPage: true });
      await page.click("#lang-toggle");
      await page.waitForFunction(() => document.documentElement.lang === "en");
      await page.screenshot({ path: join(shots, "phone-en.png"), fullPage: false });
    }
  });

  await step("no page errors and nothing fetched from outside", async () => {
    assert(errors.length === 0, errors.join("; "));
  });
} catch (e) {
  failed = true;
  if (errors.length) console.log(errors.join("\n"));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
const passed = results.filter(([, ok]) => ok).length;
const failures = results.length - passed;
console.log(`${passed} passed, ${failures + (failed && failures === 0 ? 1 : 0)} failed`);
process.exit(failed || failures ? 1 : 0);

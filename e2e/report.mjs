// The report in headless Chromium: open each report file given as an argument at a desktop
// (1400 px) and a phone (390 px) width, take screenshots, and check in the page that
//   - every chart has an SVG link and a PNG button, every table a CSV link;
//   - the PNG button really gives a PNG (the blob's type is image/png, its size > 0, and the
//     downloaded file starts with the PNG signature);
//   - no text label of a chart is cut with "…", runs out of its chart, or overlaps another
//     label of the same chart (their bounding boxes as drawn);
//   - the page scrolls sideways only inside a chart's own scroll box, never as a whole;
//   - on the wide screen every chart label is drawn at 10 px or more.
// Prints ok/FAIL per check and exits 1 on any failure.
// Usage: node e2e/report.mjs SHOT_DIR report-zh.html report-en.html …
// CHROMIUM names the browser (default /usr/bin/chromium).
import { chromium } from "playwright-core";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [shots, ...files] = process.argv.slice(2);
if (!shots || files.length === 0) {
  console.error("usage: node e2e/report.mjs SHOT_DIR REPORT.html…");
  process.exit(2);
}

let failures = 0;
let passes = 0;
function report(name, problems) {
  if (problems.length === 0) {
    passes++;
    console.log(`ok   ${name}`);
  } else {
    failures++;
    console.log(`FAIL ${name}: ${problems.length} problem(s)`);
    for (const p of problems.slice(0, 40)) console.log(`       - ${p}`);
    if (problems.length > 40) console.log(`       … and ${problems.length - 40} more`);
  }
}

// Runs in the page: the label problems of every chart. Labels smaller than `MIN_LABEL_PX` on a
// wide screen are too small to read (the per-phase charts once drew theirs at about 8 px).
function labelProblems(MIN_LABEL_PX) {
  const out = { truncated: [], outside: [], overlaps: [], small: [] };
  const charts = [...document.querySelectorAll("svg.chart")];
  charts.forEach((svg, ci) => {
    const name = `chart ${ci + 1} (${(svg.getAttribute("aria-label") || "").slice(0, 40)})`;
    const box = svg.getBoundingClientRect();
    // The size a label is drawn at: its font size scaled as the chart is.
    const vb = svg.viewBox && svg.viewBox.baseVal;
    const scale = vb && vb.width ? box.width / vb.width : 1;
    let smallest = Infinity;
    let smallestText = "";
    for (const t of svg.querySelectorAll("text")) {
      if (!t.textContent.trim()) continue;
      const px = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (px < smallest) {
        smallest = px;
        smallestText = t.textContent.trim().slice(0, 30);
      }
    }
    if (smallest < MIN_LABEL_PX) {
      out.small.push(`${name}: "${smallestText}" drawn at ${smallest.toFixed(1)}px`);
    }
    const texts = [...svg.querySelectorAll("text")]
      .filter((t) => t.textContent.trim() !== "")
      .map((t) => ({ t, r: t.getBoundingClientRect(), s: t.textContent.trim() }))
      .filter(({ r }) => r.width > 0 && r.height > 0);
    for (const { t, r, s } of texts) {
      if (s.includes("…") || s.includes("...")) out.truncated.push(`${name}: "${s}"`);
      // A callout's text stays inside its box.
      const lab = t.parentElement && t.parentElement.querySelector(":scope > rect.lab");
      if (lab) {
        const b = lab.getBoundingClientRect();
        if (r.left < b.left - 0.5 || r.right > b.right + 0.5) out.outside.push(`${name}: "${s}" runs out of its box`);
      }
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
        out.outside.push(`${name}: "${s}" runs out of the chart`);
      }
    }
    // Glyph boxes include the font's ascent and descent; two labels on adjacent lines may
    // touch there without their letters meeting, so each box is shrunk by a fifth of its height.
    const inset = ({ r }) => {
      const d = r.height * 0.2;
      return { l: r.left + 1, r: r.right - 1, t: r.top + d, b: r.bottom - d };
    };
    for (let i = 0; i < texts.length; i++) {
      const a = inset(texts[i]);
      for (let j = i + 1; j < texts.length; j++) {
        const b = inset(texts[j]);
        if (a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b) {
          out.overlaps.push(`${name}: "${texts[i].s}" overlaps "${texts[j].s}"`);
        }
      }
    }
  });
  return out;
}

const profile = mkdtempSync(join(tmpdir(), "dyad-report-e2e-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
  ],
  viewport: { width: 1400, height: 900 },
  acceptDownloads: true,
});
// Record every blob the page turns into a URL: the PNG button's canvas.toBlob result.
await context.addInitScript(() => {
  window.__blobs = [];
  const orig = URL.createObjectURL;
  URL.createObjectURL = function (b) {
    if (b instanceof Blob) window.__blobs.push({ type: b.type, size: b.size });
    return orig.call(URL, b);
  };
});

try {
  const page = context.pages()[0] || (await context.newPage());
  const errors = [];
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") errors.push(`console: ${m.text()}`); });
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith("file:") && !u.startsWith("data:") && !u.startsWith("blob:")) errors.push(`outside request: ${u}`);
  });
  for (const file of files) {
    const url = pathToFileURL(resolve(file)).href;
    const stem = basename(file).replace(/\.html$/, "");
    for (const width of [1400, 390]) {
      const tag = `${stem} @${width}px`;
      errors.length = 0;
      await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
      await page.goto(url, { waitUntil: "load" });

      // Links.
      const links = await page.evaluate(() => {
        const problems = [];
        const charts = [...document.querySelectorAll("svg.chart")];
        charts.forEach((svg, i) => {
          // The links follow the chart in its container.
          const after = [];
          for (let n = svg.nextElementSibling; n && n.tagName !== "svg"; n = n.nextElementSibling) after.push(n);
          const svgLink = after.find((n) => n.matches("a.dl[download$='.svg'][href^='data:image/svg+xml;base64,']"));
          const png = after.find((n) => n.matches("button.png[data-file$='.png']"));
          if (!svgLink) problems.push(`chart ${i + 1} has no SVG link`);
          if (!png) problems.push(`chart ${i + 1} has no PNG button`);
        });
        const tables = [...document.querySelectorAll("table")];
        tables.forEach((t, i) => {
          const n = t.nextElementSibling;
          const ok = n && n.matches("p.dl") && n.querySelector("a[download$='.csv'][href^='data:text/csv']");
          if (!ok) problems.push(`table ${i + 1} has no CSV link`);
        });
        return { problems, charts: charts.length, tables: tables.length };
      });
      report(`${tag}: ${links.charts} charts each with SVG and PNG, ${links.tables} tables each with CSV`,
        links.charts === 0 ? ["no charts"] : links.problems);

      // The PNG buttons: every one gives a non-empty image/png blob; the first one's download
      // is a PNG file.
      if (width === 1400 && (await page.locator("button.png").count()) === 0) {
        report(`${tag}: every PNG button gives an image/png blob`, ["no PNG buttons"]);
      } else if (width === 1400) {
        const n = links.charts;
        const dl = page.waitForEvent("download", { timeout: 20000 });
        await page.locator("button.png").first().click();
        const download = await dl;
        // Kept beside the screenshots: what a reader gets from the first PNG button.
        const path = join(shots, `${stem}-download-${download.suggestedFilename()}`);
        await download.saveAs(path);
        const bytes = readFileSync(path);
        const sig = bytes.subarray(0, 8).toString("hex");
        const probs = [];
        if (sig !== "89504e470d0a1a0a") probs.push(`the download ${download.suggestedFilename()} is not a PNG (${sig})`);
        if (!download.suggestedFilename().endsWith(".png")) probs.push(`file name ${download.suggestedFilename()}`);
        // The rest without saving each file: click, then wait for its blob.
        const blobs = await page.evaluate(async () => {
          const buttons = [...document.querySelectorAll("button.png")];
          for (const b of buttons.slice(1)) {
            const before = window.__blobs.length;
            b.click();
            const t0 = Date.now();
            while (window.__blobs.length === before && Date.now() - t0 < 10000) {
              await new Promise((r) => setTimeout(r, 20));
            }
          }
          return window.__blobs;
        });
        if (blobs.length !== n) probs.push(`${blobs.length} blobs for ${n} PNG buttons`);
        blobs.forEach((b, i) => {
          if (b.type !== "image/png" || !(b.size > 0)) probs.push(`PNG ${i + 1}: blob ${b.type}, ${b.size} bytes`);
        });
        report(`${tag}: every PNG button gives an image/png blob (${blobs.length}, first ${bytes.length} bytes, saved as a PNG)`, probs);
        await page.reload({ waitUntil: "load" });
      }

      // Labels.
      // A phone's screen scrolls a chart sideways rather than shrink it below legibility; the
      // size floor is checked where the whole chart shows, on the wide screen.
      const labels = await page.evaluate(labelProblems, width >= 1000 ? 10 : 0);
      report(`${tag}: no chart label cut with "…"`, labels.truncated);
      report(`${tag}: no chart label runs out of its chart or its box`, labels.outside);
      report(`${tag}: no two labels of a chart overlap`, labels.overlaps);
      if (width >= 1000) report(`${tag}: every chart label is drawn at 10 px or more`, labels.small);

      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      report(`${tag}: the page does not scroll sideways`, overflow > 1 ? [`by ${overflow}px`] : []);
      report(`${tag}: no page errors, nothing fetched`, [...errors]);

      // Screenshots: the page down to the appendix (the appendix is a long list of events), and
      // the level chart on its own.
      const h = await page.evaluate(() => {
        const a = document.getElementById("appendix");
        return Math.ceil(a ? a.getBoundingClientRect().top + window.scrollY : document.body.scrollHeight);
      });
      await page.screenshot({
        path: join(shots, `${stem}-${width}.png`),
        fullPage: true,
        clip: { x: 0, y: 0, width, height: Math.min(h, 60000) },
      });
      for (const [i, fig] of (await page.locator("figure").all()).entries()) {
        await fig.screenshot({ path: join(shots, `${stem}-${width}-figure-${i + 1}.png`) });
      }
    }
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`${passes} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);

// dyad dashboard: plain JavaScript, no framework, nothing fetched from outside this server.
// Charts are SVG drawn from /api/index and /api/phases; the timeline pages /api/events.
"use strict";

const I18N = {
  en: {
    tagline: "bilateral-relations observatory", dyad: "Dyad", origin: "Origin", all: "all",
    curated: "curated", coded: "coded", imported: "imported",
    levelTitle: "Relations level",
    levelNote: "Cumulative level on −9…+9 read on six bands; shaded spans are phases; dots are the events that moved the level most.",
    flowTitle: "Event flow", flowNote: "Events per quarter: cooperation above the line, conflict below.",
    eventsTitle: "Events", domain: "Domain", type: "Type", from: "From", to: "To", language: "Language",
    q1: "verbal cooperation", q2: "material cooperation", q3: "verbal conflict", q4: "material conflict",
    negated: "negated", hypothetical: "hypothetical", more: "More",
    detailTitle: "Source", detailHint: "Click an event to see the sentence in its document, or the citation of a curated event.",
    uploadTitle: "Add a document", file: "File (.txt, .md, .html, .pdf)", title: "Title", pubDate: "Publication date",
    token: "Token", upload: "Upload and code", footer: "Every number traces to the events behind it.",
    switchTo: "中文", loading: "Loading…", shown: (n, more) => `${n} events shown${more ? ", more below" : ""}`,
    noEvents: "No events match these filters.", level: "level", phase: "phase",
    cooperation: "cooperation", conflict: "conflict", keyEvent: "key event",
    document: "Document", sentence: "sentence", citations: "Sources", place: "Place",
    uploaded: (s, n) => `${s === "new" ? "Stored" : "Already stored"}: ${n} events coded.`,
    uploading: "Reading and coding…", noText: "(no text)", imported_from: "Imported from",
    bands: { confrontation: "confrontation", tense: "tense", discord: "discord", ordinary: "ordinary", good: "good", friendly: "friendly" },
    trend: { rising: "rising", falling: "falling", stable: "stable" },
    contribution: "effect on the level", reported: "reported", flagNeg: "negated", flagHyp: "hypothetical",
  },
  zh: {
    tagline: "双边关系观测台", dyad: "双边关系", origin: "来源", all: "全部",
    curated: "整理", coded: "编码", imported: "导入",
    levelTitle: "关系水平",
    levelNote: "累积关系水平（−9…+9），按六个区间解读；阴影为阶段；圆点为对水平影响最大的事件。",
    flowTitle: "事件流量", flowNote: "每季度事件数：线上为合作，线下为冲突。",
    eventsTitle: "事件", domain: "领域", type: "类型", from: "起", to: "止", language: "语言",
    q1: "口头合作", q2: "实质合作", q3: "口头冲突", q4: "实质冲突",
    negated: "否定", hypothetical: "假设", more: "更多",
    detailTitle: "出处", detailHint: "点击事件，查看其在文档中的原句，或整理事件的引文。",
    uploadTitle: "添加文档", file: "文件（.txt、.md、.html、.pdf）", title: "标题", pubDate: "发表日期",
    token: "令牌", upload: "上传并编码", footer: "每个数字都可追溯到其背后的事件。",
    switchTo: "English", loading: "加载中…", shown: (n, more) => `已显示 ${n} 个事件${more ? "，下方还有" : ""}`,
    noEvents: "没有符合条件的事件。", level: "水平", phase: "阶段",
    cooperation: "合作", conflict: "冲突", keyEvent: "关键事件",
    document: "文档", sentence: "句", citations: "来源", place: "地点",
    uploaded: (s, n) => `${s === "new" ? "已存储" : "已存在"}：编码出 ${n} 个事件。`,
    uploading: "正在读取和编码…", noText: "（无文本）", imported_from: "导入自",
    bands: { confrontation: "对抗", tense: "紧张", discord: "不和", ordinary: "普通", good: "良好", friendly: "友好" },
    trend: { rising: "上升", falling: "下降", stable: "平稳" },
    contribution: "对水平的影响", reported: "报道", flagNeg: "否定", flagHyp: "假设",
  },
};

const BANDS = [
  ["confrontation", -9, -6, "#f3c9c4"], ["tense", -6, -3, "#f8dccf"], ["discord", -3, 0, "#fbeee0"],
  ["ordinary", 0, 3, "#eef3e4"], ["good", 3, 6, "#dcebd6"], ["friendly", 6, 9, "#c8e2c6"],
];

const state = {
  lang: localStorage.getItem("dyad.lang") || ((navigator.language || "").startsWith("zh") ? "zh" : "en"),
  dyad: null, origin: "", index: null, flow: null, phases: null, vocabulary: null,
  cursor: null, selected: null, events: [], uploaded: null,
};

const $ = (sel) => document.querySelector(sel);
const t = (key) => I18N[state.lang][key];
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));

async function api(path, options) {
  const resp = await fetch(path, options);
  const body = await resp.json().catch(() => ({}));
  if (!resp.ok) {
    const e = new Error((body.error && body.error.message) || resp.statusText);
    e.code = body.error && body.error.code;
    throw e;
  }
  return body;
}

function status(msg) { $("#status").textContent = msg || ""; }

// ---- language ----------------------------------------------------------------------------

function applyLanguage() {
  document.documentElement.lang = state.lang === "zh" ? "zh-CN" : "en";
  document.querySelectorAll("[data-i18n]").forEach((el) => {
    const v = t(el.dataset.i18n);
    if (typeof v === "string") el.textContent = v;
  });
  $("#lang-toggle").textContent = t("switchTo");
  fillDomains();
  drawLevel();
  drawFlow();
  renderTimeline();
  if (state.selected) showDetail(state.selected);
  renderUpload();
}

// ---- month arithmetic --------------------------------------------------------------------

const monthNum = (s) => { const [y, m] = s.split("-").map(Number); return y * 12 + ((m || 1) - 1); };
const quarterNum = (s) => { const [y, q] = s.split("-Q").map(Number); return y * 12 + ((q || 1) - 1) * 3; };

// ---- charts ------------------------------------------------------------------------------

function chartSize(el, phoneHeight, height) {
  const w = Math.max(280, el.clientWidth || 800);
  return { w, h: w < 520 ? phoneHeight : height };
}

function yearTicks(m0, m1, width) {
  const years = (m1 - m0) / 12;
  const step = [1, 2, 5, 10, 20].find((s) => years / s <= width / 70) || 25;
  const out = [];
  for (let y = Math.ceil(m0 / 12 / step) * step; y * 12 <= m1; y += step) out.push(y);
  return out;
}

function drawLevel() {
  const el = $("#level-chart");
  const idx = state.index;
  if (!idx || !idx.periods.length) { el.innerHTML = ""; return; }
  const pts = idx.periods.filter((p) => p.level !== null && p.level !== undefined);
  const { w, h } = chartSize(el, 230, 300);
  const pad = { l: 30, r: w < 520 ? 8 : 78, t: 18, b: 22 };
  const m0 = monthNum(pts[0].period), m1 = monthNum(pts[pts.length - 1].period) + 1;
  const x = (m) => pad.l + ((m - m0) / Math.max(1, m1 - m0)) * (w - pad.l - pad.r);
  const y = (v) => pad.t + ((9 - v) / 18) * (h - pad.t - pad.b);
  let s = `<svg viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(t("levelTitle"))}">`;
  for (const [name, lo, hi, color] of BANDS) {
    s += `<rect x="${pad.l}" y="${y(hi)}" width="${w - pad.l - pad.r}" height="${y(lo) - y(hi)}" fill="${color}"/>`;
    if (pad.r > 20) s += `<text class="band-label" x="${w - pad.r + 4}" y="${(y(lo) + y(hi)) / 2 + 3}">${esc(t("bands")[name])}</text>`;
  }
  const phases = (state.phases && state.phases.phases) || [];
  phases.forEach((p, i) => {
    const a = x(monthNum(p.start)), b = x(monthNum(p.end) + 1);
    if (i % 2 === 1) s += `<rect x="${a}" y="${pad.t}" width="${Math.max(0, b - a)}" height="${h - pad.t - pad.b}" fill="#000" fill-opacity=".05"/>`;
    s += `<line x1="${a}" x2="${a}" y1="${pad.t}" y2="${h - pad.b}" stroke="#888" stroke-width=".5" stroke-dasharray="2,2"/>`;
    const band = state.lang === "zh" ? p.band_zh : t("bands")[p.band] || p.band;
    const label = `${band}${p.trend !== "stable" ? (p.trend === "rising" ? "↗" : "↘") : ""}`;
    const room = label.length * (state.lang === "zh" ? 11 : 6.5) + 10;
    if (b - a > room) s += `<text class="phase-label" x="${a + 3}" y="${pad.t - 5}">${esc(label)}</text>`;
    s += `<title>${esc(p.start)} – ${esc(p.end)}</title>`;
  });
  for (const yr of yearTicks(m0, m1, w - pad.l - pad.r)) {
    s += `<line class="axis" x1="${x(yr * 12)}" x2="${x(yr * 12)}" y1="${h - pad.b}" y2="${h - pad.b + 4}"/>`;
    s += `<text x="${x(yr * 12)}" y="${h - 6}" text-anchor="middle">${yr}</text>`;
  }
  for (const v of [-9, -6, -3, 0, 3, 6, 9]) s += `<text x="${pad.l - 4}" y="${y(v) + 4}" text-anchor="end">${v > 0 ? "+" + v : v}</text>`;
  s += `<line class="axis" x1="${pad.l}" x2="${w - pad.r}" y1="${y(0)}" y2="${y(0)}"/>`;
  const d = pts.map((p, i) => `${i ? "L" : "M"}${x(monthNum(p.period) + 0.5).toFixed(1)},${y(p.level).toFixed(1)}`).join("");
  s += `<path class="level-line" d="${d}"/>`;
  const levelAt = new Map(pts.map((p) => [p.period, p.level]));
  for (const k of idx.key_events || []) {
    const month = String(k.date).slice(0, 7);
    const v = levelAt.get(month.length === 7 ? month : month + "-01");
    if (v === undefined) continue;
    const label = (state.lang === "zh" && k.label_zh) || k.label;
    s += `<circle class="key" tabindex="0" data-key="${k.id}" cx="${x(monthNum(month) + 0.5)}" cy="${y(v)}" r="4"><title>${esc(k.date)} ${esc(label)}</title></circle>`;
  }
  s += "</svg>";
  el.innerHTML = s;
  el.querySelectorAll(".key").forEach((c) => {
    const open = () => showKeyEvent(idx.key_events.find((k) => String(k.id) === c.dataset.key));
    c.addEventListener("click", open);
    c.addEventListener("keydown", (e) => { if (e.key === "Enter") open(); });
  });
  $("#level-legend").innerHTML = BANDS.map(([n, , , c]) => `<span><i style="background:${c}"></i>${esc(t("bands")[n])}</span>`).join("");
}

function drawFlow() {
  const el = $("#flow-chart");
  const f = state.flow;
  if (!f || !f.periods.length) { el.innerHTML = ""; return; }
  const { w, h } = chartSize(el, 160, 190);
  const pad = { l: 36, r: 8, t: 8, b: 22 };
  const rows = f.periods.map((p) => ({ m: quarterNum(p.period), coop: (p.quad["1"] || 0) + (p.quad["2"] || 0), conf: (p.quad["3"] || 0) + (p.quad["4"] || 0), p }));
  const m0 = rows[0].m, m1 = rows[rows.length - 1].m + 3;
  const max = Math.max(1, ...rows.map((r) => Math.max(r.coop, r.conf)));
  const x = (m) => pad.l + ((m - m0) / Math.max(1, m1 - m0)) * (w - pad.l - pad.r);
  const mid = pad.t + (h - pad.t - pad.b) / 2;
  const sc = (n) => (n / max) * ((h - pad.t - pad.b) / 2);
  const bw = Math.max(1, x(m0 + 3) - x(m0) - 0.6);
  let s = `<svg viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(t("flowTitle"))}">`;
  for (const r of rows) {
    const title = `<title>${esc(r.p.period)}: ${r.coop} ${esc(t("cooperation"))}, ${r.conf} ${esc(t("conflict"))}</title>`;
    if (r.coop) s += `<rect class="coop" x="${x(r.m).toFixed(1)}" y="${(mid - sc(r.coop)).toFixed(1)}" width="${bw.toFixed(1)}" height="${sc(r.coop).toFixed(1)}">${title}</rect>`;
    if (r.conf) s += `<rect class="conf" x="${x(r.m).toFixed(1)}" y="${mid}" width="${bw.toFixed(1)}" height="${sc(r.conf).toFixed(1)}">${title}</rect>`;
  }
  s += `<line class="axis" x1="${pad.l}" x2="${w - pad.r}" y1="${mid}" y2="${mid}"/>`;
  s += `<text x="${pad.l - 4}" y="${pad.t + 9}" text-anchor="end">${max}</text><text x="${pad.l - 4}" y="${h - pad.b}" text-anchor="end">${max}</text>`;
  for (const yr of yearTicks(m0, m1, w - pad.l - pad.r)) s += `<text x="${x(yr * 12)}" y="${h - 6}" text-anchor="middle">${yr}</text>`;
  s += "</svg>";
  el.innerHTML = s;
}

// ---- filters and timeline ----------------------------------------------------------------

function fillDomains() {
  const sel = $("#filters [name=domain]");
  if (!state.vocabulary) return;
  const current = sel.value;
  sel.innerHTML = `<option value="">${esc(t("all"))}</option>` + state.vocabulary.domains
    .map((d) => `<option value="${esc(d.domain)}">${esc(state.lang === "zh" ? d.name_zh : d.name_en)}</option>`).join("");
  sel.value = current;
}

function eventQuery() {
  const f = new FormData($("#filters"));
  const q = new URLSearchParams({ dyad: state.dyad, limit: "50" });
  for (const k of ["domain", "quad", "from", "to", "lang"]) if (f.get(k)) q.set(k, f.get(k));
  if (f.get("include_negated")) q.set("include_negated", "true");
  if (f.get("include_hypothetical")) q.set("include_hypothetical", "true");
  if (state.origin) q.set("origin", state.origin);
  return q;
}

async function loadEvents(more) {
  if (!state.dyad) return;
  const q = eventQuery();
  if (more && state.cursor) q.set("after", state.cursor);
  try {
    const page = await api("/api/events?" + q);
    state.events = more ? state.events.concat(page.events) : page.events;
    state.cursor = page.next_cursor;
    renderTimeline();
    status("");
  } catch (e) { status(e.message); }
}

function describe(e) {
  if (e.origin === "curated") return (state.lang === "zh" ? e.description_zh : e.description_en) || e.description_en || e.description_zh || "";
  return e.sentence || e.description_en || `${e.source}→${e.target} ${e.cameo}`;
}

// The place in the page's language: its Chinese name (`place_zh`) in Chinese when the API has one.
function placeName(e) {
  return (state.lang === "zh" && e.place_zh) || e.place || "";
}

function renderTimeline() {
  const ol = $("#timeline");
  ol.innerHTML = state.events.map((e, i) => `
    <li tabindex="0" data-i="${i}" class="${state.selected && state.selected.id === e.id ? "selected" : ""}">
      <span class="date">${esc(e.date)}</span>
      <span class="what"><span class="chip q${e.quad_class}">${esc(t("q" + e.quad_class))}</span>${esc(describe(e))}${e.negated ? `<span class="flag">${esc(t("flagNeg"))}</span>` : ""}${e.hypothetical ? `<span class="flag">${esc(t("flagHyp"))}</span>` : ""}</span>
      <span class="meta">${esc(e.source)} → ${esc(e.target)} · CAMEO ${esc(e.cameo)} · ${e.goldstein > 0 ? "+" : ""}${esc(e.goldstein)} · ${esc(t(e.origin) || e.origin)}${e.lang ? " · " + esc(e.lang) : ""}</span>
    </li>`).join("");
  ol.querySelectorAll("li").forEach((li) => {
    const open = () => showDetail(state.events[Number(li.dataset.i)]);
    li.addEventListener("click", open);
    li.addEventListener("keydown", (ev) => { if (ev.key === "Enter") open(); });
  });
  $("#events-count").textContent = state.events.length ? t("shown")(state.events.length, !!state.cursor) : t("noEvents");
  $("#more").hidden = !state.cursor;
}

// ---- detail ------------------------------------------------------------------------------

async function showDetail(e) {
  state.selected = e;
  document.querySelectorAll("#timeline li").forEach((li) => li.classList.toggle("selected", state.events[Number(li.dataset.i)] === e));
  const box = $("#detail");
  const head = `<h3>${esc(e.date)} · ${esc(e.source)} → ${esc(e.target)} · CAMEO ${esc(e.cameo)}</h3>`;
  if (e.origin === "coded" && e.doc_id) {
    box.innerHTML = head + `<p class="note">${esc(t("loading"))}</p>`;
    try {
      const d = await api("/api/documents/" + encodeURIComponent(e.doc_id));
      if (state.selected !== e) return;
      const paras = [];
      let cur = null;
      for (const s of d.sentences) {
        if (!cur || cur.p !== s.paragraph) { cur = { p: s.paragraph, html: [] }; paras.push(cur); }
        const txt = esc(s.text);
        cur.html.push(s.id === e.sentence_id ? `<mark id="hit">${txt}</mark>` : s.note ? `<span class="note-seg">${txt}</span>` : txt);
      }
      box.innerHTML = head +
        `<p class="note">${esc(t("document"))}: <b>${esc(d.document.title || d.document.id.slice(0, 12))}</b>${d.document.date ? " · " + esc(d.document.date) : ""}</p>` +
        `<div class="doc-text">${paras.map((p) => `<p>${p.html.join(" ")}</p>`).join("") || esc(t("noText"))}</div>`;
      const hit = $("#hit");
      if (hit) hit.scrollIntoView({ block: "center", behavior: "instant" in document.documentElement.style ? "instant" : "auto" });
    } catch (err) { box.innerHTML = head + `<p class="error">${esc(err.message)}</p>`; }
    return;
  }
  if (e.origin === "curated") {
    const desc = state.lang === "zh" ? (e.description_zh || e.description_en) : (e.description_en || e.description_zh);
    box.innerHTML = head + `<p>${esc(desc)}</p>` + (e.place ? `<p class="note place">${esc(t("place"))}: ${esc(placeName(e))}</p>` : "") +
      `<p class="note">${esc(t("citations"))}:</p>` + (e.citation || []).map((c) =>
        `<p class="cite">${esc(c.publisher)}${c.date ? ", " + esc(c.date) : ""}: ${c.url && /^https?:\/\//.test(c.url) ? `<a href="${esc(c.url)}" rel="noopener noreferrer" target="_blank">${esc(c.title)}</a>` : esc(c.title)}</p>`).join("");
    return;
  }
  box.innerHTML = head + `<p>${esc(describe(e))}</p><p class="note">${esc(t("imported_from"))}: ${esc(e.origin)}</p>`;
}

function showKeyEvent(k) {
  if (!k) return;
  state.selected = null;
  const label = (state.lang === "zh" && k.label_zh) || k.label;
  $("#detail").innerHTML = `<h3>${esc(k.date)} · ${esc(t("keyEvent"))}</h3><p>${esc(label)}</p>` +
    `<p class="note">CAMEO ${esc(k.cameo)} · ${esc(t("contribution"))}: ${k.contribution > 0 ? "+" : ""}${Number(k.contribution).toFixed(2)}</p>`;
  const month = String(k.date).slice(0, 7);
  const f = $("#filters");
  if (month.length === 7) { f.from.value = month; f.to.value = month; loadEvents(false); }
}

// ---- loading a dyad ----------------------------------------------------------------------

async function loadDyad() {
  const base = new URLSearchParams({ dyad: state.dyad });
  if (state.origin) base.set("origin", state.origin);
  status(t("loading"));
  try {
    const [index, flow, phases] = await Promise.all([
      api("/api/index?" + base + "&freq=month&key=12"),
      api("/api/index?" + base + "&freq=quarter&key=0"),
      api("/api/phases?" + base),
    ]);
    Object.assign(state, { index, flow, phases });
    status("");
  } catch (e) {
    Object.assign(state, { index: null, flow: null, phases: null });
    status(e.message);
  }
  drawLevel();
  drawFlow();
  state.cursor = null;
  await loadEvents(false);
}

async function loadDyads(keep) {
  const { dyads } = await api("/api/dyads");
  const sel = $("#dyad-picker");
  const want = keep || state.dyad || new URLSearchParams(location.search).get("dyad") || "USA-RUS";
  sel.innerHTML = dyads.map((d) => `<option value="${esc(d.dyad)}">${esc(d.dyad)} (${d.events})</option>`).join("");
  const reversed = want.split("-").reverse().join("-");
  const found = dyads.find((d) => d.dyad === want) || dyads.find((d) => d.dyad === reversed) || dyads[0];
  state.dyad = found ? found.dyad : null;
  if (found) sel.value = found.dyad;
}

// ---- upload ------------------------------------------------------------------------------

async function upload(ev) {
  ev.preventDefault();
  const form = ev.target;
  const out = $("#upload-result");
  const token = form.token.value.trim();
  if (token) localStorage.setItem("dyad.token", token);
  const data = new FormData();
  data.append("file", form.file.files[0]);
  if (form.title.value.trim()) data.append("title", form.title.value.trim());
  if (form.date.value) data.append("date", form.date.value);
  const button = form.querySelector("button");
  button.disabled = true;
  out.innerHTML = `<p class="note">${esc(t("uploading"))}</p>`;
  try {
    const r = await api("/api/documents", { method: "POST", body: data, headers: token ? { Authorization: "Bearer " + token } : {} });
    state.uploaded = r;
    renderUpload();
    // Show the document's events in the timeline too (the charts follow the new data).
    const first = r.events[0];
    let target = state.dyad;
    if (first && ![`${first.source}-${first.target}`, `${first.target}-${first.source}`].includes(state.dyad)) {
      target = `${first.source}-${first.target}`;
    }
    await loadDyads(target);
    await loadDyad();
  } catch (e) {
    out.innerHTML = `<p class="error">${esc(e.message)}</p>`;
  } finally {
    button.disabled = false;
  }
}

function renderUpload() {
  const r = state.uploaded;
  if (!r) return;
  $("#upload-result").innerHTML = `<p>${esc(t("uploaded")(r.status, r.events.length))} <b>${esc(r.document.title || "")}</b></p>` +
    `<ul id="upload-events">${r.events.map((e) => `<li>${esc(e.date)} ${esc(e.source)} → ${esc(e.target)} <span class="chip q${e.quad_class}">${esc(t("q" + e.quad_class))}</span>${esc(e.cameo)}${e.negated ? ` <span class="flag">${esc(t("flagNeg"))}</span>` : ""}${e.hypothetical ? ` <span class="flag">${esc(t("flagHyp"))}</span>` : ""}</li>`).join("")}</ul>`;
}

// ---- start -------------------------------------------------------------------------------

async function start() {
  $("#lang-toggle").addEventListener("click", () => {
    state.lang = state.lang === "zh" ? "en" : "zh";
    localStorage.setItem("dyad.lang", state.lang);
    applyLanguage();
  });
  $("#dyad-picker").addEventListener("change", (e) => { state.dyad = e.target.value; state.selected = null; loadDyad(); });
  $("#origin-picker").addEventListener("change", (e) => { state.origin = e.target.value; loadDyad(); });
  $("#filters").addEventListener("change", () => { state.cursor = null; loadEvents(false); });
  $("#more").addEventListener("click", () => loadEvents(true));
  $("#upload").addEventListener("submit", upload);
  $("#upload").token.value = localStorage.getItem("dyad.token") || "";
  let resize;
  window.addEventListener("resize", () => { clearTimeout(resize); resize = setTimeout(() => { drawLevel(); drawFlow(); }, 150); });
  try {
    state.vocabulary = await api("/api/vocabulary");
    applyLanguage();
    await loadDyads();
    if (state.dyad) await loadDyad();
  } catch (e) { status(e.message); }
  document.body.dataset.ready = "true";
}

start();

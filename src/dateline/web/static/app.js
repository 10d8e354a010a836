// dateline page: search → timeline → sources. State lives in the URL (?q=&start=&end=&method=&dates=&article=).
// Every piece of article text is inserted with textContent (via el()); no HTML string is ever parsed.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const SVG = "http://www.w3.org/2000/svg";
  const STATE_KEYS = ["q", "start", "end", "method", "dates"];
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  let current = null; // the last timeline response
  let currentKey = null; // the story parameters it answered
  let requestSeq = 0;

  // Build an element; string children become text nodes, attributes are set one by one.
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") node.textContent = String(v);
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.append(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return node;
  }
  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    return node;
  }
  function safeUrl(u) {
    return typeof u === "string" && /^https?:\/\/[^\s]+$/i.test(u) ? u : null;
  }
  function parseDay(iso) { // "2019-12-31" -> UTC Date
    const [y, m, d] = iso.split("-").map(Number);
    return new Date(Date.UTC(y, m - 1, d));
  }
  function longDate(iso) {
    const d = parseDay(iso);
    return `${WEEKDAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  }
  function sourceLabel(q) {
    return (q.title && q.title.trim()) || q.article_id;
  }

  // ---- URL state ------------------------------------------------------------------------------
  function readState() {
    const p = new URLSearchParams(location.search);
    const s = {};
    for (const k of STATE_KEYS.concat(["article"])) { const v = p.get(k); if (v) s[k] = v; }
    return s;
  }
  function formState() {
    const s = {};
    for (const k of STATE_KEYS) { const v = $(k).value.trim(); if (v) s[k] = v; }
    return s;
  }
  function fillForm(s) {
    for (const k of STATE_KEYS) $(k).value = s[k] || (k === "dates" ? "10" : (k === "method" ? $(k).value : ""));
  }
  function stateUrl(s) {
    const p = new URLSearchParams();
    for (const k of STATE_KEYS.concat(["article"])) if (s[k]) p.set(k, s[k]);
    const qs = p.toString();
    return qs ? `/?${qs}` : "/";
  }
  function storyKey(s) {
    return JSON.stringify(STATE_KEYS.map((k) => s[k] || ""));
  }
  function apiParams(s) {
    const p = new URLSearchParams();
    for (const k of STATE_KEYS) if (s[k]) p.set(k, s[k]);
    return p;
  }

  async function getJSON(url) {
    const r = await fetch(url, { headers: { Accept: "application/json" } });
    let body = null;
    try { body = await r.json(); } catch (e) { body = null; }
    if (!r.ok) throw new Error((body && body.error) || `request failed (${r.status})`);
    return body;
  }

  function showError(msg) {
    $("error").textContent = msg;
    $("error").hidden = !msg;
  }
  function setStatus(msg) { $("status").textContent = msg; }

  // ---- info -----------------------------------------------------------------------------------
  async function loadInfo() {
    try {
      const info = await getJSON("/api/info");
      const sel = $("method");
      sel.replaceChildren(...info.methods.map((m) => el("option", { value: m, text: m })));
      sel.value = info.default_method;
      $("archive-info").textContent = info.articles
        ? `The archive holds ${info.articles.toLocaleString("en")} articles published ${info.first} to ${info.last}.`
        : "The archive is empty: add articles with dateline ingest.";
    } catch (e) {
      showError(`Cannot read the archive: ${e.message}`);
    }
  }

  // ---- timeline ----------------------------------------------------------------------------------
  async function run(state, push) {
    if (push) history.pushState(state, "", stateUrl(state));
    fillForm(state);
    if (!state.q) {
      $("intro").hidden = false; $("results").hidden = true; setStatus(""); return;
    }
    const seq = ++requestSeq;
    showError("");
    setStatus(`Building the timeline of “${state.q}”…`);
    document.body.classList.add("busy");
    const params = apiParams(state);
    try {
      const sp = new URLSearchParams({ q: state.q, limit: "20" });
      if (state.start) sp.set("start", state.start);
      if (state.end) sp.set("end", state.end);
      const [tl, hits] = await Promise.all([
        getJSON(`/api/timeline?${params}`),
        getJSON(`/api/search?${sp}`),
      ]);
      if (seq !== requestSeq) return; // a newer request won
      current = tl;
      currentKey = storyKey(state);
      $("intro").hidden = true;
      $("results").hidden = false;
      renderTimeline(tl, state);
      renderChart(tl);
      renderHits(hits);
      renderExports(params);
      const n = tl.timeline.entries.length;
      setStatus(`${tl.articles} articles about “${state.q}” · ${n} date${n === 1 ? "" : "s"} · ` +
        `method ${tl.timeline.method || state.method || ""} · ${(tl.elapsed_ms / 1000).toFixed(2)} s`);
      if (state.article) openArticle(state.article, null, false);
      else closeArticle(false);
    } catch (e) {
      if (seq !== requestSeq) return;
      setStatus("");
      showError(e.message);
    } finally {
      if (seq === requestSeq) document.body.classList.remove("busy");
    }
  }

  function renderTimeline(tl, state) {
    $("tl-title").textContent = `Timeline: ${state.q}`;
    const list = $("timeline");
    const entries = tl.timeline.entries;
    if (!entries.length) {
      list.replaceChildren(el("li", { class: "empty", text: "No dated events found for this story." }));
      return;
    }
    list.replaceChildren(...entries.map((e) => el("li", { id: `d${e.date}`, "data-date": e.date },
      el("h3", { class: "entry-date" },
        el("time", { datetime: e.date, text: longDate(e.date) }),
        el("span", { class: "iso", text: e.date })),
      ...e.sentences.map((q) => renderQuote(q)))));
  }

  function renderQuote(q) {
    const url = safeUrl(q.url);
    const meta = [q.source, q.published].filter(Boolean).join(" · ");
    return el("div", { class: "quote" },
      el("p", { text: q.text }),
      el("div", { class: "source" },
        el("button", { type: "button", class: "open-source", "data-article": q.article_id,
          title: "Show the source article", onclick: () => openArticle(q.article_id, q.text, true),
          text: `Source: ${sourceLabel(q)}` }),
        meta ? el("span", { text: meta }) : null,
        url ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer nofollow", text: "original ↗" }) : null));
  }

  function renderExports(params) {
    for (const fmt of ["json", "markdown", "timelinejs"]) {
      const p = new URLSearchParams(params);
      p.set("format", fmt);
      $(`export-${fmt}`).href = `/api/export?${p}`;
    }
  }

  // ---- chart: articles per day, timeline dates marked -------------------------------------------
  function renderChart(tl) {
    const box = $("chart");
    const volume = tl.volume; // [[iso, count], ...]
    const marks = tl.timeline.entries.map((e) => e.date);
    const days = volume.map((v) => v[0]).concat(marks);
    if (!days.length) { box.replaceChildren(el("p", { class: "empty", text: "No articles." })); return; }
    const DAY = 86400000;
    let lo = Math.min(...days.map((d) => parseDay(d).getTime()));
    let hi = Math.max(...days.map((d) => parseDay(d).getTime()));
    lo -= DAY; hi += DAY;
    const W = 1000, H = 150, L = 34, R = 10, T = 14, B = 24;
    const x = (t) => L + (t - lo) / (hi - lo) * (W - L - R);
    const maxCount = Math.max(1, ...volume.map((v) => v[1]));
    const y = (c) => H - B - c / maxCount * (H - T - B);
    const bw = Math.max(1.5, (W - L - R) / ((hi - lo) / DAY) * 0.8);
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: "none", role: "img",
      "aria-label": `Articles per day, ${marks.length} timeline dates marked` });
    const axis = svg("g", { class: "axis" });
    axis.append(svg("line", { x1: L, x2: W - R, y1: H - B, y2: H - B }));
    for (const c of [0, maxCount]) {
      const t = svg("text", { x: L - 6, y: y(c) + 4, "text-anchor": "end" });
      t.textContent = String(c);
      axis.append(t);
    }
    // month ticks (or years for long spans)
    const span = (hi - lo) / DAY;
    const start = new Date(lo);
    let tick = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    const stepMonths = span > 1500 ? 12 : span > 500 ? 3 : 1;
    let guard = 0;
    while (tick.getTime() < hi && guard++ < 200) {
      const tx = x(tick.getTime());
      axis.append(svg("line", { x1: tx, x2: tx, y1: H - B, y2: H - B + 4 }));
      if (tx < W - R - 60) { // no label that would be cut off at the right edge
        const label = svg("text", { x: tx + 2, y: H - 6 });
        label.textContent = `${MONTHS[tick.getUTCMonth()].slice(0, 3)} ${tick.getUTCFullYear()}`;
        axis.append(label);
      }
      tick = new Date(Date.UTC(tick.getUTCFullYear(), tick.getUTCMonth() + stepMonths, 1));
    }
    root.append(axis);
    const bars = svg("g");
    for (const [iso, count] of volume) {
      const t = parseDay(iso).getTime();
      const r = svg("rect", { class: "bar", x: x(t) - bw / 2, y: y(count), width: bw, height: H - B - y(count) });
      const tip = svg("title"); tip.textContent = `${iso}: ${count} article${count === 1 ? "" : "s"}`;
      r.append(tip);
      bars.append(r);
    }
    root.append(bars);
    for (const iso of marks) {
      const mx = x(parseDay(iso).getTime());
      const g = svg("g", { class: "marker", "data-date": iso });
      g.append(svg("line", { x1: mx, x2: mx, y1: T, y2: H - B }));
      const dot = svg("circle", { cx: mx, cy: T, r: 5 });
      const tip = svg("title"); tip.textContent = `${iso} (timeline date)`;
      dot.append(tip);
      dot.addEventListener("click", () => jumpTo(iso));
      g.append(dot);
      root.append(g);
    }
    box.replaceChildren(root);
  }

  function jumpTo(iso) {
    const li = document.getElementById(`d${iso}`);
    if (!li) return;
    li.scrollIntoView({ behavior: "smooth", block: "center" });
    li.classList.remove("flash"); void li.offsetWidth; li.classList.add("flash");
  }

  // ---- search hits ---------------------------------------------------------------------------------
  function marked(text, spans) {
    const out = [];
    let at = 0;
    for (const [s, e] of spans || []) {
      if (s < at || e > text.length) continue;
      out.push(text.slice(at, s), el("mark", { text: text.slice(s, e) }));
      at = e;
    }
    out.push(text.slice(at));
    return out;
  }
  function renderHits(res) {
    const list = $("hits");
    if (!res.hits.length) { list.replaceChildren(el("li", { class: "empty", text: "No matching articles." })); return; }
    list.replaceChildren(...res.hits.map((h) => el("li", {},
      el("button", { type: "button", "data-article": h.id, onclick: () => openArticle(h.id, null, true),
        text: (h.title && h.title.trim()) || h.id }),
      el("span", { class: "muted", text: ` · ${h.published}${h.source ? " · " + h.source : ""}` }),
      el("span", { class: "snip" }, ...marked(h.snippet || "", h.highlights)))));
  }

  // ---- article view ----------------------------------------------------------------------------
  async function openArticle(id, quoted, push) {
    if (push) {
      const s = Object.assign(readState(), { article: id });
      history.pushState(s, "", stateUrl(s));
    }
    try {
      const a = await getJSON(`/api/articles/${encodeURIComponent(id).replace(/%2F/gi, "/")}`);
      $("article-title").textContent = (a.title && a.title.trim()) || a.id;
      $("article-meta").textContent = [a.published, a.source, a.id].filter(Boolean).join(" · ");
      const url = safeUrl(a.url);
      const link = $("article-link");
      link.hidden = !url;
      if (url) link.href = url; else link.removeAttribute("href");
      const norm = (t) => (t || "").replace(/\s+/g, " ").trim();
      const target = norm(quoted);
      let first = null;
      $("article-body").replaceChildren(...a.sentences.map((s) => {
        const hit = target && norm(s.text) === target;
        const p = el("p", { class: hit ? "quoted" : null }, s.text,
          ...s.dates.map((d) => el("span", { class: "chip", title: "date this sentence mentions", text: d })));
        if (hit && !first) first = p;
        return p;
      }));
      if (a.truncated) $("article-body").append(el("p", { class: "muted", text: "(article shortened)" }));
      $("article").hidden = false;
      $("hits-box").hidden = true;
      $("article").scrollTop = 0;
      if (first) first.scrollIntoView({ block: "nearest" });
    } catch (e) {
      showError(`Cannot open article ${id}: ${e.message}`);
    }
  }
  function closeArticle(push) {
    $("article").hidden = true;
    $("hits-box").hidden = false;
    if (push) {
      const s = readState(); delete s.article;
      history.pushState(s, "", stateUrl(s));
    }
  }

  // ---- wiring ------------------------------------------------------------------------------------
  document.addEventListener("DOMContentLoaded", async () => {
    await loadInfo();
    $("search").addEventListener("submit", (ev) => {
      ev.preventDefault();
      run(formState(), true);
    });
    $("article-close").addEventListener("click", () => closeArticle(true));
    window.addEventListener("popstate", () => {
      const s = readState();
      if (current && s.q && storyKey(s) === currentKey) { // only the article view changed
        if (s.article) openArticle(s.article, null, false); else closeArticle(false);
      } else {
        run(s, false);
      }
    });
    const s = readState();
    if (s.q) run(s, false); else fillForm(s);
  });
})();

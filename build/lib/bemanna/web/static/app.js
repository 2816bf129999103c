// bemanna workbench: the little JavaScript the pages need (no inline scripts: CSP 'self').
"use strict";

const SVG = "http://www.w3.org/2000/svg";

function svgEl(name, attrs) {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

function sek(ore) {
  return Math.round(ore / 100).toLocaleString("sv-SE") + " kr";
}

// CSRF: every htmx request carries the session's token.
document.addEventListener("htmx:configRequest", (e) => {
  e.detail.headers["X-CSRF-Token"] = document.body.dataset.csrf;
});

// --- solve progress: objective and bound over time ------------------------------------------
function drawProgress(svg, points) {
  svg.replaceChildren();
  if (!points.length) return;
  const t1 = Math.max(1, ...points.map((p) => p[0]));
  const values = points.flatMap((p) => [p[1], p[2]]);
  const lo = Math.min(...values), hi = Math.max(...values);
  const y = (v) => 110 - (hi > lo ? ((v - lo) / (hi - lo)) * 100 : 50);
  const x = (t) => 5 + (t / t1) * 390;
  for (const [col, cls] of [[1, "objective"], [2, "bound"]]) {
    let d = "";
    points.forEach((p, i) => {
      d += (i ? ` H${x(p[0])} V${y(p[col])}` : `M${x(p[0])} ${y(p[col])}`);
    });
    d += ` H${x(t1)}`;
    svg.appendChild(svgEl("path", { d, class: cls, fill: "none" }));
  }
}

function progressText(job, points, status) {
  const text = job.querySelector(".progress-text");
  if (!text) return;
  if (!points.length) { text.textContent = status === "queued" ? "väntar i kön" : "söker första schemat…"; return; }
  const last = points[points.length - 1];
  text.textContent = `${points.length} scheman, bästa ${sek(last[1])}, gräns ${sek(last[2])} efter ${last[0]} s`;
}

function watchJob(job) {
  const svg = job.querySelector("svg.progress");
  const initial = JSON.parse(svg.dataset.progress || "[]");
  drawProgress(svg, initial);
  progressText(job, initial, "");
  if (!job.dataset.events) return;
  const source = new EventSource(job.dataset.events);
  source.addEventListener("progress", (e) => {
    const data = JSON.parse(e.data);
    drawProgress(svg, data.progress);
    progressText(job, data.progress, data.status);
    // When the first roster reached the screen (benchmarks/web_speed.py reads it).
    if (data.progress.length && !job.dataset.firstShownAt) job.dataset.firstShownAt = Date.now();
    job.querySelector(".job-status b").textContent = { queued: "i kö", running: "löses" }[data.status] || data.status;
  });
  source.addEventListener("done", (e) => {
    source.close();
    const data = JSON.parse(e.data);
    if (data.roster_id) window.location.href = `/rosters/${data.roster_id}`;
    else window.location.reload();
  });
}

// --- roster grid: click a cell to edit it, a name to explain --------------------------------
function setupGrid(grid) {
  const roster = grid.dataset.roster;
  grid.addEventListener("click", (e) => {
    const who = e.target.closest("a.who");
    if (who) {
      e.preventDefault();
      const box = document.getElementById("explain");
      box.textContent = "Räknar fram förklaringen…";
      htmx.ajax("GET", who.getAttribute("href"), { target: "#explain" });
      return;
    }
    const cell = e.target.closest("td[data-d]");
    if (!cell) return;
    grid.querySelectorAll("td.selected").forEach((c) => c.classList.remove("selected"));
    cell.classList.add("selected");
    const query = `employee=${encodeURIComponent(cell.dataset.e)}&date=${encodeURIComponent(cell.dataset.d)}`;
    htmx.ajax("GET", `/rosters/${roster}/cell?${query}`, { target: "#cell-editor" });
  });
  document.body.addEventListener("htmx:afterSwap", () => {
    document.querySelectorAll("#cell-editor .mark").forEach((mark) => {
      const cell = grid.querySelector("td.selected");
      if (!cell) return;
      cell.classList.toggle("pinned", mark.dataset.mark !== "");
      cell.title = cell.title.split(" · ")[0] + (mark.dataset.mark ? ` · ${mark.dataset.mark}` : "");
    });
  });
}

// --- coverage: need against scheduled per 15 minutes, gaps in red ---------------------------
const WEEK = 7 * 24 * 60, SLOT = 15, DAYS = ["mån", "tis", "ons", "tor", "fre", "lör", "sön"];

function slots(steps) {
  // Per 15 minutes: the largest minimum need and the smallest headcount in the slot (a gap
  // of one minute shows), from the exact steps of the report.
  const n = WEEK / SLOT, need = new Array(n).fill(0), staffed = new Array(n).fill(Infinity);
  for (const [start, end, low, , heads] of steps) {
    for (let s = Math.floor(start / SLOT); s < Math.ceil(end / SLOT); s++) {
      need[s] = Math.max(need[s], low);
      staffed[s] = Math.min(staffed[s], heads);
    }
  }
  return { need, staffed };
}

function drawCoverage(box) {
  const curves = JSON.parse(box.dataset.curves);
  const skill = box.querySelector(".cov-skill").value;
  const week = Number(box.querySelector(".cov-week").value);
  const steps = (curves[skill] || [])[week] || [];
  const svg = box.querySelector("svg.cov-chart");
  svg.replaceChildren();
  const { need, staffed } = slots(steps);
  const top = Math.max(1, ...need, ...staffed.filter(Number.isFinite)) + 1;
  const w = 1008 / need.length, y = (v) => 190 - (v / top) * 180;
  for (let d = 0; d < 7; d++) {
    svg.appendChild(svgEl("line", { x1: d * 144, x2: d * 144, y1: 0, y2: 200, class: "day" }));
    const label = svgEl("text", { x: d * 144 + 4, y: 12, class: "day" });
    label.textContent = DAYS[d];
    svg.appendChild(label);
  }
  let staffPath = "", needPath = "";
  need.forEach((v, i) => {
    const s = staffed[i];
    if (s < v) svg.appendChild(svgEl("rect", { x: i * w, y: y(v), width: w, height: y(s) - y(v), class: "gap" }));
    staffPath += `${i ? "L" : "M"}${i * w} ${y(s)} L${(i + 1) * w} ${y(s)} `;
    needPath += `${i ? "L" : "M"}${i * w} ${y(v)} L${(i + 1) * w} ${y(v)} `;
  });
  svg.appendChild(svgEl("path", { d: staffPath, class: "staffed", fill: "none" }));
  svg.appendChild(svgEl("path", { d: needPath, class: "need", fill: "none" }));
  svg.onmousemove = (e) => {
    const rect = svg.getBoundingClientRect();
    const minute = Math.floor(((e.clientX - rect.left) / rect.width) * WEEK);
    const step = steps.find((st) => st[0] <= minute && minute < st[1]);
    if (!step) return;
    const hh = String(Math.floor((minute % 1440) / 60)).padStart(2, "0");
    const mm = String(minute % 60).padStart(2, "0");
    box.querySelector(".cov-hover").textContent =
      `${DAYS[Math.floor(minute / 1440)]} ${hh}:${mm}: behov ${step[2]}` +
      (step[3] > step[2] ? ` (önskat ${step[3]})` : "") + `, schemalagda ${step[4]}` +
      (step[4] < step[2] ? " — ej täckt" : "");
  };
}

function setupCoverage(box) {
  box.querySelectorAll("select").forEach((s) => s.addEventListener("change", () => drawCoverage(box)));
  drawCoverage(box);
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".job").forEach(watchJob);
  const grid = document.getElementById("grid");
  if (grid) setupGrid(grid);
  const coverage = document.getElementById("coverage");
  if (coverage) setupCoverage(coverage);
});

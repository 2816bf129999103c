"""report.html's inline style sheet, script and Content-Security-Policy (the page loads
nothing from outside the file)."""

CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
       "img-src data:")

CSS = """
:root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222; }
body { margin: 0 auto; padding: 12px 20px 40px; max-width: 1320px; font-size: 14px; }
h1 { font-size: 22px; margin: 4px 0; } h2 { font-size: 18px; margin: 28px 0 8px; }
h3 { font-size: 15px; margin: 14px 0 4px; }
.meta { color: #555; margin: 0 0 8px; } .note { color: #555; font-size: 12px; margin: 4px 0; }
nav a { margin-right: 14px; color: #2c5d8a; }
.ok { color: #1e7b34; font-weight: 600; } .bad { color: #b3261e; font-weight: 600; }
#kpis { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 10px; }
.kpi-tile { border: 1px solid #d5dde5; border-radius: 8px; padding: 10px 12px;
  background: #f7fafc; }
.kpi-tile .label { font-size: 12px; color: #444; min-height: 30px; }
.kpi-tile .value { font-size: 22px; font-weight: 600; }
.kpi-tile .unit { font-size: 12px; color: #555; margin-left: 4px; }
.kpi-tile .interval { font-size: 12px; color: #555; margin-top: 2px; }
figure.chart { margin: 6px 0 14px; } figure.chart svg { display: block; max-width: 100%; }
figure[data-chart="cost-budget"] svg, figure[data-chart="resurstid-heatmap"] svg {
  max-width: 1000px; } figure[data-chart="resurspass-booked"] svg { max-width: 880px; }
figcaption { font-size: 12px; color: #555; }
svg text { font-size: 11px; fill: #333; } svg text.amount { font-size: 12px; }
svg .grid { stroke: #e3e3e3; } svg .day { stroke: #9aa5b1; stroke-width: 1; }
svg .staffed { fill: #a9cce3; stroke: #4a90c2; stroke-width: 1; }
svg .need-min { fill: none; stroke: #c0392b; stroke-width: 2; }
svg .need-desired { fill: none; stroke: #e08e0b; stroke-width: 1.5; stroke-dasharray: 5 3; }
svg .uncovered { fill: #e74c3c; fill-opacity: 0.45; }
svg .budget-mark { stroke: #111; stroke-width: 2; }
.legend span { display: inline-block; margin-right: 14px; font-size: 12px; }
.swatch { display: inline-block; width: 14px; height: 10px; margin-right: 4px;
  vertical-align: middle; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border: 1px solid #d9d9d9; padding: 3px 6px; }
th { background: #eef3f8; text-align: left; } td.num { text-align: right; white-space: nowrap; }
tr.total td { font-weight: 600; }
.scroll { overflow-x: auto; max-width: 100%; border: 1px solid #d9d9d9; }
#roster-grid { font-size: 12px; }
#roster-grid th, #roster-grid td { padding: 2px 3px; text-align: center; min-width: 34px; }
#roster-grid th.emp, #roster-grid td.emp { position: sticky; left: 0; background: #fff;
  text-align: left; min-width: 150px; z-index: 1; white-space: nowrap; }
#roster-grid th.weekend { background: #e2efda; }
td.pass-day { background: #fff2cc; } td.pass-evening { background: #f8cbad; }
td.pass-night { background: #9dc3e6; } td.pass-split { background: #d9c3e9; }
td.absent { background: #d9d9d9; color: #666; }
td.resurs { font-style: italic; font-weight: 700; }
td.resurs::after { content: "R"; font-size: 9px; vertical-align: super; margin-left: 1px; }
select { font-size: 13px; }
"""

SCRIPT = """
(function () {
  var select = document.getElementById("week-select");
  if (!select) { return; }
  function show() {
    var groups = document.querySelectorAll("g.week");
    for (var i = 0; i < groups.length; i++) {
      var g = groups[i];
      g.setAttribute("display", g.getAttribute("data-week") === select.value ? "inline" : "none");
    }
  }
  select.addEventListener("change", show);
  show();
})();
"""

"""compare.html: one self-contained page (inline CSS and SVG, no scripts, no network).

The figures table as in the terminal, then horizontal bar charts of the deltas against the
base — money per budget line (kronor per year), FTE and hours per year — one bar per scenario
and figure, increases to the right (red), decreases to the left (green). In the table, deltas
of money, FTE and hours are coloured alike.
"""

from __future__ import annotations

import html

from bemanna.comparison.run import Comparison, start_text, status_text
from bemanna.labels import COLUMNS, Lang, label, say
from bemanna.labels import UNITS as UNIT_WORDS
from bemanna.pricing.figures import FIGURE, LINE_KEYS, Value, display, label_of, unit_of

CSS = """
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { padding: 0.25em 0.7em; border-bottom: 1px solid #ddd; }
th { background: #dde5f0; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.up { color: #b02a1f; } td.down { color: #1d7a35; }
.note { color: #555; font-size: 0.9em; max-width: 60em; }
svg text { font-size: 12px; fill: #222; }
"""

CHARTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("compare.chart_money", "kr",
     ("total_ore", *LINE_KEYS, "absence_cover_ore", "net_ore")),
    ("compare.chart_fte", "FTE", ("staff_fte", "uncovered_fte", "fte_needed")),
    ("compare.chart_hours", "h",
     ("uncovered_hours", "bookable_resurstid_hours", "stranded_resurstid_hours",
      "agency_hours")),
)


def _chart_value(key: str, value: Value) -> float | None:
    if value is None:
        return None
    return value / 100 if FIGURE[key].kind == "ore" else float(value)


def bar_chart(title: str, unit: str, bars: list[tuple[str, float | None, str]],
              lang: Lang = "sv") -> str:
    """Horizontal bars (label, value, shown text) around a zero line, as an SVG element."""
    longest = max((len(label) for label, _, _ in bars), default=10)
    row, label_w, bar_w, text_w = 22, max(220, 7 * longest + 16), 420, 130
    height = 30 + row * len(bars)
    largest = max((abs(v) for _, v, _ in bars if v is not None), default=0.0) or 1.0
    zero = label_w + bar_w / 2
    width = label_w + bar_w + text_w
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" '
             f'height="{height}" aria-label="{html.escape(title)}">',
             f'<text x="0" y="14" font-weight="bold">{html.escape(title)}</text>',
             f'<line x1="{zero}" y1="20" x2="{zero}" y2="{height}" stroke="#888"/>']
    for i, (name, value, shown) in enumerate(bars):
        y = 24 + i * row
        parts.append(f'<text x="{label_w - 8}" y="{y + 13}" text-anchor="end">'
                     f'{html.escape(name)}</text>')
        if value is None:
            parts.append(f'<text x="{zero + 4}" y="{y + 13}">'
                         f'{say("compare.no_result", lang)}</text>')
            continue
        length = abs(value) / largest * (bar_w / 2 - 4)
        x = zero if value >= 0 else zero - length
        colour = "#c0392b" if value > 0 else "#27ae60"
        parts.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{max(length, 0.5):.1f}" '
                     f'height="{row - 8}" fill="{colour}"><title>{html.escape(shown)}</title>'
                     '</rect>')
        parts.append(f'<text x="{label_w + bar_w + 6}" y="{y + 13}">{html.escape(shown)} '
                     f'{html.escape(unit)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def charts(comparison: Comparison, lang: Lang = "sv") -> list[str]:
    out = []
    for title, unit, keys in CHARTS:
        unit = {"FTE": label(UNIT_WORDS, "FTE", lang), "h": "tim" if lang == "sv" else "h",
                "kr": "kr" if lang == "sv" else "SEK"}[unit]
        bars: list[tuple[str, float | None, str]] = []
        for column in comparison.scenarios:
            base_values = comparison.base.outcome.figures or {}
            for key in keys:
                value, base = column.value(key), base_values.get(key)
                change = None if value is None or base is None else value - base
                bars.append((f"{column.name}: {label_of(key, lang)}",
                             _chart_value(key, change), display(key, change, True, lang)))
        out.append(bar_chart(say(title, lang), unit, bars, lang))
    return out


def _cell(key: str, value: Value, signed: bool = False, lang: Lang = "sv") -> str:
    """A number cell; deltas of money, FTE and hours in red (up) or green (down) — for
    shares and counts up is not plainly worse, so they stay black."""
    kind = "num"
    if signed and value and FIGURE[key].kind in ("ore", "fte", "hours"):
        kind += " up" if value > 0 else " down"
    return f'<td class="{kind}">{html.escape(display(key, value, signed, lang))}</td>'


def header(comparison: Comparison, lang: Lang = "sv") -> list[str]:
    """The figures table's column heads: figure, unit, the base, then per scenario its name
    and Δ."""
    head = [label(COLUMNS, "figure", lang), label(COLUMNS, "unit", lang), comparison.base.name]
    for column in comparison.scenarios:
        head += [column.name, "Δ"]
    return head


def text_table(comparison: Comparison, lang: Lang = "sv") -> list[list[str]]:
    """The figures table as text, head first, in the words and number format of this page
    (the workbench's compare page shows it)."""
    rows = [header(comparison, lang)]
    for key, base, values in comparison.rows():
        row = [label_of(key, lang), unit_of(key, lang), display(key, base, False, lang)]
        for value, change in values:
            row += [display(key, value, False, lang), display(key, change, True, lang)]
        rows.append(row)
    return rows


def page(comparison: Comparison, lang: Lang = "sv") -> str:
    esc = html.escape
    head = header(comparison, lang)
    rows = []
    for key, base, values in comparison.rows():
        cells = [f"<td>{esc(label_of(key, lang))}</td>", f"<td>{esc(unit_of(key, lang))}</td>",
                 _cell(key, base, lang=lang)]
        for value, change in values:
            cells += [_cell(key, value, lang=lang), _cell(key, change, True, lang)]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    base_name = comparison.base.name
    runs = "".join(
        f"<tr><td>{esc(c.name)}</td><td>{esc(c.description)}</td><td>{esc(status_text(c, lang))}"
        f"</td><td>{esc(start_text(c, base_name, lang))}</td>"
        f"<td>{esc(str(c.roster_path or ''))}</td></tr>"
        for c in [comparison.base, *comparison.scenarios])
    params = ", ".join(f"{k} {v}" for k, v in comparison.params.items())
    note = say("compare.note", lang, path=comparison.instance_path, weeks=comparison.weeks,
               params=params, start=say("warm.on" if comparison.warm_start
                                        else "warm.off", lang))
    if comparison.paired:
        note += " " + say("compare.paired", lang)
    run_head = "".join(f"<th>{esc(h)}</th>" for h in say("compare.run_columns", lang).split("|"))
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<title>bemanna compare: {esc(comparison.instance)}</title>
<style>{CSS}</style></head>
<body>
<h1>{esc(say("compare.heading", lang, instance=comparison.instance))}</h1>
<p class="note">{esc(note)}</p>
<table><thead><tr>{"".join(f"<th>{esc(h)}</th>" for h in head)}</tr></thead>
<tbody>{"".join(rows)}</tbody></table>
{"".join(f"<figure>{chart}</figure>" for chart in charts(comparison, lang))}
<h2>{esc(say("compare.runs", lang))}</h2>
<table><thead><tr>{run_head}</tr>
</thead><tbody>{runs}</tbody></table>
</body></html>
"""

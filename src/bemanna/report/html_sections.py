"""report.html's sections after the costs: coverage, resurstid, RÖHS, the roster grid, hours
per employee and the rule check (the page itself: `bemanna.report.html`)."""

from __future__ import annotations

import datetime as dt
from html import escape

from bemanna.labels import (
    BUDGET_LINES,
    ROHS_POLICY,
    SHIFT_KINDS,
    Lang,
    count,
    day_month,
    hours,
    label,
    money,
    number,
    number_or_dash,
    say,
    weekday,
)
from bemanna.report.data import ReportData
from bemanna.report.rohs import rohs_totals
from bemanna.report.simulation import SimulationFigures
from bemanna.report.svg import booked_heatmap, coverage_chart, resurstid_heatmap

KIND_COLOURS = {"day": "#fff2cc", "evening": "#f8cbad", "night": "#9dc3e6", "split": "#d9c3e9"}
LEGEND_COLOURS = ("background:#a9cce3", "background:#c0392b", "background:#e08e0b",
                  "background:#e74c3c;opacity:.5")
"""The coverage legend's swatches: staffed, minimum need, desired need, uncovered."""


def e(value: object) -> str:
    """Escaped for HTML text and attribute values."""
    return escape(str(value), quote=True)


def _heads(key: str, lang: Lang) -> str:
    """A header row from the '|'-joined column heads `key`."""
    return "<tr>" + "".join(f"<th>{e(h)}</th>" for h in say(key, lang).split("|")) + "</tr>"


def coverage_section(data: ReportData, lang: Lang = "sv") -> str:
    picker = ""
    if data.weeks > 1:
        options = "".join(f'<option value="{w}">{e(say("report.week_option", lang, week=w))}'
                          "</option>" for w in range(1, data.weeks + 1))
        picker = (f'<p><label for="week-select">{e(say("report.show_week", lang))}</label>'
                  f'<select id="week-select">{options}</select></p>')
    words = say("report.coverage_legend", lang).split("|")
    legend = ('<p class="legend">' + "".join(
        f'<span><i class="swatch" style="{style}"></i>{e(word)}</span>'
        for style, word in zip(LEGEND_COLOURS, words, strict=True)) + "</p>")
    names = {s.id: s.name for s in data.instance.skills}
    caption = e(say("report.coverage_caption", lang))
    charts = []
    for skill, weeks in data.curves.items():
        title = skill + (f" – {names[skill]}" if names.get(skill) else "")
        charts.append(f'<h3>{e(title)}</h3><figure class="chart" '
                      f'data-chart="coverage-{e(skill)}">{coverage_chart(skill, weeks, lang)}'
                      f"<figcaption>{caption}</figcaption></figure>")
    return (f'<section id="coverage"><h2>{e(say("report.coverage_heading", lang))}</h2>'
            + picker + legend + "".join(charts) + "</section>")


def resurstid_section(data: ReportData, lang: Lang = "sv") -> str:
    bookable, stranded = int(data.bookable.sum()), int(data.stranded.sum())
    note = say("report.resurstid_note", lang, weeks=count(data.weeks, "week", lang),
               bookable=hours(bookable, lang), stranded=hours(stranded, lang),
               total=hours(bookable + stranded, lang))
    return (
        f'<section id="resurstid"><h2>{e(say("report.resurstid_heading", lang))}</h2>'
        f'<p class="note">{e(note)}</p>'
        '<figure class="chart" data-chart="resurstid-heatmap">'
        + resurstid_heatmap(data.bookable, data.stranded, lang)
        + f'<figcaption>{e(say("report.resurstid_caption", lang))}</figcaption></figure>'
        + booked_section(data.simulation, lang) + "</section>")


def booked_section(sim: SimulationFigures | None, lang: Lang = "sv") -> str:
    """Planned versus expected-booked resurspass per weekday × band (with --simulate)."""
    if sim is None:
        command = "<code>--simulate N</code>"
        return f'<p class="note">{say("report.booked_none", lang, command=command)}</p>'
    planned, booked = int(sim.planned.sum()), float(sim.booked.sum())
    used = f" = {number(100 * booked / planned, 1, lang)} %" if planned else ""
    note = say("report.booked_note", lang, planned=hours(planned, lang),
               booked=number(booked / 60, 1, lang), used=used, runs=sim.runs)
    return (
        f'<h3>{e(say("report.booked_heading", lang))}</h3><p class="note">{e(note)}</p>'
        '<figure class="chart" data-chart="resurspass-booked">'
        + booked_heatmap(sim.planned, sim.booked, lang)
        + f'<figcaption>{e(say("report.booked_caption", lang))}</figcaption></figure>')


def _rate(value: float, lang: Lang) -> str:
    return number_or_dash(value, 0 if value == int(value) else 2, lang)


def rohs_section(data: ReportData, lang: Lang = "sv") -> str:
    """Per employee with a RÖHS request: rates, extra contract hours and annual cost."""
    policy = data.instance.rohs
    head_line = e(say("report.rohs_policy", lang, policy=label(ROHS_POLICY, policy.policy, lang),
                      step=_rate(float(policy.step_percent), lang),
                      share=_rate(float(policy.min_share) * 100, lang)))
    title = f'<section id="rohs"><h2>{e(say("report.rohs_heading", lang))}</h2>'
    if data.rohs.empty:
        return (title + f'<p class="note">{head_line}</p><p id="rohs-none">'
                f'{e(say("report.rohs_none", lang))}</p></section>')
    rows = []
    for r in data.rohs.itertuples():
        rows.append(
            f'<tr data-employee="{e(r.employee)}"><td>{e(r.employee)}'
            + (f" <small>{e(r.name)}</small>" if r.name else "") + "</td>"
            + "".join(f'<td class="num">{_rate(v, lang)}</td>' for v in (
                r.current_rate, r.requested_rate, r.granted_rate))
            + f'<td class="num">{hours(r.extra_contract_minutes, lang, 2)}</td>'
            f'<td class="num">{hours(r.annual_extra_contract_minutes, lang, 2)}</td>'
            f'<td class="num">{money(r.cost_ore, lang)}</td>'
            f'<td class="num">{money(r.annual_cost_ore, lang)}</td></tr>')
    total = rohs_totals(data.rohs, data.weeks)
    rows.append(
        f'<tr class="total"><td>{e(label(BUDGET_LINES, "total", lang))}</td><td></td><td></td>'
        f'<td></td><td class="num">{hours(total["extra"], lang, 2)}</td>'
        f'<td class="num">{hours(total["annual_extra"], lang, 2)}</td>'
        f'<td class="num">{money(total["cost"], lang)}</td>'
        f'<td class="num">{money(total["annual_cost"], lang)}</td></tr>')
    term = data.check.costs.get("rohs")
    return (
        title + f'<p class="note">{head_line}</p><div class="scroll">'
        f'<table id="rohs-table">{_heads("report.rohs_columns", lang)}{"".join(rows)}</table>'
        f'</div><p class="note">{e(rohs_footnote(data.weeks, term, lang))}</p></section>')


def rohs_footnote(weeks: int, term: int | None, lang: Lang = "sv") -> str:
    objective = "" if term is None else say("report.rohs_term", lang, amount=money(term, lang))
    return say("report.rohs_footnote", lang, weeks=count(weeks, "week", lang), count=weeks,
               objective=objective)


def _day_head(date: dt.date, lang: Lang) -> str:
    cls = ' class="weekend"' if date.weekday() >= 5 else ""
    return f"<th{cls}>{weekday(date.weekday(), lang)}<br>{e(day_month(date, lang))}</th>"


def _legend(lang: Lang) -> str:
    day = e(label(SHIFT_KINDS, "day", lang))
    return ('<p class="legend">' + "".join(
        f'<span><i class="swatch" style="background:{colour}"></i>'
        f"{e(label(SHIFT_KINDS, k, lang))}</span>" for k, colour in KIND_COLOURS.items())
        + f'<span><b><i>{day}<sup>R</sup></i></b> {e(say("report.resurspass_mark", lang))}'
        '</span><span><i class="swatch" style="background:#d9d9d9"></i>'
        f'{e(say("report.unavailable", lang))}</span></p>')


def roster_section(data: ReportData, lang: Lang = "sv") -> str:
    weeks_row = ['<tr><th class="emp"></th>']
    for w in range(data.weeks):
        monday = data.dates[7 * w]
        words = say("report.iso_week", lang, week=monday.isocalendar().week, number=w + 1)
        weeks_row.append(f'<th colspan="7">{e(words)}</th>')
    weeks_row.append("</tr>")
    head = (f'<tr><th class="emp">{e(say("report.employee", lang))}</th>'
            + "".join(_day_head(d, lang) for d in data.dates) + "</tr>")
    rows = []
    for row in data.grid:
        cells = []
        for cell in row.cells:
            classes = []
            if cell.kind is not None:
                classes.append(f"pass-{cell.kind}")
            if cell.absent:
                classes.append("absent")
            if cell.resurs:
                classes.append("resurs")
            text = cell.text.replace(" R", "") if cell.resurs else cell.text
            text = text or ("–" if cell.absent else "")
            cls = f' class="{" ".join(classes)}"' if classes else ""
            cells.append(f'<td{cls} title="{e(cell.title_in(lang))}">{e(text)}</td>')
        who = e(row.employee) + (f" <small>{e(row.name)}</small>" if row.name else "")
        rows.append(f'<tr class="employee-row" data-employee="{e(row.employee)}">'
                    f'<td class="emp">{who}</td>{"".join(cells)}</tr>')
    return (f'<section id="roster"><h2>{e(say("report.roster_heading", lang))}</h2>'
            + _legend(lang) + '<div class="scroll"><table id="roster-grid">'
            + "".join(weeks_row) + head + "".join(rows) + "</table></div></section>")


def hours_section(data: ReportData, lang: Lang = "sv") -> str:
    rows = []
    for r in data.hours.itertuples():
        minutes = (r.contract_minutes, r.scheduled_minutes,
                   r.scheduled_minutes - r.contract_minutes, r.resurs_minutes)
        counts = (r.passes, r.split_shifts, r.nights, r.weekends)
        wishes = say("report.wishes_of", lang, met=r.wishes_met, wishes=r.wishes)
        rows.append(
            f'<tr data-employee="{e(r.employee)}"><td>{e(r.employee)}</td>'
            f'<td class="num">{number(r.employment_rate, 0, lang)}</td>'
            + "".join(f'<td class="num">{hours(m, lang)}</td>' for m in minutes)
            + "".join(f'<td class="num">{c}</td>' for c in counts)
            + f'<td class="num">{e(wishes)}</td></tr>')
    return (f'<section id="hours"><h2>{e(say("report.hours_heading", lang))}</h2>'
            f'<div class="scroll"><table id="employee-hours">'
            f'{_heads("report.hours_columns", lang)}{"".join(rows)}</table></div></section>')


def check_section(data: ReportData, lang: Lang = "sv") -> str:
    heading = f'<section id="check"><h2>{e(say("report.check_heading", lang))}</h2>'
    if data.check.ok:
        return f'{heading}<p class="ok">{e(say("report.check_ok", lang))}</p></section>'
    items = "".join(f"<li>{e(v.rule)}: {e(v.text(lang))}</li>"
                    for v in data.check.violations[:50])
    more = len(data.check.violations) - 50
    tail = f"<li>{e(say('report.more', lang, more=more))}</li>" if more > 0 else ""
    broken = say("report.violations", lang, count=len(data.check.violations))
    return f'{heading}<p class="bad">{e(broken)}</p><ul>{items}{tail}</ul></section>'

"""Inline SVG charts for report.html, drawn here in Python (no script, no network).

Each function returns one `<svg>` element as text, sized by its viewBox so that it scales to
the page width. Every text that comes from the instance is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

import numpy as np
import pandas as pd

from bemanna.labels import (
    BANDS,
    BUDGET_LINES,
    Lang,
    hours,
    label,
    money_whole,
    number_or_dash,
    say,
    weekday,
)
from bemanna.report.data import Step
from bemanna.units import MINUTES_PER_DAY, MINUTES_PER_WEEK

STAFFED, NEED_MIN, NEED_DESIRED, UNCOVERED = "#4a90c2", "#c0392b", "#e08e0b", "#e74c3c"


def _num(value: float) -> str:
    """A coordinate with at most one decimal ('12', '12.5')."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _svg(width: int, height: int, body: Sequence[str], label: str) -> str:
    return (f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" '
            f'preserveAspectRatio="xMinYMin meet" aria-label="{escape(label)}">'
            + "".join(body) + "</svg>")


@dataclass(frozen=True)
class Frame:
    """The plot area of a chart and its scales."""

    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    x_max: float
    y_max: float

    @property
    def plot_w(self) -> float:
        return self.width - self.left - self.right

    @property
    def plot_h(self) -> float:
        return self.height - self.top - self.bottom

    def x(self, value: float) -> str:
        return _num(self.left + value / self.x_max * self.plot_w)

    def y(self, value: float) -> str:
        return _num(self.top + self.plot_h - value / self.y_max * self.plot_h)


# --- demand vs staffed, per skill over a week ------------------------------------------------


def _step_rest(frame: Frame, steps: Sequence[Step], value: str) -> str:
    """The path of a step function after its first point: horizontal runs joined by
    vertical jumps."""
    parts = []
    for i, step in enumerate(steps):
        parts.append(f"H{frame.x(step.end)}")
        if i + 1 < len(steps) and getattr(steps[i + 1], value) != getattr(step, value):
            parts.append(f"V{frame.y(getattr(steps[i + 1], value))}")
    return "".join(parts)


def _step_line(frame: Frame, steps: Sequence[Step], value: str) -> str:
    first = steps[0]
    return f"M{frame.x(first.start)} {frame.y(getattr(first, value))}" + _step_rest(
        frame, steps, value)


def _y_ticks(y_max: int) -> list[int]:
    step = 1 if y_max <= 10 else 2 if y_max <= 20 else 5 if y_max <= 50 else 10
    return list(range(0, y_max + 1, step))


def coverage_chart(skill: str, weeks: Sequence[Sequence[Step]], lang: Lang = "sv") -> str:
    """Minimum need, desired need and staffed headcount over Monday–Sunday, one `<g>` per
    horizon week (only week 1 shown until the page's week selector picks another);
    uncovered minimum need shaded red."""
    y_max = max(1, *(max(s.need_min, s.need_desired, s.staffed) for w in weeks for s in w))
    frame = Frame(960, 230, 34, 8, 10, 40, MINUTES_PER_WEEK, y_max + 0.5)
    body = []
    for tick in _y_ticks(y_max):
        body.append(f'<line class="grid" x1="{frame.left}" x2="{frame.width - frame.right}" '
                    f'y1="{frame.y(tick)}" y2="{frame.y(tick)}"/>'
                    f'<text class="tick" x="{frame.left - 6}" y="{frame.y(tick)}" '
                    f'text-anchor="end" dominant-baseline="middle">{tick}</text>')
    for day in range(8):
        x = frame.x(day * MINUTES_PER_DAY)
        body.append(f'<line class="day" x1="{x}" x2="{x}" y1="{frame.top}" '
                    f'y2="{frame.height - frame.bottom}"/>')
        if day < 7:
            for hour in (6, 12, 18):
                xh = frame.x(day * MINUTES_PER_DAY + hour * 60)
                body.append(f'<text class="tick" x="{xh}" y="{frame.height - frame.bottom + 12}"'
                            f' text-anchor="middle">{hour:02d}</text>')
            body.append(f'<text class="axis" x="{frame.x(day * MINUTES_PER_DAY + 720)}" '
                        f'y="{frame.height - 6}" text-anchor="middle">'
                        f'{weekday(day, lang)}</text>')
    base = frame.y(0)
    for number, steps in enumerate(weeks, start=1):
        shown = "inline" if number == 1 else "none"
        area = (f"M{frame.x(0)} {base}V{frame.y(steps[0].staffed)}"
                + _step_rest(frame, steps, "staffed") + f"V{base}Z")
        gaps = "".join(
            f'<rect class="uncovered" x="{frame.x(s.start)}" y="{frame.y(s.need_min)}" '
            f'width="{_num(float(frame.x(s.end)) - float(frame.x(s.start)))}" '
            f'height="{_num(float(frame.y(s.staffed)) - float(frame.y(s.need_min)))}"/>'
            for s in steps if s.staffed < s.need_min)
        body.append(
            f'<g class="week" data-week="{number}" display="{shown}">'
            f'<path class="staffed" d="{area}"/>{gaps}'
            f'<path class="need-desired" d="{_step_line(frame, steps, "need_desired")}"/>'
            f'<path class="need-min" d="{_step_line(frame, steps, "need_min")}"/></g>')
    return _svg(frame.width, frame.height, body, say("report.chart_coverage", lang, skill=skill))


# --- resurstid heatmap -----------------------------------------------------------------------


def _shade(share: float) -> str:
    """White (0) to deep orange (1)."""
    low, high = (255, 247, 236), (215, 48, 31)
    rgb = (round(a + (b - a) * share) for a, b in zip(low, high, strict=True))
    return "#" + "".join(f"{c:02x}" for c in rgb)


def resurstid_heatmap(bookable: np.ndarray, stranded: np.ndarray, lang: Lang = "sv") -> str:
    """Weekday × hour cells coloured by resurstid hours (bookable + stranded), summed over
    the horizon; each cell's tooltip gives the split."""
    total = bookable + stranded
    top = int(total.max())
    left, head, cell_w, cell_h = 44, 22, 38, 28
    width, height = left + 24 * cell_w + 8, head + 7 * cell_h + 8
    body = []
    for hour in range(24):
        body.append(f'<text class="tick" x="{left + hour * cell_w + cell_w / 2}" y="14" '
                    f'text-anchor="middle">{hour:02d}</text>')
    for day in range(7):
        y = head + day * cell_h
        body.append(f'<text class="axis" x="{left - 8}" y="{y + cell_h / 2}" text-anchor="end" '
                    f'dominant-baseline="middle">{weekday(day, lang)}</text>')
        for hour in range(24):
            minutes = int(total[day, hour])
            share = minutes / top if top else 0.0
            x = left + hour * cell_w
            tip = say("report.resurstid_tip", lang, day=weekday(day, lang),
                      hours=f"{hour:02d}–{hour + 1:02d}", total=hours(minutes, lang),
                      bookable=hours(int(bookable[day, hour]), lang),
                      stranded=hours(int(stranded[day, hour]), lang))
            body.append(f'<rect class="cell" x="{x}" y="{y}" width="{cell_w - 1}" '
                        f'height="{cell_h - 1}" fill="{_shade(share)}" '
                        f'data-minutes="{minutes}"><title>{escape(tip)}</title></rect>')
            if minutes:
                colour = "#fff" if share > 0.6 else "#333"
                body.append(f'<text class="value" x="{x + cell_w / 2}" y="{y + cell_h / 2}" '
                            f'text-anchor="middle" dominant-baseline="middle" fill="{colour}">'
                            f'{hours(minutes, lang)}</text>')
    return _svg(width, height, body, say("report.resurstid_heading", lang))


PANELS = ("planned", "booked")


def booked_heatmap(planned: np.ndarray, booked: np.ndarray, lang: Lang = "sv") -> str:
    """Two heatmaps side by side on one scale, weekday × time band: the roster's resurspass
    hours (planned) and the hours the absence simulation books onto absences (mean over the
    runs). A cell's tooltip gives both and the cell's utilisation."""
    values = {"planned": planned.astype(float), "booked": booked.astype(float)}
    top = max(float(planned.max()), float(booked.max()))
    left, head, cell_w, cell_h, gap = 44, 50, 100, 28, 36
    bands = [label(BANDS, band, lang) for band in BANDS]
    panel_w = left + len(bands) * cell_w
    width, height = 2 * panel_w + gap, head + 7 * cell_h + 8
    body = []
    titles = say("report.panels", lang).split("|")
    for p, (panel, title) in enumerate(zip(PANELS, titles, strict=True)):
        x0 = p * (panel_w + gap)
        body.append(f'<g class="panel" data-panel="{panel}">')
        body.append(f'<text class="axis" x="{x0 + left}" y="13" font-weight="bold">'
                    f"{escape(title)}</text>")
        for b, name in enumerate(bands):
            centre = x0 + left + b * cell_w + cell_w / 2
            word, clock = name.rsplit(" ", 1)  # 'förmiddag', '07–13' on two lines
            body.append(f'<text class="tick" x="{centre}" y="29" text-anchor="middle">'
                        f'{escape(word)}</text><text class="tick" x="{centre}" y="43" '
                        f'text-anchor="middle">{escape(clock)}</text>')
        for day in range(7):
            y = head + day * cell_h
            body.append(f'<text class="axis" x="{x0 + left - 8}" y="{y + cell_h / 2}" '
                        f'text-anchor="end" dominant-baseline="middle">'
                        f"{weekday(day, lang)}</text>")
            for b, name in enumerate(bands):
                minutes = float(values[panel][day, b])
                plan, got = int(planned[day, b]), float(booked[day, b])
                share = minutes / top if top else 0.0
                x = x0 + left + b * cell_w
                used = f" ({number_or_dash(100 * got / plan, 1, lang)} %)" if plan else ""
                tip = say("report.booked_tip", lang, day=weekday(day, lang), band=name,
                          planned=hours(plan, lang), booked=number_or_dash(got / 60, 1, lang),
                          used=used)
                body.append(f'<rect class="cell" x="{x}" y="{y}" width="{cell_w - 1}" '
                            f'height="{cell_h - 1}" fill="{_shade(share)}" '
                            f'data-minutes="{_num(minutes)}"><title>{escape(tip)}</title></rect>')
                if minutes >= 0.05 * 60:
                    colour = "#fff" if share > 0.6 else "#333"
                    body.append(f'<text class="value" x="{x + cell_w / 2}" y="{y + cell_h / 2}" '
                                f'text-anchor="middle" dominant-baseline="middle" '
                                f'fill="{colour}">{number_or_dash(minutes / 60, 1, lang)}</text>')
        body.append("</g>")
    return _svg(width, height, body, say("report.chart_booked", lang))


# --- cost vs budget ---------------------------------------------------------------------------


def cost_budget_chart(budget: pd.DataFrame, lang: Lang = "sv") -> str:
    """One row per budget line and the total, each on its own scale (personnel is a hundred
    times overtime): forecast as a bar, the budget as a black mark with a grey band; green
    within budget, red over. A line without a budget is a blue bar of its share of the total
    forecast. The amounts are written under the bar, from its start: beside it they ran past
    the right edge of the view box and were clipped at every width (issue 17.10)."""
    row_h, label_w, bar_x, bar_w = 56, 230, 240, 700
    width, height = 960, 8 + row_h * len(budget)
    whole = int(budget["forecast_ore"].sum() - budget.loc[budget["line"] == "total",
                                                          "forecast_ore"].sum())
    body = []
    for i, r in enumerate(budget.itertuples()):
        y = 10 + i * row_h
        forecast = int(r.forecast_ore)
        planned = None if pd.isna(r.budget_ore) else int(r.budget_ore)
        # A line with a budget is drawn against it; one without, as its share of the total.
        scale = max(forecast, planned or 0, 1) * 1.08 if planned is not None else max(whole, 1)
        line = str(r.line)
        weight = ' font-weight="bold"' if line == "total" else ""
        body.append(f'<text class="axis" x="{label_w}" y="{y + 14}" text-anchor="end"{weight}>'
                    f'{escape(label(BUDGET_LINES, line, lang))}</text>')
        colour = "#5b8db8" if planned is None else ("#3a9d5d" if forecast <= planned
                                                    else "#c0392b")
        if planned is not None:
            body.append(f'<rect class="budget-band" x="{bar_x}" y="{y}" '
                        f'width="{_num(planned / scale * bar_w)}" height="24" fill="#e6e6e6"/>')
        body.append(f'<rect class="forecast" data-line="{escape(line)}" x="{bar_x}" '
                    f'y="{y + 5}" width="{_num(max(forecast / scale * bar_w, 1))}" height="14" '
                    f'fill="{colour}"/>')
        if planned is not None:
            mark = _num(bar_x + planned / scale * bar_w)
            body.append(f'<line class="budget-mark" x1="{mark}" x2="{mark}" y1="{y - 2}" '
                        f'y2="{y + 26}"/>')
        text = say("report.chart_forecast", lang, amount=money_whole(forecast, lang))
        if planned is None:
            text += say("report.chart_no_budget", lang)
        else:
            pct = ("" if pd.isna(r.deviation_pct)
                   else f" ({number_or_dash(float(r.deviation_pct), 1, lang)} %)")
            text += say("report.chart_budget", lang, budget=money_whole(planned, lang),
                        deviation=money_whole(int(r.deviation_ore), lang), pct=pct)
        body.append(f'<text class="amount" x="{bar_x}" y="{y + 42}">{escape(text)}</text>')
    return _svg(width, height, body, say("report.chart_costs", lang))

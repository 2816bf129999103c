"""`bemanna simulate ROSTER_DIR --instance INSTANCE [--runs 1000] [--seed 0] [--json FILE]`.

roster.json records the instance's name, not its file, so the instance is given with
--instance; its name and horizon must be the roster's. Exit codes: 0 done, 2 bad input
(missing or unreadable roster, instance mismatch, a cost model lacking a rate, an unwritable
--json). Heavy imports happen when the command runs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from bemanna.cli.console import (
    EXIT_BAD_INPUT,
    bad_input,
    console,
    err,
    error_word,
    load_or_exit,
    out_file_or_exit,
    roster_for_or_exit,
    say_moved,
)
from bemanna.cli.options import LangOption, Language, lang_of
from bemanna.labels.phrases import render

if TYPE_CHECKING:
    from rich.console import Console

    from bemanna.instance import Instance
    from bemanna.labels import Lang
    from bemanna.simulation.result import SimulationResult


def _value(value: Any, unit: str, lang: Lang = "sv") -> str:
    """SEK in thousands (tkr, as the municipal reports), hours whole, percent one decimal."""
    from bemanna.labels import number

    if value is None or value != value:  # None or NaN
        return "–"
    if unit == "SEK":
        return number(float(value) / 1000, 1, lang)
    if unit == "h":
        return number(float(value), 0, lang)
    return number(float(value), 1, lang)


UNIT_LABEL = {"sv": {"SEK": "tkr", "h": "tim", "%": "%"}, "en": {"SEK": "tkr", "h": "h", "%": "%"}}
WHY_EMPTY = {"resurstid_utilisation": "sim.no_resurspass"}
"""Why a figure has no value in any run (its row is left out and this is said instead)."""


def _empty(value: Any) -> bool:
    return value is None or value != value  # None or NaN


def _figure(metric: str, lang: Lang) -> str:
    from bemanna.labels import label
    from bemanna.labels.terminal_words import SIMULATION_FIGURES

    return label(SIMULATION_FIGURES, metric, lang)


def print_simulation(console: Console, instance: Instance, result: SimulationResult,
                     lang: Lang = "sv") -> None:
    """The summary as two tables, the period and a year: planned (no absence), the mean and
    the 90 % interval (5th to 95th percentile) over the runs; in `lang`."""
    from rich.table import Table

    from bemanna.labels import number, percent
    from bemanna.labels.phrases import Counted, render

    def say(key: str, **fields: object) -> str:
        return render(key, lang, fields)

    summary = result.summary()
    rows = summary.to_dict(orient="records")
    empty = [r for r in rows if all(_empty(r[k]) for k in ("planned", "mean", "p5", "p95"))]
    rows = [r for r in rows if r not in empty]
    for title, prefix in ((say("sim.per_period", weeks=Counted(result.weeks, "week")), ""),
                          (say("sim.per_year", weeks=result.weeks), "annual_")):
        table = Table(title=say("sim.title", instance=result.instance, period=title))
        first, *headers = say("sim.columns").split("|")
        table.add_column(first)
        for header in headers:
            table.add_column(header, justify="right")
        for row in rows:
            unit = str(row["unit"])
            low, high = row[f"{prefix}p5"], row[f"{prefix}p95"]
            table.add_row(f"{_figure(str(row['metric']), lang)} ({UNIT_LABEL[lang][unit]})",
                          _value(row[f"{prefix}planned"], unit, lang),
                          _value(row[f"{prefix}mean"], unit, lang),
                          f"{_value(low, unit, lang)} – {_value(high, unit, lang)}")
        console.print(table)
    for row in empty:  # a row of dashes says nothing: one sentence instead (issue 17.10)
        metric = str(row["metric"])
        console.print(say("sim.not_shown", figure=_figure(metric, lang),
                          why=say(WHY_EMPTY.get(metric, "sim.no_value"))), highlight=False)
    fallback = float(result.per_run["fallback_minutes"].mean()) / 60
    if fallback > 0:
        console.print(say("sim.fallback", hours=number(fallback, 1, lang)), highlight=False)
    profile = instance.absence
    rate = percent(float(profile.rate) * 100, lang)
    source = (say("sim.history", path=profile.history_csv.path, rate=rate)
              if profile.history_csv is not None else say("sim.rate", rate=rate))
    per_second = result.runs / result.seconds if result.seconds > 0 else float("inf")
    spell = float(profile.spell_mean_days)
    days = (f"{number(spell, 0 if spell.is_integer() else 1, lang)} "
            f"{'dag' if spell == 1 else 'dagar'}" if lang == "sv"
            else f"{number(spell, 0 if spell.is_integer() else 1, lang)} "
                 f"day{'' if spell == 1 else 's'}")
    console.print(say("sim.footer", source=source, days=days, runs=Counted(result.runs, "run"),
                      seed=result.seed, seconds=number(result.seconds, 2, lang),
                      per_second=number(per_second, 0, lang) if per_second != float("inf")
                      else "∞"), highlight=False, markup=False)


def simulate_command(
    roster_dir: Annotated[Path, typer.Argument(help="Folder holding roster.json (or the file).")],
    instance: Annotated[Path, typer.Option(
        "--instance", "-i", help="The instance file the roster was solved from (required: "
        "roster.json records only the instance's name).")],
    runs: Annotated[int, typer.Option(min=1, max=1_000_000, help="Simulated periods.")] = 1000,
    seed: Annotated[int, typer.Option(min=0, help="Seed of the random draws.")] = 0,
    json_out: Annotated[Path | None, typer.Option(
        "--json", help="Also write the summary, settings and booked resurstid as JSON.")] = None,
    lang: LangOption = Language.sv,
) -> None:
    """Simulate sick leave over a roster: what refilling absences costs (docs/resurstid.md)."""
    import bemanna
    from bemanna.instance import InstanceError
    from bemanna.roster import RosterError, write_file_with_fallback

    language = lang_of(lang)
    inst = load_or_exit(instance, language)
    roster = roster_for_or_exit(inst, roster_dir, language)
    if json_out is not None:
        out_file_or_exit(json_out, "--json")
    try:
        result = bemanna.simulate(inst, roster, runs=runs, seed=seed)
    except (InstanceError, RosterError) as exc:
        raise bad_input(exc, language) from None
    print_simulation(console, inst, result, language)
    if json_out is not None:
        text = json.dumps(result.to_json(), indent=1, ensure_ascii=False, default=_plain)
        try:
            saved = write_file_with_fallback(json_out, text + "\n")
        except OSError as exc:
            err.print(f"[bold red]{error_word(language)}[/]: " + render(
                "cannot_write", language, {"option": "--json", "path": json_out,
                                           "reason": exc.strerror}), highlight=False)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        say_moved(saved, "summary", language)
        console.print(render("written_to", language, {"path": saved.value}), highlight=False)


def _plain(value: object) -> object:
    """numpy scalars as plain numbers for JSON."""
    item = getattr(value, "item", None)
    if callable(item):
        return item()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")

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
    load_or_exit,
    roster_for_or_exit,
)

if TYPE_CHECKING:
    from rich.console import Console

    from bemanna.instance import Instance
    from bemanna.simulation.result import SimulationResult


def _value(value: Any, unit: str) -> str:
    """SEK in thousands (tkr, as the municipal reports), hours whole, percent one decimal."""
    if value is None or value != value:  # None or NaN
        return "–"
    if unit == "SEK":
        return f"{float(value) / 1000:,.1f}".replace(",", " ")
    if unit == "h":
        return f"{float(value):,.0f}".replace(",", " ")
    return f"{float(value):.1f}"


UNIT_LABEL = {"SEK": "tkr", "h": "h", "%": "%"}


def print_simulation(console: Console, instance: Instance, result: SimulationResult) -> None:
    """The summary as two tables, the period and a year: planned (no absence), the mean and
    the 90 % interval (5th to 95th percentile) over the runs."""
    from rich.table import Table

    from bemanna.simulation.result import LABELS

    summary = result.summary()
    for title, prefix in ((f"per period ({result.weeks} weeks)", ""),
                          (f"per year (× 52 / {result.weeks})", "annual_")):
        table = Table(title=f"Absence simulation of {result.instance}, {title}")
        table.add_column("figure")
        for header in ("planned", "mean", "90 % interval"):
            table.add_column(header, justify="right")
        for row in summary.to_dict(orient="records"):
            unit = str(row["unit"])
            low, high = row[f"{prefix}p5"], row[f"{prefix}p95"]
            table.add_row(f"{LABELS.get(str(row['metric']), row['metric'])} "
                          f"({UNIT_LABEL[unit]})",
                          _value(row[f"{prefix}planned"], unit), _value(row[f"{prefix}mean"], unit),
                          f"{_value(low, unit)} – {_value(high, unit)}")
        console.print(table)
    fallback = float(result.per_run["fallback_minutes"].mean()) / 60
    if fallback > 0:
        console.print(f"Note: {fallback:,.1f} h per period (mean) were meant for overtime but "
                      "nobody could work them within the rules and caps; they were bought from "
                      "agency (or temps where the skill has no agency price).", highlight=False)
    profile = instance.absence
    source = (f"history {profile.history_csv.path} (else rate {float(profile.rate):.1%})"
              if profile.history_csv is not None else f"rate {float(profile.rate):.1%}")
    per_second = result.runs / result.seconds if result.seconds > 0 else float("inf")
    console.print(
        f"Absence: {source}, spells of {float(profile.spell_mean_days):g} days on average; "
        f"{result.runs} runs, seed {result.seed}, {result.seconds:.2f} s "
        f"({per_second:,.0f} runs/s). Planned: the roster as priced without absence; the "
        "temp, overtime and agency lines include its own uncovered need.", highlight=False)


def simulate_command(
    roster_dir: Annotated[Path, typer.Argument(help="Folder holding roster.json (or the file).")],
    instance: Annotated[Path, typer.Option(
        "--instance", "-i", help="The instance file the roster was solved from (required: "
        "roster.json records only the instance's name).")],
    runs: Annotated[int, typer.Option(min=1, max=1_000_000, help="Simulated periods.")] = 1000,
    seed: Annotated[int, typer.Option(min=0, help="Seed of the random draws.")] = 0,
    json_out: Annotated[Path | None, typer.Option(
        "--json", help="Also write the summary, settings and booked resurstid as JSON.")] = None,
) -> None:
    """Simulate sick leave over a roster: what refilling absences costs (docs/resurstid.md)."""
    import bemanna
    from bemanna.instance import InstanceError
    from bemanna.roster import RosterError, write_atomic

    inst = load_or_exit(instance)
    roster = roster_for_or_exit(inst, roster_dir)
    if json_out is not None and json_out.is_dir():
        err.print(f"[bold red]error[/]: --json: {json_out} is a folder", highlight=False)
        raise typer.Exit(EXIT_BAD_INPUT)
    try:
        result = bemanna.simulate(inst, roster, runs=runs, seed=seed)
    except (InstanceError, RosterError) as exc:
        raise bad_input(exc) from None
    print_simulation(console, inst, result)
    if json_out is not None:
        text = json.dumps(result.to_json(), indent=1, ensure_ascii=False, default=_plain)
        try:
            write_atomic(json_out, text + "\n")
        except OSError as exc:
            err.print(f"[bold red]error[/]: --json: cannot write {json_out}: {exc.strerror}",
                      highlight=False)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        console.print(f"Written to {json_out}", highlight=False)


def _plain(value: object) -> object:
    """numpy scalars as plain numbers for JSON."""
    item = getattr(value, "item", None)
    if callable(item):
        return item()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")

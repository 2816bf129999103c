"""`bemanna compare BASE SCENARIO...`: the scenarios solved alike, figures side by side in the
terminal, compare.xlsx and compare.html."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bemanna.cli.console import (
    EXIT_VIOLATION,
    bad_input,
    console,
    err,
    out_folder_or_exit,
    say_moved,
)
from bemanna.cli.options import (
    DeterministicTimeOption,
    LangOption,
    Language,
    Strategy,
    StrategyOption,
    lang_of,
)

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from bemanna.batch.warm import Start
    from bemanna.comparison.run import Comparison
    from bemanna.labels import Lang


def compare_command(
    base: Annotated[Path, typer.Argument(help="Instance file, or a scenario file with a base.")],
    scenarios: Annotated[list[Path], typer.Argument(help="Scenario files (YAML).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path(
        "out/compare"),
    time_limit: Annotated[float, typer.Option(min=0.1, help="Seconds per solve.")] = 30.0,
    workers: Annotated[int, typer.Option(min=1, max=64, help="CP-SAT workers.")] = 2,
    seed: Annotated[int, typer.Option(min=0)] = 0,
    deterministic_time: DeterministicTimeOption = None,
    strategy: StrategyOption = Strategy.auto,
    simulate: Annotated[int, typer.Option(
        min=0, max=100_000, help="Also simulate sick leave over each roster, this many runs "
                                 "(the same runs for every scenario; docs/resurstid.md).")] = 0,
    cold: Annotated[bool, typer.Option(
        "--cold", help="Solve each scenario from scratch, independent of the base (default: "
                       "start from the base's roster, and the base goes on from it for as "
                       "long).")] = False,
    lang: LangOption = Language.sv,
) -> None:
    """Solve BASE and each SCENARIO with the same limits; show the figures side by side with
    deltas against the base, annualised; write OUT/compare.xlsx, OUT/compare.html and a
    roster per scenario under OUT/<scenario>/. The base is solved first and each scenario
    starts from its roster (a warm start) unless --cold; the base is then solved again from
    that roster for as long (the continued base), so the deltas compare equal search."""
    import bemanna
    from bemanna.comparison.output import write_outputs
    from bemanna.comparison.run import (
        plan,
        run_plan,
        simulate_columns,
        start_text,
        status_text,
    )
    from bemanna.labels import say
    from bemanna.labels.phrases import Counted, render
    from bemanna.roster import write_with_fallback
    from bemanna.scenario import ScenarioError

    language = lang_of(lang)
    out_folder_or_exit(out)
    params = bemanna.SolverParams(time_limit=time_limit, workers=workers, seed=seed,
                                  deterministic_time=deterministic_time,
                                  strategy=strategy.value)
    try:
        instance_path, planned = plan(base, scenarios, params)
    except ScenarioError as exc:
        raise bad_input(exc, language) from None
    err.print(render("compare.start", language, {
        "rosters": len(planned), "instance": f"[bold]{planned[0].spec.instance}[/]",
        "limit": f"{time_limit:g}", "workers": Counted(workers, "worker"), "seed": seed,
        "strategy": strategy.value}), highlight=False)
    base_name = planned[0].scenario.name

    def on_start(name: str, start: Start) -> None:
        if start == "reference":
            line = render("compare.solving", language, {"name": name})
        else:
            line = render("compare.solving_from", language, {"name": name, "start": say(
                f"warm.{start}", language, base=base_name)})
        err.print(line, highlight=False, markup=False)

    comparison = run_plan(instance_path, planned, out, on_start, warm_start=not cold)
    if simulate:
        err.print(render("compare.simulating", language, {"runs": Counted(simulate, "run"),
                                                          "seed": seed}), highlight=False)
        simulate_columns(planned, comparison, simulate, seed)
    # Wide enough for every column: a table of numbers is unreadable when wrapped.
    wide(console, 50 + 30 * (1 + len(comparison.scenarios))).print(
        terminal_table(comparison, language))
    for column in [comparison.base, *comparison.scenarios]:
        how = ("" if column.start == "reference"
               else f"; {start_text(column, base_name, language)}")
        console.print(f"{column.name}: {status_text(column, language)}{how}", highlight=False,
                      markup=False)
    written = write_with_fallback(out, lambda folder: write_outputs(comparison, folder,
                                                                    language))
    say_moved(written, "compare", language)
    xlsx, html_path = written.value
    console.print(render("compare.written", language, {"xlsx": xlsx, "html": html_path,
                                                       "out": out}), highlight=False)
    if not comparison.ok:
        raise typer.Exit(EXIT_VIOLATION)


def wide(console: Console, width: int) -> Console:
    """A console on the same output at least `width` columns wide (tables of numbers are
    unreadable when wrapped)."""
    from rich.console import Console

    return Console(file=console.file, width=max(console.width, width), soft_wrap=True,
                   no_color=console.no_color)


def terminal_table(comparison: Comparison, lang: Lang = "sv") -> Table:
    from rich.table import Table

    from bemanna.labels import COLUMNS, label, say
    from bemanna.pricing.figures import display, label_of, unit_of

    table = Table(title=say("compare.title", lang, instance=comparison.instance,
                            base=comparison.base.name))
    table.add_column(label(COLUMNS, "figure", lang), no_wrap=True)
    table.add_column(label(COLUMNS, "unit", lang), no_wrap=True)
    table.add_column(comparison.base.name, justify="right", no_wrap=True)
    for column in comparison.scenarios:
        table.add_column(column.name, justify="right", no_wrap=True)
        table.add_column("Δ", justify="right", no_wrap=True)
    for key, base, values in comparison.rows():
        cells = [label_of(key, lang), unit_of(key, lang), display(key, base, lang=lang)]
        for value, change in values:
            cells += [display(key, value, lang=lang), display(key, change, True, lang)]
        table.add_row(*cells)
    return table

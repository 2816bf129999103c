"""`bemanna report ROSTER_DIR --instance INSTANCE [--out DIR] [--simulate N [--seed S]]` and
the pricing step of `bemanna solve` (the terminal cost table, `--report`, `--simulate`).

With --simulate N the reports also show an absence simulation of the roster
(`bemanna.simulation.simulate(instance, roster, runs=N, seed=S)`): resurstid utilisation, absence
cost per year, overtime share, and planned versus expected-booked resurspass; its summary
table is printed after the cost table.

roster.json records the instance's name, not its file, so the instance is given with
--instance; its name and horizon must be the roster's. Exit codes: 0 written, 1 written but
the roster breaks a hard rule, 2 bad input (missing or unreadable roster, instance mismatch,
a cost model lacking a salary or rate the pricing needs, an unwritable --out).

Imports of the heavy parts (checker, pricing, openpyxl) happen when a command runs, so that
`bemanna --help` stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bemanna.cli.console import (
    EXIT_BAD_INPUT,
    EXIT_VIOLATION,
    bad_input,
    console,
    err,
    load_or_exit,
    out_folder_or_exit,
    print_problems,
    roster_for_or_exit,
    say_moved,
)
from bemanna.cli.options import LangOption, Language, lang_of

if TYPE_CHECKING:
    from rich.console import Console

    from bemanna.checker import CheckReport
    from bemanna.instance import Instance
    from bemanna.labels import Lang
    from bemanna.pricing import Pricing
    from bemanna.roster import Roster
    from bemanna.simulation.result import SimulationResult


def run_simulation(console: Console, instance: Instance, roster: Roster, runs: int,
                   seed: int, lang: Lang = "sv") -> SimulationResult:
    """Simulate absences over the roster and print the summary tables.

    Raises InstanceError (a rate the simulation needs) or RosterError (not the instance's
    roster), as `simulate` does."""
    import bemanna
    from bemanna.cli.simulate import print_simulation

    result = bemanna.simulate(instance, roster, runs=runs, seed=seed)
    print_simulation(console, instance, result, lang)
    return result


def price_or_none(err: Console, instance: Instance, roster: Roster,
                  lang: Lang = "sv") -> Pricing | None:
    """The roster priced (bemanna.price), or None after saying on err, in `lang`, why the cost
    model cannot price it (the roster is already written)."""
    import bemanna
    from bemanna.instance import InstanceError
    from bemanna.labels.phrases import render

    try:
        return bemanna.price(instance, roster)
    except InstanceError as exc:
        print_problems(err, render("report.cannot_price", lang, {"source": exc.source}),
                       exc.problems, lang)
        return None


def price_and_report(console: Console, err: Console, instance: Instance, roster: Roster,
                     check: CheckReport, report_dir: Path | None,
                     simulate_runs: int | None = None, seed: int = 0,
                     pricing: Pricing | None = None, show_costs: bool = True,
                     lang: Lang = "sv") -> bool:
    """After a solve: print the cost table (unless `show_costs` is off) and, with report_dir,
    write the two reports (with simulate_runs, after an absence simulation of that many runs
    from `seed`). `pricing`: the roster already priced.

    Returns False (after saying so on err) when the cost model cannot price the roster, the
    simulation cannot run or the reports cannot be written; the roster is already written.
    """
    from bemanna.cli.console import error_word
    from bemanna.cli.summary_costs import print_costs
    from bemanna.instance import InstanceError
    from bemanna.labels import say
    from bemanna.labels.phrases import render

    if pricing is None:
        pricing = price_or_none(err, instance, roster, lang)
        if pricing is None:
            return False
    if show_costs:
        print_costs(console, pricing, lang)
    if report_dir is not None:
        from bemanna.report.build import write_reports
        from bemanna.roster import RosterError, write_with_fallback

        simulation = None
        if simulate_runs is not None:
            try:
                simulation = run_simulation(console, instance, roster, simulate_runs, seed, lang)
            except (InstanceError, RosterError) as exc:
                print_problems(err, render("report.cannot_simulate", lang,
                                           {"source": exc.source}), exc.problems, lang)
                return False
        try:  # a folder that refuses now: the reports go to a temporary folder
            written = write_with_fallback(report_dir, lambda folder: write_reports(
                folder, instance, roster, check, pricing, simulation, lang))
        except OSError as exc:
            cannot = render("report.cannot_write", lang, {"folder": report_dir,
                                                          "reason": exc.strerror})
            err.print(f"[bold red]{error_word(lang)}[/]: {cannot}", highlight=False)
            return False
        say_moved(written, "reports", lang)
        xlsx, html = written.value
        console.print(say("reports.written", lang, xlsx=xlsx, html=html), highlight=False)
    return True


def report_command(
    roster_dir: Annotated[Path, typer.Argument(help="Folder holding roster.json (or the file).")],
    instance: Annotated[Path, typer.Option(
        "--instance", "-i", help="The instance file the roster was solved from (required: "
        "roster.json records only the instance's name).")],
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="Folder for report.xlsx and report.html (default: the roster's "
        "folder).")] = None,
    simulate: Annotated[int | None, typer.Option(
        "--simulate", min=1, max=1_000_000, help="Also simulate sick leave over the roster "
        "with this many runs: resurstid utilisation, absence cost and planned versus booked "
        "resurspass in the reports (docs/resurstid.md).")] = None,
    seed: Annotated[int, typer.Option(
        min=0, help="Seed of the simulation's random draws (with --simulate).")] = 0,
    lang: LangOption = Language.sv,
) -> None:
    """Write report.xlsx and report.html for a solved roster (docs/reports.md)."""
    import bemanna
    from bemanna.cli.console import error_word
    from bemanna.cli.summary_costs import print_costs
    from bemanna.instance import InstanceError
    from bemanna.labels import say
    from bemanna.labels.phrases import render
    from bemanna.pricing.verdict import SearchFacts, verdict
    from bemanna.report.build import write_reports
    from bemanna.roster import RosterError, write_with_fallback

    language = lang_of(lang)
    inst = load_or_exit(instance)
    roster = roster_for_or_exit(inst, roster_dir)
    source = roster_dir / "roster.json" if roster_dir.is_dir() else roster_dir
    target = out if out is not None else source.parent
    out_folder_or_exit(target)
    check = bemanna.check(inst, roster)
    try:
        pricing = bemanna.price(inst, roster)
    except InstanceError as exc:
        raise bad_input(exc) from None
    facts = SearchFacts(status=roster.status, objective=roster.objective, bound=roster.bound)
    console.print(f"[bold]{verdict(pricing, facts).text(lang_of(lang))}[/]", highlight=False)
    print_costs(console, pricing, lang_of(lang))
    simulation = None
    if simulate is not None:
        try:
            simulation = run_simulation(console, inst, roster, simulate, seed, lang_of(lang))
        except (InstanceError, RosterError) as exc:
            raise bad_input(exc) from None
    try:  # a folder that refuses now: the reports go to a temporary folder
        written = write_with_fallback(target, lambda folder: write_reports(
            folder, inst, roster, check, pricing, simulation, lang_of(lang)))
    except OSError as exc:
        cannot = render("report.out_cannot_write", language, {"folder": target,
                                                              "reason": exc.strerror})
        err.print(f"[bold red]{error_word(language)}[/]: {cannot}", highlight=False)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    say_moved(written, "reports", language)
    xlsx, html = written.value
    console.print(say("reports.written", lang_of(lang), xlsx=xlsx, html=html), highlight=False)
    if not check.ok:
        breaks = render("report.breaks_hard", language, {"count": len(check.violations)})
        err.print(f"[red]{breaks}[/]{render('report.breaks_where', language, {})}",
                  highlight=False)
        raise typer.Exit(EXIT_VIOLATION)

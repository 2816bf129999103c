"""`bemanna solve INSTANCE`: pre-solve checks, the search with progress lines, the roster
written, the summary and costs printed, the independent check."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Annotated

import typer

from bemanna.cli.console import (
    EXIT_BAD_INPUT,
    EXIT_VIOLATION,
    console,
    err,
    hint_or_exit,
    load_or_exit,
    out_folder_or_exit,
    say_moved,
)
from bemanna.cli.options import (
    DetailsOption,
    LangOption,
    Language,
    Strategy,
    StrategyOption,
    lang_of,
)


def solve_command(
    instance: Annotated[Path, typer.Argument(help="Instance file (JSON or YAML).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("out"),
    time_limit: Annotated[float, typer.Option(min=0.1, help="Seconds.")] = 30.0,
    workers: Annotated[int, typer.Option(min=1, max=64)] = 2,
    seed: Annotated[int, typer.Option(min=0)] = 0,
    log: Annotated[bool, typer.Option(help="Show CP-SAT's search log.")] = False,
    quiet: Annotated[bool, typer.Option(help="No progress lines.")] = False,
    report: Annotated[bool, typer.Option(
        "--report", help="Also write OUT/report.xlsx and OUT/report.html.")] = False,
    simulate: Annotated[int | None, typer.Option(
        "--simulate", min=1, max=1_000_000, help="With --report: also simulate sick leave over "
        "the roster with this many runs (seeded with --seed) and show it in the reports.")
    ] = None,
    explain: Annotated[bool, typer.Option(
        "--explain", help="When infeasible, also write OUT/explanation.json (conflicts and "
        "repairs).")] = False,
    deterministic_time: Annotated[float | None, typer.Option(
        min=0.01, help="Stop each CP-SAT solve after this deterministic time instead of wall "
        "time: same instance, seed and workers give the same roster (keep --time-limit "
        "generous).")] = None,
    max_memory: Annotated[int | None, typer.Option(
        min=1, help="Refuse instances estimated to need more MB (default: "
        "BEMANNA_MAX_MEMORY_MB, else 8 GB or 80 % of RAM).")] = None,
    checks: Annotated[bool, typer.Option(
        "--checks/--no-checks", help="Run the pre-solve checks first.")] = True,
    strategy: StrategyOption = Strategy.auto,
    hint: Annotated[Path | None, typer.Option(
        help="A roster (folder or roster.json) of this instance to start from: passes the "
        "instance no longer allows are dropped; the rest changes little where nothing forces "
        "it (a re-solve after a change).")] = None,
    lp_bound: Annotated[bool, typer.Option(
        "--lp-bound", help="Also prove a lower bound from the model's linear relaxation, in a "
        "thread beside the search, so the gap means something where CP-SAT's bound is 0 (the "
        "care home: 7 s of one core).")] = False,
    lang: LangOption = Language.sv,
    details: DetailsOption = False,
) -> None:
    """Solve INSTANCE and write OUT/roster.json and OUT/roster.csv."""
    import bemanna
    from bemanna.cli.report import price_and_report, price_or_none
    from bemanna.cli.solve_steps import before_solving, report_infeasible
    from bemanna.cli.summary import print_summary
    from bemanna.labels import count, money, say
    from bemanna.roster import save_roster, write_with_fallback
    from bemanna.solver import Progress

    language = lang_of(lang)
    inst = load_or_exit(instance, language)
    out_folder_or_exit(out)
    if simulate is not None and not report:
        err.print("[bold red]error[/]: --simulate: only with --report (the simulation is shown "
                  "in the reports; `bemanna simulate` runs it alone)", highlight=False)
        raise typer.Exit(EXIT_BAD_INPUT)
    start_from = None if hint is None else hint_or_exit(inst, hint)
    before_solving(inst, out, workers, explain, max_memory, checks, language)
    params = bemanna.SolverParams(time_limit=time_limit, workers=workers, seed=seed, log=log,
                          strategy=strategy.value, deterministic_time=deterministic_time,
                          lp_bound=lp_bound)

    def progress(step: Progress) -> None:
        if not quiet:
            bound = (say("bound", language, bound=money(step.bound, language)) if step.bound > 0
                     else say("verdict.no_bound", language))
            err.print(f"  {step.seconds:7.2f} s  {money(step.objective, language):>18}  {bound}",
                      highlight=False)

    err.print(say("solving", language, name=inst.name,
                  employees=count(len(inst.employees), "employee", language),
                  days=count(inst.horizon.days, "day", language), limit=f"{time_limit:g}",
                  workers=count(workers, "worker", language), seed=seed), highlight=False)
    result = bemanna.solve(inst, params, on_progress=progress, hint=start_from)
    if result.interrupted and result.roster is not None:
        err.print(f"[yellow]{say('interrupted', language)}[/]", highlight=False)
    if result.roster is None:
        report_infeasible(inst, result.status, result.infeasible_employees, time_limit, out,
                          explain, stopped_at=result.wall_time if result.interrupted else None,
                          lang=language)
        raise typer.Exit(EXIT_VIOLATION)
    saved = write_with_fallback(out, partial(save_roster, result.roster))
    say_moved(saved, "roster", language)
    path, out = saved.value, saved.folder
    checked = result.check()
    pricing = price_or_none(err, inst, result.roster, language)
    verdict = None if pricing is None else result.verdict(pricing)
    rerun = (f"bemanna solve {instance} --out {out} --time-limit {verdict.suggested_seconds}"
             if verdict is not None and verdict.suggested_seconds else "")
    print_summary(console, inst, result.roster, checked, pricing, verdict, language,
                  details=details, command=rerun)
    console.print(say("roster.written", language, json=path, csv=path.with_suffix(".csv")),
                  highlight=False)
    if pricing is None or not price_and_report(
            console, err, inst, result.roster, checked, out if report else None,
            simulate_runs=simulate, seed=seed, pricing=pricing, show_costs=details,
            lang=language):
        raise typer.Exit(EXIT_BAD_INPUT)  # the roster is written; its cost model is not usable
    if not checked.ok:
        raise typer.Exit(EXIT_VIOLATION)

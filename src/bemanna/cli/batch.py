"""`bemanna batch run` and `bemanna batch summary` (a typer sub-app registered in bemanna.cli)."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import Annotated, Any

import typer

from bemanna.cli.console import (
    EXIT_BAD_INPUT,
    EXIT_VIOLATION,
    bad_input,
    console,
    err,
    error_word,
    fail,
    out_file_or_exit,
    out_folder_or_exit,
    warning_word,
)
from bemanna.cli.options import (
    DeterministicTimeOption,
    LangOption,
    Language,
    Strategy,
    StrategyOption,
    lang_of,
)
from bemanna.labels import Lang, number, say
from bemanna.labels.phrases import Counted, render

batch_app = typer.Typer(help="Run instances × scenarios as solve jobs; results in SQLite.",
                        no_args_is_help=True)


def _raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@batch_app.command("run")
def run_command(
    instances: Annotated[list[Path], typer.Argument(
        help="Instance files, or folders of them (*.yaml, *.yml, *.json).")],
    scenario: Annotated[list[Path] | None, typer.Option(
        "--scenario", "-s", help="A scenario file (repeat for more). The scenario 'base' "
                                 "(each instance unchanged) is always run too.")] = None,
    db: Annotated[Path, typer.Option(help="Results database (SQLite).")] = Path("batch.sqlite"),
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="Roster folder (default: next to the database, DB-stem_rosters)."
    )] = None,
    time_limit: Annotated[float, typer.Option(min=0.1, help="Seconds per solve.")] = 30.0,
    solver_workers: Annotated[int, typer.Option(min=1, max=64,
                                                help="CP-SAT workers per job.")] = 1,
    seed: Annotated[int, typer.Option(min=0)] = 0,
    deterministic_time: DeterministicTimeOption = None,
    strategy: StrategyOption = Strategy.auto,
    job_processes: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, max=256, help="Local worker processes (jobs at once; default "
                                             "2).")] = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=1, max=256, hidden=True,
        help="Deprecated name of --jobs.")] = None,
    dask_scheduler: Annotated[str | None, typer.Option(
        help="Run on a Dask cluster, e.g. tcp://host:8786.")] = None,
    dask_local: Annotated[int | None, typer.Option(
        min=1, help="Run on a Dask LocalCluster of N single-thread workers.")] = None,
    job_timeout: Annotated[float | None, typer.Option(
        min=1, help="A job still running after this many seconds fails "
                    "(default: 3 × time limit + 60).")] = None,
    retry_failed: Annotated[bool, typer.Option(help="Run failed jobs again.")] = False,
    no_base: Annotated[bool, typer.Option(
        help="Leave out the scenario 'base' (the other scenarios are then solved cold).")
    ] = False,
    cold: Annotated[bool, typer.Option(
        "--cold", help="Solve each scenario from scratch, independent of its instance's base "
                       "(default: start from the base's roster).")] = False,
    lang: LangOption = Language.sv,
) -> None:
    """Solve every INSTANCE under every scenario, one job each; record each job in DB as it
    finishes. Each instance's base runs first and its other scenarios start from the base's
    roster (unless --cold), as does the base again (base_continued: the reference with the
    same search). Re-running the same batch skips the jobs DB already holds."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    import bemanna
    from bemanna.batch.backends import DaskBackend, LocalBackend
    from bemanna.batch.runner import Backend, BatchReport, plan_batch, run_batch, to_run
    from bemanna.batch.store import Store, StoreError
    from bemanna.scenario import ScenarioError

    language = lang_of(lang)

    if workers is not None:
        err.print(f"[yellow]{warning_word(language)}[/]: "
                  f"{render('batch.workers_deprecated', language, {})}", highlight=False)
        if job_processes is not None and job_processes != workers:
            fail(render("batch.jobs_disagree", language, {"jobs": job_processes,
                                                          "workers": workers}), lang=language)
    processes = job_processes or workers or 2
    if dask_scheduler is not None and dask_local is not None:
        err.print(f"[bold red]{error_word(language)}[/]: "
                  f"{render('batch.dask_both', language, {})}", highlight=False)
        raise typer.Exit(EXIT_BAD_INPUT)
    try:
        jobs = plan_batch(instances, scenario or [], include_base=not no_base,
                          params=bemanna.SolverParams(
                              time_limit=time_limit, workers=solver_workers, seed=seed,
                              deterministic_time=deterministic_time, strategy=strategy.value),
                          warm_start=not cold)
    except ScenarioError as exc:
        raise bad_input(exc, language) from None
    out = out if out is not None else db.parent / f"{db.stem}_rosters"
    out_file_or_exit(db, "--db")
    out_folder_or_exit(out)
    limit = job_timeout if job_timeout is not None else 3 * time_limit + 60
    backend: Backend
    if dask_scheduler is not None or dask_local is not None:
        backend = DaskBackend(limit, scheduler=dask_scheduler, local_workers=dask_local)
        where = f"Dask {dask_scheduler or f'LocalCluster of {dask_local}'}"
    else:
        backend = LocalBackend(processes, limit)
        where = (render("batch.local_one", language, {}) if processes == 1
                 else render("batch.local", language, {"count": processes}))
    try:
        store = Store(db)
    except StoreError as exc:
        err.print(f"[bold red]error[/]: {exc}", highlight=False)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        todo = len(to_run(jobs, store, retry_failed, warm_start=not cold))
        err.print(render("batch.start", language, {
            "jobs": Counted(len(jobs), "job"), "already": len(jobs) - todo, "db": db,
            "todo": todo, "where": where, "limit": f"{time_limit:g}",
            "workers": Counted(solver_workers, "cpsat_worker"), "seed": seed,
            "strategy": strategy.value,
            "start": say("warm.off" if cold else "warm.without_base" if no_base
                         else "warm.on_continued" if any(j.continued for j in jobs)
                         else "warm.on", language)}),
            highlight=False, markup=False)
        columns: list[Any] = [
            TextColumn("[bold]" + render("batch.bar", language, {})), BarColumn(),
            MofNCompleteColumn(),
            TextColumn(render("batch.bar_failed", language, {}) + " {task.fields[failed]}"),
            TimeElapsedColumn(), TextColumn(render("batch.bar_left", language, {})),
            TimeRemainingColumn()]
        with Progress(*columns, console=err, transient=False) as progress:
            task = progress.add_task("jobs", total=todo, failed=0)

            def on_result(report: BatchReport, outcome: Any) -> None:
                progress.update(task, completed=report.done + report.failed,
                                failed=report.failed)

            try:
                report = run_batch(jobs, store, backend, out, retry_failed=retry_failed,
                                   warm_start=not cold, on_result=on_result)
            except (OSError, TimeoutError) as exc:  # e.g. no Dask scheduler at that address
                err.print("[bold red]error[/]: ", end="")
                err.print(f"{where}: {type(exc).__name__}: {exc}", highlight=False,
                          markup=False)
                raise typer.Exit(EXIT_BAD_INPUT) from None
    finally:
        signal.signal(signal.SIGTERM, previous)
        store.close()
    for instance, name, error in report.failures:
        err.print(render("batch.failed_job", language, {
            "instance": instance, "scenario": name, "error": error}), highlight=False,
            markup=False)
    console.print(render("batch.done", language, {
        "done": report.done, "failed": report.failed, "skipped": report.skipped, "db": db,
        "seconds": number(report.seconds, 1, language), "out": out}), highlight=False,
        markup=False)
    if report.stopped:
        err.print(f"[yellow]{render('batch.stopped', language, {})}[/]")
        raise typer.Exit(130)
    if report.failed:
        raise typer.Exit(EXIT_VIOLATION)


@batch_app.command("summary")
def summary_command(
    db: Annotated[Path, typer.Argument(help="Results database of `bemanna batch run`.")],
    base: Annotated[str | None, typer.Option(
        help="The reference scenario (default: base_continued when DB holds it for every "
             "unit, else base).")] = None,
    figure: Annotated[list[str] | None, typer.Option(
        "--figure", "-f", help="Figures to summarise (default total_ore and fte_needed).")
    ] = None,
    lang: LangOption = Language.sv,
) -> None:
    """Per scenario: the total and the per-unit deltas against BASE (min/median/max across
    units), annualised kronor and FTE; how many jobs failed."""
    from rich.table import Table

    from bemanna.batch.store import StoreError, open_existing
    from bemanna.batch.summary import default_reference, summarise
    from bemanna.cli.compare import wide
    from bemanna.pricing.figures import FIGURE, display, label_of, unit_of

    language = lang_of(lang)

    keys = tuple(figure or ("total_ore", "fte_needed"))
    unknown = [k for k in keys if k not in FIGURE]
    if unknown:
        err.print(f"[bold red]error[/]: --figure: unknown {', '.join(unknown)} (known: "
                  f"{', '.join(FIGURE)})", highlight=False)
        raise typer.Exit(EXIT_BAD_INPUT)
    try:
        with open_existing(db) as store:
            jobs = store.jobs()
    except StoreError as exc:
        err.print(f"[bold red]error[/]: {exc}", highlight=False)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    given = base is not None
    base = base if base is not None else default_reference(jobs)
    try:
        summary = summarise(jobs, base, keys)
    except KeyError:
        known = ", ".join(sorted(set(jobs["scenario"]))) or "none"
        err.print(f"[bold red]error[/]: --base: no jobs of scenario {base!r} in {db} "
                  f"(scenarios: {known})", highlight=False)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    console.print(_reference_line(jobs, base, given, language), highlight=False, markup=False)
    for key in keys:
        table = Table(title=render("batch.title", language, {
            "figure": label_of(key, language), "unit": unit_of(key, language), "base": base}))
        for n, name in enumerate(render("batch.columns", language, {}).split("|")):
            table.add_column(name, justify="left" if n == 0 else "right", no_wrap=True)
        rows = summary.table[summary.table["figure"] == key]
        for row in rows.itertuples():
            table.add_row(str(row.scenario), str(row.units), str(row.failed),
                          display(key, _plain(row.total), lang=language),
                          display(key, _plain(row.delta_total), signed=True, lang=language),
                          display(key, _plain(row.delta_min), signed=True, lang=language),
                          display(key, _plain(row.delta_median), signed=True, lang=language),
                          display(key, _plain(row.delta_max), signed=True, lang=language))
        wide(console, 140).print(table)
    if len(summary.failures):
        console.print(render("batch.failures", language, {
            "count": Counted(len(summary.failures), "job")}), highlight=False)
        for item in summary.failures.itertuples():
            console.print(f"  {item.instance} × {item.scenario}: {item.error}", markup=False,
                          highlight=False)


def _reference_line(jobs: Any, base: str, given: bool, lang: Lang) -> str:
    """Which scenario the deltas are against, and why when it was not named (--base)."""
    from bemanna.batch.warm import CONTINUED
    from bemanna.scenario import BASE_NAME

    if base == CONTINUED and not given:
        return render("batch.reference_continued", lang, {})
    with_base = set(jobs.loc[jobs["scenario"] == BASE_NAME, "instance"])
    missing = sorted(with_base - set(jobs.loc[jobs["scenario"] == CONTINUED, "instance"]))
    if not given and len(missing) < len(with_base):
        return render("batch.reference_partial", lang, {"missing": len(missing),
                                                         "units": len(with_base)})
    return render("batch.reference", lang, {"base": base})


def _plain(value: Any) -> Any:
    import pandas as pd

    return None if value is None or pd.isna(value) else value

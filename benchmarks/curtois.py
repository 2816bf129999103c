"""Run the Curtois & Qu benchmark: bemanna's engine next to a plain CP-SAT reference model.

    python benchmarks/curtois.py --time-limit 60 --workers 2 --seed 0 [--no-reference] \
        [Instance1 Instance2 ...]

For each instance: import it onto the generic rules (`bemanna.importers.curtois`), solve with
bemanna's engine, score the roster with the independent scorer (`curtois_score.py`: 0 hard
violations, its objective × 100 = the solver's objective), then solve the textbook model
(`curtois_reference.py`) with the same limit, workers and seed and score that roster too.
Writes benchmarks/RESULTS-curtois.md (and the same table into benchmarks/RESULTS.md) and
benchmarks/results/curtois.csv. Exit code 1 when a
check fails (the table still gets written, the failure named in its notes).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import importlib.metadata
import json
import math
import platform
import resource
import shlex
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bemanna.importers.curtois import import_curtois, parse_curtois
from bemanna.instance import InstanceError, instance_from_data
from bemanna.roster import roster_to_dict
from bemanna.solver import SolverParams, solve
from curtois_reference import solve_reference
from curtois_score import read_assignments, read_benchmark, score
from results_md import machine_line, write_section

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "curtois"
RESULTS_MD = HERE / "RESULTS-curtois.md"
RESULTS_CSV = HERE / "results" / "curtois.csv"
ALL = [f"Instance{i}" for i in range(1, 21)]
FIRST_16 = ALL[:16]
LITERATURE = {  # literature_results.csv column -> label
    "ip_vns_hybrid_rahimian2017": "IP+VNS (Rahimian et al. 2017)",
    "gurobi_cq2014": "Gurobi (Curtois & Qu 2014)",
    "ejection_chain_cq2014": "ejection chain (Curtois & Qu 2014)",
    "fo_sa_turhan_bilgen2020": "fix-and-optimize + SA (Turhan & Bilgen 2020)",
}


@dataclass
class Row:
    instance: str
    days: int
    employees: int
    shift_types: int
    best_known: int
    engine_status: str = ""
    engine_objective: int | None = None
    engine_bound: int | None = None
    engine_time_to_best: float | None = None
    engine_time_to_1pct: float | None = None
    engine_time_to_5pct: float | None = None
    engine_first_solution: float | None = None
    engine_wall: float | None = None
    """Seconds from import to roster (model building included): the limit is honoured."""
    engine_peak_rss_mb: float | None = None
    engine_build_seconds: float | None = None
    scorer_objective: int | None = None
    hard_violations: int | None = None
    reference_status: str = ""
    reference_objective: int | None = None
    reference_bound: int | None = None
    reference_time_to_best: float | None = None
    reference_time_to_1pct: float | None = None
    reference_time_to_5pct: float | None = None
    notes: list[str] = field(default_factory=list)
    failed: bool = False

    @property
    def engine_ratio(self) -> float | None:
        return None if self.engine_objective is None else self.engine_objective / self.best_known

    @property
    def reference_ratio(self) -> float | None:
        if self.reference_objective is None:
            return None
        return self.reference_objective / self.best_known


def _time_to(progress: list[tuple[float, float]], target: float) -> float | None:
    """Seconds to the first solution whose benchmark objective is <= target."""
    return next((s for s, obj in progress if obj <= target), None)


def reset_peak_rss() -> None:
    """Start a new peak-RSS measurement (Linux: writing 5 to clear_refs resets VmHWM)."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5", encoding="ascii")


def peak_rss_mb() -> float | None:
    """Peak resident memory since the last reset, MB (VmHWM; ru_maxrss where there is no
    /proc: the process's peak so far)."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _instance_path(name: str) -> Path:
    path = Path(name)
    if path.exists():
        return path
    stem = f"Instance{name}" if name.isdigit() else name
    return DATA / f"{stem.removesuffix('.txt')}.txt"


def _best_known() -> dict[str, int]:
    with (DATA / "best_known.csv").open(encoding="utf-8") as handle:
        return {r["instance"]: int(r["best_known"]) for r in csv.DictReader(handle)}


def run_engine(row: Row, path: Path, params: SolverParams) -> None:
    try:
        instance = instance_from_data(import_curtois(path), str(path))
    except InstanceError as exc:
        row.engine_status = "NOT IMPORTABLE"
        row.notes.append("bemanna cannot import it: " + "; ".join(exc.problems))
        return
    reset_peak_rss()
    started = time.monotonic()
    result = solve(instance, params)
    row.engine_wall = time.monotonic() - started
    row.engine_peak_rss_mb = peak_rss_mb()
    row.engine_status = result.status
    row.engine_build_seconds = result.build_time
    row.engine_first_solution = result.first_solution_time
    if result.roster is None or result.objective is None or result.bound is None:
        row.failed = True
        row.notes.append(f"bemanna found no roster ({result.status})")
        return
    if result.objective % 100:
        row.failed = True
        row.notes.append(f"bemanna objective {result.objective} öre is not whole SEK")
    row.engine_objective = result.objective // 100
    row.engine_bound = math.ceil(result.bound / 100)  # the objective is a whole number
    progress = [(p.seconds, p.objective / 100) for p in result.progress]
    row.engine_time_to_best = progress[-1][0] if progress else None
    row.engine_time_to_1pct = _time_to(progress, 1.01 * row.best_known)
    row.engine_time_to_5pct = _time_to(progress, 1.05 * row.best_known)
    roster_json = json.loads(json.dumps(roster_to_dict(result.roster)))  # as roster.json
    scored = score(read_benchmark(path.read_text(encoding="utf-8")),
                   read_assignments(roster_json))
    row.scorer_objective, row.hard_violations = scored.objective, len(scored.violations)
    if scored.violations:
        row.failed = True
        row.notes.append(f"scorer: {len(scored.violations)} hard violations, first: "
                         f"{scored.violations[0]}")
    if scored.objective * 100 != result.objective:
        row.failed = True
        row.notes.append(f"scorer objective {scored.objective} × 100 ≠ solver objective "
                         f"{result.objective} öre")


def run_reference(row: Row, path: Path, params: SolverParams) -> None:
    text = path.read_text(encoding="utf-8")
    result = solve_reference(parse_curtois(text), params.time_limit, params.workers, params.seed)
    row.reference_status = result.status
    row.reference_objective, row.reference_bound = result.objective, result.bound
    row.reference_time_to_best = result.time_to_best
    row.reference_time_to_1pct = _time_to(result.progress, 1.01 * row.best_known)
    row.reference_time_to_5pct = _time_to(result.progress, 1.05 * row.best_known)
    if result.objective is None:
        return
    scored = score(read_benchmark(text), result.assignments)
    if scored.violations or scored.objective != result.objective:
        row.failed = True
        row.notes.append(f"reference model check failed: scorer objective {scored.objective}, "
                         f"{len(scored.violations)} hard violations")


# -- report -----------------------------------------------------------------------------------

def _geomean(values: list[float]) -> float:
    return math.exp(sum(math.log(v) for v in values) / len(values))


def _ratio_summary(rows: dict[str, Row], names: list[str], attr: str) -> str:
    missing = [n for n in names if n not in rows or getattr(rows[n], attr) is None]
    if missing:
        return f"n/a (no result for {', '.join(missing[:4])}{' …' if len(missing) > 4 else ''})"
    return f"{_geomean([getattr(rows[n], attr) for n in names]):.3f}"


def _worst(rows: list[Row], attr: str) -> str:
    scored = [r for r in rows if getattr(r, attr) is not None]
    if not scored:
        return "n/a"
    worst = max(scored, key=lambda r: getattr(r, attr))
    return f"{worst.instance} ({getattr(worst, attr):.2f})"


def _literature(names: list[str]) -> list[str]:
    best = _best_known()
    with (DATA / "literature_results.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["time_limit_min"] == "60"]
    lines = []
    for column, label in LITERATURE.items():
        ratios = {r["instance"]: int(r[column]) / best[r["instance"]] for r in rows
                  if r["instance"] in names and r[column]}
        if len(ratios) == len(names):
            worst = max(ratios, key=ratios.__getitem__)
            lines.append(f"{label} {_geomean(list(ratios.values())):.3f} "
                         f"(worst {ratios[worst]:.2f}, {worst})")
    return lines


def _fmt(value: float | int | None, spec: str = "") -> str:
    return "—" if value is None else format(value, spec)


def _secs(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} s" if value >= 10 else f"{value:.2f} s"


def _machine() -> str:
    return machine_line().removeprefix("Machine: ").rstrip(".")


def write_markdown(rows: list[Row], args: argparse.Namespace, path: Path) -> str:
    by_name = {r.instance: r for r in rows}
    lines = [
        "# Curtois & Qu benchmark: bemanna's engine and a plain CP-SAT model",
        "",
        f"Per instance and per model: {args.time_limit:g} s, {args.workers} workers, "
        f"seed {args.seed}. Objective in benchmark units (bemanna's öre / 100, checked equal "
        "to the independent scorer's objective with 0 hard violations). Ratio = objective / "
        "best known (instances 1–20 are closed: best known = optimum). Times count from the "
        "start of the search (model building excluded, see the CSV); “≤ 1 %” and “≤ 5 %” are "
        "the times to the first roster within 1 % and 5 % of best known. Wall = import to "
        "roster, model building included; peak RSS = the process's peak resident memory "
        "during that solve (VmHWM, reset before each solve; it includes what earlier solves "
        "of the run left in the process, so it is an upper bound). Reference = "
        "`benchmarks/curtois_reference.py`, a textbook model of the same format. Data and "
        "attribution: `benchmarks/data/curtois/README.md`.",
        "",
        "| instance | days × staff × shifts | bemanna | best known | ratio | bound | "
        "time to best | ≤ 1 % | ≤ 5 % | wall | peak RSS | reference | ratio |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
        "| ---: |",
    ]
    for r in rows:
        engine = _fmt(r.engine_objective) if r.engine_objective is not None else r.engine_status
        reference = (_fmt(r.reference_objective) if r.reference_objective is not None
                     else (r.reference_status or "not run"))
        lines.append(
            f"| {r.instance} | {r.days} × {r.employees} × {r.shift_types} | {engine} | "
            f"{r.best_known} | {_fmt(r.engine_ratio, '.3f')} | {_fmt(r.engine_bound)} | "
            f"{_secs(r.engine_time_to_best)} | {_secs(r.engine_time_to_1pct)} | "
            f"{_secs(r.engine_time_to_5pct)} | {_secs(r.engine_wall)} | "
            f"{_fmt(r.engine_peak_rss_mb, '.0f')} MB | {reference} | "
            f"{_fmt(r.reference_ratio, '.3f')} |")
    run_names = [r.instance for r in rows]
    lines += [
        "",
        "Geometric mean of the ratio (bemanna / reference):",
        "",
        f"- instances in this run ({len(rows)}): "
        f"{_ratio_summary(by_name, run_names, 'engine_ratio')} / "
        f"{_ratio_summary(by_name, run_names, 'reference_ratio')}",
        f"- Instance1–16: {_ratio_summary(by_name, FIRST_16, 'engine_ratio')} / "
        f"{_ratio_summary(by_name, FIRST_16, 'reference_ratio')}",
        f"- Instance1–20: {_ratio_summary(by_name, ALL, 'engine_ratio')} / "
        f"{_ratio_summary(by_name, ALL, 'reference_ratio')}",
        f"- worst instance: bemanna {_worst(rows, 'engine_ratio')}, "
        f"reference {_worst(rows, 'reference_ratio')}",
        "",
        "Published 60-minute results over Instance1–16 (geometric mean of the ratio): "
        + "; ".join(_literature(FIRST_16)) + ".",
        "",
    ]
    notes = [f"- {r.instance}: {note}" for r in rows for note in r.notes]
    if notes:
        lines += ["Notes:", "", *notes, ""]
    script = Path(sys.argv[0]).resolve()
    shown = script.relative_to(HERE.parent) if script.is_relative_to(HERE.parent) else script
    command = "python " + shlex.join([str(shown), *sys.argv[1:]])
    lines += [
        f"Machine: {_machine()}. OR-Tools {importlib.metadata.version('ortools')}, Python "
        f"{platform.python_version()}. Date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC.",
        "",
        f"Command: `{command}`",
        "",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    return "\n".join(lines[2:])  # without the page title


def write_csv(rows: list[Row], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fields = [k for k in asdict(rows[0]) if k not in ("notes", "failed")]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow([*fields, "engine_ratio", "reference_ratio", "check_failed", "notes"])
        for r in rows:
            values = asdict(r)
            cells = [_csv_cell(values[k]) for k in fields]
            writer.writerow([*cells, _csv_cell(r.engine_ratio), _csv_cell(r.reference_ratio),
                             int(r.failed), " | ".join(r.notes)])


def _csv_cell(value: object) -> object:
    if value is None:
        return ""
    return round(value, 4) if isinstance(value, float) else value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("instances", nargs="*", default=ALL,
                        help="names (Instance3 or 3) or paths; default Instance1–20")
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--reference", action=argparse.BooleanOptionalAction, default=True,
                        help="also solve the plain CP-SAT reference model")
    parser.add_argument("--markdown", type=Path, default=RESULTS_MD)
    parser.add_argument("--results-section", action=argparse.BooleanOptionalAction,
                        default=True, help="also put the table into benchmarks/RESULTS.md "
                        "(between its curtois markers); only when --markdown is the default")
    parser.add_argument("--csv", type=Path, default=RESULTS_CSV)
    args = parser.parse_args(argv)
    params = SolverParams(time_limit=args.time_limit, workers=args.workers, seed=args.seed)
    best = _best_known()
    rows = []
    for name in args.instances:
        path = _instance_path(name)
        if path.stem not in best:
            parser.error(f"{name}: no best known value for {path.stem!r} in best_known.csv")
        data = parse_curtois(path.read_text(encoding="utf-8"))
        row = Row(path.stem, data.days, len(data.staff), len(data.shifts), best[path.stem])
        run_engine(row, path, params)
        if args.reference:
            run_reference(row, path, params)
        rows.append(row)
        print(f"{row.instance}: bemanna {row.engine_objective} ({row.engine_status}, best at "
              f"{_secs(row.engine_time_to_best)}), reference {row.reference_objective} "
              f"({row.reference_status or 'not run'}), best known {row.best_known}"
              + ("  CHECK FAILED: " + "; ".join(row.notes) if row.failed else ""),
              file=sys.stderr, flush=True)
    text = write_markdown(rows, args, args.markdown)
    if args.results_section and args.markdown.resolve() == RESULTS_MD.resolve():
        # only the run that writes the benchmark's own page also updates RESULTS.md: a run
        # writing its table elsewhere (a test, a trial) leaves the published tables alone
        write_section("curtois", text.strip(), "Curtois & Qu benchmark: the 60 s table")
    write_csv(rows, args.csv)
    print(f"wrote {args.markdown} and {args.csv}", file=sys.stderr)
    return 1 if any(r.failed for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())

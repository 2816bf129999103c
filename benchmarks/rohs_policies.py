"""RÖHS policies on the care home: planned versus simulated annual cost, and how much of the
resurstid gets booked, under grant_none, grant_all and optimise.

    python benchmarks/rohs_policies.py [--time-limit 60] [--workers 2] [--seed 0]
        [--runs 1000] [--instance instances/care_home.yaml] [--write]

For each policy the instance's `rohs.policy` is set, the roster solved with the same time limit,
workers and seed and checked by the independent checker; then priced (planned cost) and run
through `simulate` (sick leave per the instance's absence profile, `runs` draws, one seed).
With --write the table goes to benchmarks/RESULTS.md between the rohs markers.

grant_none and grant_all are solved first, from scratch; optimise is then solved starting from
the cheaper of their two rosters (by the checker's total), with the same time limit: what
`bemanna compare` does when the base is a fixed policy (each scenario warm-starts from the
base's roster). optimise may grant any request, so both fixed policies' grants are open to it,
and a hinted solve never returns a roster dearer than its hint made legal: optimise's total is
at most the better fixed policy's, and what it gains over that is the search's, not the seed's.
"""

from __future__ import annotations

import argparse
import sys
import time
from decimal import Decimal
from typing import Any

from bemanna.checker import check_roster
from bemanna.instance import Instance, load_instance
from bemanna.instance.rohs import requested
from bemanna.pricing import annualise, price_roster
from bemanna.roster import Roster
from bemanna.simulation import simulate
from bemanna.solver import SolverParams, solve
from results_md import write_section

POLICIES = ("grant_none", "grant_all", "optimise")
FIXED = ("grant_none", "grant_all")
"""Solved from scratch first; optimise then starts from the cheaper of their rosters."""


def with_policy(inst: Instance, policy: str) -> Instance:
    return inst.replaced(rohs=inst.rohs.model_copy(update={"policy": policy}))


def run_policy(inst: Instance, policy: str, params: SolverParams, runs: int,
               hint: tuple[str, Roster] | None = None) -> dict[str, Any]:
    """One policy's roster, checked, priced and simulated; `hint`: (policy, roster) to start
    the solve from."""
    chosen = with_policy(inst, policy)
    began = time.monotonic()
    result = solve(chosen, params, hint=None if hint is None else hint[1])
    if result.roster is None:
        return {"policy": policy, "status": result.status}
    report = check_roster(chosen, result.roster)
    pricing = price_roster(chosen, result.roster)
    figures = simulate(chosen, result.roster, runs=runs, seed=params.seed).figures()
    granted = sum((max(Decimal(0), (e.employment_rate or Decimal(0))
                       - chosen.employee[e.id].employment_rate)
                   for e in result.roster.employees), Decimal(0))
    return {
        "policy": policy,
        "hinted_from": None if hint is None else hint[0],
        "roster": result.roster,
        "checker_total": report.total,
        "status": result.status,
        "seconds": round(time.monotonic() - began, 1),
        "violations": len(report.violations),
        "granted_points": float(granted),
        "rohs_sek": result.objective_by_term.get("rohs", 0) / 100,
        "planned_annual_sek": annualise(pricing.totals["total"], chosen.horizon.weeks) / 100,
        "simulated_annual_sek": figures["simulated_annual_sek"],
        "p5": figures["simulated_annual_p5_sek"],
        "p95": figures["simulated_annual_p95_sek"],
        "utilisation_pct": figures["resurstid_utilisation_pct"],
        "overtime_share_pct": figures["overtime_share_pct"],
        "agency_hours": figures["agency_annual_hours"],
    }


def best_fixed(rows: list[dict[str, Any]]) -> tuple[str, Roster] | None:
    """The cheaper of the fixed policies' rosters solved so far (by the checker's total), for
    optimise to start from; None before both are in, or when neither has a roster."""
    fixed = [r for r in rows if r["policy"] in FIXED and "roster" in r]
    if len(rows) < len(FIXED) or not fixed:
        return None
    best = min(fixed, key=lambda r: r["checker_total"])
    return best["policy"], best["roster"]


def sek(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}".replace(",", " ")


def table(rows: list[dict[str, Any]], inst: Instance, args: argparse.Namespace) -> str:
    asked = sum((requested(e) for e in inst.employees), Decimal(0))
    lines = [
        f"RÖHS policies on `{args.instance}` ({len(inst.employees)} employees, "
        f"{inst.horizon.weeks} weeks; {asked.normalize():f} percentage points requested by "
        f"{sum(1 for e in inst.employees if requested(e))} employees). Each roster: "
        f"{args.time_limit:g} s, {args.workers} workers, seed {args.seed}, checked; optimise "
        "starts from the cheaper of the grant_none and grant_all rosters (checker's total); "
        f"simulation {args.runs} runs, seed {args.seed}. SEK per year (× 52 / weeks).",
        "",
        "| policy | granted points | RÖHS salary (period) | planned / year | simulated / year "
        "(90 % interval) | resurstid booked | overtime share | agency h / year | violations |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        if "planned_annual_sek" not in r:
            lines.append(f"| {r['policy']} | no roster ({r['status']}) | | | | | | | |")
            continue
        pct = "–" if r["utilisation_pct"] is None else f"{r['utilisation_pct']:.1f} %"
        share = "–" if r["overtime_share_pct"] is None else f"{r['overtime_share_pct']:.2f} %"
        name = r["policy"] if r["hinted_from"] is None else (
            f"{r['policy']} (from {r['hinted_from']}'s roster)")
        lines.append(
            f"| {name} | {r['granted_points']:g} | {sek(r['rohs_sek'])} | "
            f"{sek(r['planned_annual_sek'])} | {sek(r['simulated_annual_sek'])} "
            f"({sek(r['p5'])}–{sek(r['p95'])}) | {pct} | {share} | "
            f"{sek(r['agency_hours'])} | {r['violations']} |")
    lines += ["", f"Command: `python benchmarks/rohs_policies.py --time-limit {args.time_limit:g} "
              f"--workers {args.workers} --seed {args.seed} --runs {args.runs} --write`"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instance", default="instances/care_home.yaml")
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    inst = load_instance(args.instance)
    params = SolverParams(time_limit=args.time_limit, workers=args.workers, seed=args.seed)
    rows: list[dict[str, Any]] = []
    for policy in POLICIES:
        rows.append(run_policy(inst, policy, params, args.runs, best_fixed(rows)))
        print({k: v for k, v in rows[-1].items() if k != "roster"}, file=sys.stderr)
    text = table(rows, inst, args)
    print(text)
    if args.write:
        write_section("rohs", text, "RÖHS policies: planned and simulated cost")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Warm starts: a scenario's solve starts from its base's roster (issue 16).

`bemanna compare` and `bemanna batch run` solve each instance's base first; every other
scenario of that instance is then solved with the base's roster as hint (`JobSpec.hint`). The
search drops the passes the scenario no longer allows (an employee who left, a shift type
taken away), mends the lines that break a rule, and starts from the cheaper of that roster and
its own first roster: a scenario that changes little ends near the base's roster, so its
deltas against the base are the change's, not two independent searches' noise.

A scenario is solved cold (from scratch) when its horizon differs from the base's (the base's
roster does not fit it), when the base found no roster, or when the user asks for independent
solves (`--cold`, `warm_start=False`). How each job started is one of `STARTS`.

**The continued base.** A warm scenario has had the base's search and then its own, so against
the base's first roster its delta would count that extra search as the scenario's effect (an
identity scenario comes out cheaper than its base; a stricter one can too). So the reference
is the base solved again from its own first roster, with the same parameters: the continued
base (`continue_base`; in a batch the job `CONTINUED`). It starts where every warm scenario
starts and searches as long, so an identity scenario and the continued base are the same
experiment, and each delta is paired: the scenario's effect, not the extra search.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Literal

from bemanna.batch.job import JobSpec

Start = Literal["reference", "continued", "hinted", "cold", "cold_horizon", "cold_no_base"]
STARTS: tuple[Start, ...] = ("reference", "continued", "hinted", "cold", "cold_horizon",
                             "cold_no_base")
"""reference: the base's first solve; continued: the base again from its first roster (the
reference of warm scenarios); hinted: from the base's roster; cold: asked for (--cold);
cold_horizon: the horizon differs from the base's; cold_no_base: the base has no roster (it
failed, or a batch without the base scenario)."""

CONTINUED = "base_continued"
"""The batch's scenario name of each instance's continued base (reserved: no scenario file may
take it)."""


def horizon_differs(spec: JobSpec, roster: dict[str, Any]) -> bool:
    """Whether the roster's days are not the scenario's (start date or length): the checker's
    own test (`checker.match.horizon_mismatch`) on the scenario's instance."""
    from bemanna.checker.match import horizon_mismatch
    from bemanna.instance import instance_from_data
    from bemanna.roster import roster_from_dict

    inst = instance_from_data(spec.data, f"{spec.instance} × {spec.scenario}")
    return bool(horizon_mismatch(inst, roster_from_dict(roster)))


def warm(spec: JobSpec, base_roster: dict[str, Any] | None, base: str
         ) -> tuple[JobSpec, Start]:
    """The scenario's job started from the roster of scenario `base` when it fits (the spec
    with the hint, 'hinted'; 'continued' for a batch's continued base), else the cold job and
    why."""
    if base_roster is None:
        return spec, "cold_no_base"
    if horizon_differs(spec, base_roster):
        return spec, "cold_horizon"
    start: Start = "continued" if spec.scenario == CONTINUED else "hinted"
    return replace(spec, hint=base_roster, hinted_from=base), start


def continue_base(spec: JobSpec, first_roster: dict[str, Any], base: str
                  ) -> tuple[JobSpec, Start]:
    """The base's job again, started from the roster its first solve found (same instance,
    same parameters): the reference of the scenarios that start from that roster."""
    return replace(spec, hint=first_roster, hinted_from=base), "continued"

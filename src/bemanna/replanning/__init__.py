"""Re-planning a roster in use (docs/replan.md): `bemanna.replan` repairs a roster after sick
calls, leavers, joiners, extra need or swaps, with everything that started before `now` frozen.

    events.py               the events file (pydantic, field-path errors) and its checks
    freeze.py               what is frozen at `now`
    instance_for_repair.py  the repair as an ordinary instance (`RepairPlan`)
    refill_start.py         the start roster: resurspass booked onto the gaps
    run.py                  `replan`: plan, solve from the start roster, check, describe
    changes.py, wording.py  the change list and the messages, in Swedish
    cost_delta.py           the cost per refill source against the old roster
    result.py, output.py    `ReplanResult` and the files written
"""

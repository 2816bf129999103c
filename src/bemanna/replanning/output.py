"""Writing a repair: OUT/roster.json + roster.csv (the repaired roster), changes.txt (the change
list), cost_delta.csv (per refill source), messages/<employee>.txt, check.txt (the independent
checker) and repair_instance.json (the instance the roster was checked against)."""

from __future__ import annotations

import json
from pathlib import Path

from bemanna.labels import Lang
from bemanna.labels.phrases import render
from bemanna.replanning.result import ReplanResult
from bemanna.roster import save_roster
from bemanna.roster.io import write_atomic


def check_text(result: ReplanResult, lang: Lang = "sv") -> str:
    """The checker's verdict on the repair in `lang` (check.txt and the terminal)."""
    report = result.check
    if report is None:
        return render("replan.no_roster", lang, {}) + "\n"
    if report.ok:
        return render("replan.ok", lang, {}) + "\n"
    return "".join(f"{v.text(lang)}\n" for v in report.violations)


def save_replan(result: ReplanResult, out: str | Path) -> Path:
    out = Path(out)
    assert result.roster is not None
    save_roster(result.roster, out)
    write_atomic(out / "changes.txt", "".join(f"{c.text}\n" for c in result.changes))
    if result.delta is not None:
        write_atomic(out / "cost_delta.csv", result.delta.table.to_csv(index=False))
    (out / "messages").mkdir(exist_ok=True)
    for employee, text in result.messages.items():
        write_atomic(out / "messages" / f"{employee}.txt", text + "\n")
    write_atomic(out / "check.txt", check_text(result))
    write_atomic(out / "repair_instance.json",
                 json.dumps(result.plan.instance.model_dump(mode="json"), ensure_ascii=False,
                            indent=1))
    return out

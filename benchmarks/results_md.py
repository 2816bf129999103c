"""Write one benchmark's table into benchmarks/RESULTS.md between its own markers.

    write_section("rohs", text, "RÖHS policies: planned and simulated cost")

replaces what stands between `<!-- rohs:start -->` and `<!-- rohs:end -->`, or appends a new
section with that heading when the markers are not there yet (atomic write).
"""

from __future__ import annotations

import platform
from pathlib import Path

from bemanna.roster import write_atomic

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine_line(*extra: str) -> str:
    """The one machine line under every results table: CPU model, cores this process may
    use, load average now, Python and OR-Tools versions, the date, and any extra words."""
    import datetime as dt
    import os

    import ortools

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    parts = [f"{cpu_model()}, {cores} cores, load average {os.getloadavg()[0]:.1f}",
             f"Python {platform.python_version()}, OR-Tools {ortools.__version__}",
             dt.date.today().isoformat(), *extra]
    return "Machine: " + "; ".join(parts) + "."


def write_section(name: str, text: str, heading: str, path: Path = RESULTS) -> None:
    begin, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    current = path.read_text(encoding="utf-8")
    block = f"{begin}\n{text}\n{end}"
    if begin in current and end in current:
        head, rest = current.split(begin, 1)
        updated = head + block + rest.split(end, 1)[1]
    else:
        updated = current.rstrip("\n") + f"\n\n## {heading}\n\n" + block + "\n"
    write_atomic(path, updated)

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

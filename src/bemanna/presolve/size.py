"""How much memory solving an instance will take, estimated before the model is built.

The model's size follows the number of pass options (employee × day × shift type the employee
may work that day): one boolean each, plus the rest pairs, windows and coverage segments that
grow with them. Measured peak memory (resident set) of `bemanna solve` on the care home scaled
up (docs/robustness.md): about 165 MB fixed, 3 kB per pass option to build the model and about
45 MB per CP-SAT worker. The estimate below takes roughly twice that, so that it stays an
upper bound over longer solves, where CP-SAT's learnt clauses grow.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from bemanna.instance.model import Instance
from bemanna.labels import Lang, number
from bemanna.labels.phrases import Counted, render
from bemanna.presolve.options import pass_literals

BASE_MB = 200
PER_LITERAL_KB = 8
PER_WORKER_MB = 64
PER_WORKER_LITERAL_KB = 1
DEFAULT_LIMIT_MB = 8192
LIMIT_ENV = "BEMANNA_MAX_MEMORY_MB"


@dataclass(frozen=True)
class MemoryEstimate:
    literals: int
    workers: int
    megabytes: int

    def text(self, lang: Lang = "en") -> str:
        """'about 120 MB for 5 000 pass options with 2 workers' (or in Swedish)."""
        return render("validate.memory", lang, {
            "mb": number(self.megabytes, 0, lang), "literals": number(self.literals, 0, lang),
            "workers": Counted(self.workers, "worker")})


def estimate_memory(instance: Instance, workers: int) -> MemoryEstimate:
    literals = pass_literals(instance)
    kb = (PER_LITERAL_KB + workers * PER_WORKER_LITERAL_KB) * literals
    megabytes = BASE_MB + workers * PER_WORKER_MB + kb // 1024
    return MemoryEstimate(literals, workers, megabytes)


def physical_memory_mb() -> int | None:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**20
    except (ValueError, OSError, AttributeError):
        return None


def default_limit_mb() -> int:
    """BEMANNA_MAX_MEMORY_MB when set, else 8 GB or 80 % of the machine's memory if less."""
    text = os.environ.get(LIMIT_ENV, "").strip()
    if text.isdigit() and int(text) > 0:
        return int(text)
    physical = physical_memory_mb()
    return DEFAULT_LIMIT_MB if physical is None else min(DEFAULT_LIMIT_MB, physical * 4 // 5)


def memory_problem(instance: Instance, workers: int, limit_mb: int | None = None,
                   lang: Lang = "sv") -> str | None:
    """A one-line refusal in `lang` when the estimate is over the limit, else None."""
    limit = default_limit_mb() if limit_mb is None else limit_mb
    estimate = estimate_memory(instance, workers)
    if estimate.megabytes <= limit:
        return None
    return render("size.memory", lang, {"estimate": estimate, "limit": number(limit, 0, lang),
                                        "env": LIMIT_ENV})

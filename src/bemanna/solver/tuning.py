"""The search's settings (`search.py`), each with what it was measured against.

Module constants rather than parameters: they are not a planner's choice, and a benchmark
measures one lever by setting one of them (benchmarks/short_runs.py --lever)."""

from __future__ import annotations

SMALL_MODEL_LITERALS = 2500
"""Up to this many pass literals the full model first gets a chance to solve outright, with
its LP relaxation (which proves optima of small models). Larger models search without the LP
(linearization_level 0): measured on the care home at 30 s, 2 workers, seeds 0–2, median
117 518 SEK against 134 368 SEK with the default level (benchmarks/RESULTS.md)."""
SMALL_FIRST_SHARE = 0.25
OPENING_SHARE = 0.3
"""Share of the time limit for CP-SAT on the full model before block search (large models)."""
MIN_BLOCKS = 30
"""Block search runs only when this many of the smallest blocks fit in its time (100 until
2026-12-07: the care home's 0.1–0.2 s blocks then never ran in a 10 s solve, whose full-model
search after the first roster took off 1 %; with blocks from 30 on, 10 s medians 472 → 421
kSEK, seeds 1–3, benchmarks/RESULTS.md)."""
OPENING_STALL_SECONDS = 0.5
"""The opening stops once it found no better roster for this long, or for as long as it had
been improving before (`watch.StallWatch`): on the care home it found nothing in its 3 s of
a 10 s solve, time the blocks then use (10 s median 437 → 422 kSEK); a fixed 5 % of the
limit stopped Curtois Instance13's opening between bursts of gains (ratio 3.77 against 2.60
without a stop, one run each)."""
OPENING_STALL = True
BLOCK_LIGHT = True
"""Blocks presolve lightly (`LIGHT_PRESOLVE`): a care-home block's fixed cost is the full
model's load and presolve (0.13 of 0.19 s), which this cuts by a third."""
LIGHT_PRESOLVE: tuple[tuple[str, object], ...] = (
    ("max_presolve_iterations", 1), ("cp_model_probing_level", 0), ("symmetry_level", 0))
POLISH_SHARE = 0.1
"""Share of the time limit kept for the final solve of the full model."""
NEIGHBOURHOOD_SECONDS = 0.5
"""Time limit of one neighbourhood solve."""
EVALUATION_FIRST_SECONDS = 5.0
"""Pricing a fixed roster: time for the LP-level-2 proof before trying the default level."""
EVALUATION_RESERVE = 0.3
"""Seconds kept at the end to price the final roster exactly."""

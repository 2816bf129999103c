"""The pre-solve checks' sentences (`bemanna validate`, the solve's opening findings), per
language: key -> (Swedish, English); rendered by `bemanna.labels.phrases.render`."""

from __future__ import annotations

PRESOLVE_WORDS: dict[str, tuple[str, str]] = {
}

"""Coverage-guided fuzzing of the instance reader and the pre-solve checks (atheris/libFuzzer).

Not part of the test suite (tests/test_fuzz_instance.py holds the hypothesis properties).
Each input is one byte choosing JSON or YAML, then the file's text. Bad input must end in an
`InstanceError` (the CLI's exit 2); a valid instance must go through the pre-solve checks, the
memory estimate and the explaining index. Any other exception is a crash: libFuzzer stops and
writes the input as crash-*.

    pip install atheris
    python benchmarks/fuzz_instance.py --seconds 600            # the recorded budget
    python benchmarks/fuzz_instance.py --runs 20000 --corpus /tmp/corpus

Seeds: the shipped small instances and every instance file under tests/data. Results are
recorded in docs/robustness.md.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["bemanna"]):
    from bemanna.explain.core import explaining_index
    from bemanna.instance import InstanceError, instance_from_data
    from bemanna.instance.load import parse_text
    from bemanna.presolve import presolve
    from bemanna.presolve.size import estimate_memory

ROOT = Path(__file__).resolve().parents[1]
SEED_GLOBS = ("instances/nurse_group.yaml", "instances/lss_group_home.yaml",
              "tests/data/bad/*.yaml", "tests/data/bad/*.json", "tests/data/infeasible/*.yaml")
JSON, YAML = 0, 1


def one_input(data: bytes) -> None:
    if not data:
        return
    suffix = ".yaml" if data[0] & 1 == YAML else ".json"
    text = data[1:].decode("utf-8", errors="replace")
    try:
        inst = instance_from_data(parse_text(text, suffix, "<fuzz>"), "<fuzz>")
    except InstanceError as exc:
        assert exc.problems
        return
    presolve(inst)
    estimate_memory(inst, 2)
    explaining_index(inst)


def write_seeds(folder: Path) -> int:
    count = 0
    for pattern in SEED_GLOBS:
        for path in sorted(ROOT.glob(pattern)):
            if path.name == "expected.yaml":
                continue
            flag = YAML if path.suffix in (".yaml", ".yml") else JSON
            (folder / f"seed-{count:03d}").write_bytes(bytes([flag]) + path.read_bytes())
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=600, help="libFuzzer -max_total_time")
    parser.add_argument("--runs", type=int, default=0, help="libFuzzer -runs (0: no limit)")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="corpus folder (default: a fresh temporary folder)")
    parser.add_argument("--seed", type=int, default=1, help="libFuzzer -seed")
    args, rest = parser.parse_known_args()
    corpus = args.corpus or Path(tempfile.mkdtemp(prefix="bemanna-fuzz-"))
    corpus.mkdir(parents=True, exist_ok=True)
    seeds = write_seeds(corpus)
    print(f"corpus {corpus}: {seeds} seed files", file=sys.stderr)
    libfuzzer = [sys.argv[0], str(corpus), f"-max_total_time={args.seconds}",
                 f"-seed={args.seed}", "-timeout=20", "-rss_limit_mb=4096", "-max_len=65536",
                 "-print_final_stats=1", *rest]
    if args.runs:
        libfuzzer.append(f"-runs={args.runs}")
    atheris.Setup(libfuzzer, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

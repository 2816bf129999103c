"""Bounded reads of input files (instances, scenarios, rosters, imported benchmarks).

The limit counts the bytes actually read, never the size a file claims: /dev/zero, a FIFO or
a /proc file report 0 bytes and may never end. Reading in chunks also keeps Ctrl-C working
during a long read (the interrupt is raised between chunks).
"""

from __future__ import annotations

from pathlib import Path

MAX_FILE_BYTES = 20 * 2**20
"""An input file may hold at most this many bytes (the care home is 30 kB)."""
CHUNK_BYTES = 2**20


class FileTooLarge(Exception):
    """More bytes than the limit could be read from a file."""

    def __init__(self, path: Path, limit: int) -> None:
        self.path = path
        self.limit = limit
        super().__init__(f"{path}: more than {limit / 2**20:g} MB")

    @property
    def problem(self) -> str:
        """One line for the error report."""
        mb = f"{self.limit / 2**20:g} MB"
        return f"(file): more than {mb}; input files of at most {mb} are supported (size limit)"


def read_bounded(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of path; FileTooLarge as soon as more than `limit` have been read.

    OSError (no such file, a folder, permission) passes through to the caller."""
    chunks: list[bytes] = []
    total = 0
    with Path(path).open("rb") as handle:
        while True:
            chunk = handle.read(min(CHUNK_BYTES, limit + 1 - total))
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise FileTooLarge(Path(path), limit)


def read_text_bounded(path: Path, limit: int = MAX_FILE_BYTES) -> str:
    """As `read_bounded`, decoded as UTF-8 (UnicodeDecodeError passes through)."""
    return read_bounded(path, limit).decode("utf-8")


def sniff_suffix(text: str, suffix: str) -> str:
    """The format of a file: its suffix when that says JSON or YAML, else by content (a file
    whose first non-blank character opens a JSON object or array is JSON, all else YAML).

    Process substitution (`<(cat x.yaml)`) names a pipe /dev/fd/N with no suffix."""
    suffix = suffix.lower()
    if suffix in (".json", ".yaml", ".yml"):
        return suffix
    return ".json" if text.lstrip()[:1] in ("{", "[") else ".yaml"

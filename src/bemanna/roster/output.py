"""Output paths: find out before the work whether a folder or file can be written, and keep
the result when writing fails anyway (a temporary folder, and say where).

A solve may run for minutes; a roster lost to a mistyped `--out` is the worst first contact.
The commands call `output_folder_problem` / `output_file_problem` before any work (one line,
exit 2) and write through `write_with_fallback` / `write_file_with_fallback`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from bemanna.roster.io import write_atomic

T = TypeVar("T")

_NAME_MAX = 255
"""The longest file name of ext4, xfs, btrfs and tmpfs, in bytes."""
FALLBACK_PREFIX = "bemanna-"
"""Prefix of the temporary folder that takes the files when the asked-for place refuses."""


def _is_file(path: Path) -> bool:
    """path exists and is not a folder (False when it cannot even be looked at)."""
    try:
        return path.exists() and not path.is_dir()
    except OSError:
        return False


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _blocking_file(path: Path) -> Path | None:
    """The first ancestor of path (or path itself) that exists and is not a folder."""
    for candidate in reversed([path, *path.parents]):
        if _is_file(candidate):
            return candidate
    return None


def describe_os_error(exc: OSError, path: Path) -> str:
    """Why writing under path failed, in words a planner can act on."""
    if exc.errno == errno.ENAMETOOLONG:
        return "a name in the path is longer than the file system allows"
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        blocking = _blocking_file(path)
        if blocking is not None:
            return f"{blocking} is a file, not a folder"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "read-only file system"
    if exc.errno == errno.ENOSPC:
        return "no space left on the device"
    return exc.strerror or str(exc)


def output_folder_problem(folder: Path) -> str | None:
    """One sentence saying why files cannot be written into folder, or None when they can.

    Creates the folder (with its parents) as writing would, writes and removes a probe file
    in it, then removes the folders it created: the only test that covers permissions,
    read-only mounts, /proc and names too long for the file system alike, and it leaves
    nothing behind (a run refused later, e.g. over the memory limit, leaves no empty folder)."""
    folder = Path(folder)
    created: list[Path] = []
    try:
        if folder.exists() and not folder.is_dir():
            return f"{folder} exists and is not a folder"
        created = [p for p in (folder, *folder.parents) if not _is_folder(p)]
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".bemanna-probe-")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        return f"cannot write into {folder}: {describe_os_error(exc, folder)}"
    finally:
        for made in created:  # deepest first
            with contextlib.suppress(OSError):
                made.rmdir()
    return None


def output_file_problem(path: Path) -> str | None:
    """As `output_folder_problem`, for one file: its folder must take files and its name must
    fit the file system's limit. Nothing is left behind but the folder."""
    path = Path(path)
    if _is_folder(path):
        return f"{path} is a folder, not a file"
    problem = output_folder_problem(path.parent)
    if problem is not None:
        return problem
    try:
        limit = os.pathconf(path.parent, "PC_NAME_MAX")
    except (OSError, ValueError):
        limit = _NAME_MAX
    if len(os.fsencode(path.name)) > limit:
        return (f"cannot write {path.name[:40]}…: the name is longer than the file system "
                f"allows ({limit} bytes)")
    return None


@dataclass(frozen=True)
class Written(Generic[T]):
    """What a write returned, the folder it went to, and (after a fallback) why the folder
    asked for refused."""

    value: T
    folder: Path
    problem: str | None = None

    @property
    def moved(self) -> bool:
        return self.problem is not None


def write_with_fallback(folder: Path, write: Callable[[Path], T]) -> Written[T]:
    """`write(folder)`; when it raises OSError, `write` again into a new temporary folder.

    The caller says where the files went (`Written.problem` is the reason). An error in the
    temporary folder too is raised: then nothing can be written anywhere."""
    folder = Path(folder)
    try:
        return Written(write(folder), folder)
    except OSError as exc:
        problem = f"cannot write into {folder}: {describe_os_error(exc, folder)}"
    spare = Path(tempfile.mkdtemp(prefix=FALLBACK_PREFIX))
    return Written(write(spare), spare, problem)


def write_file_with_fallback(path: Path, text: str) -> Written[Path]:
    """Write text to path atomically; when that fails, to a temporary folder under the same
    name (or `output` + suffix when the name itself is the problem)."""
    path = Path(path)

    def write(folder: Path) -> Path:
        target = folder / path.name
        if folder != path.parent and len(os.fsencode(path.name)) > _NAME_MAX:
            target = folder / f"output{path.suffix[:20]}"
        write_atomic(target, text)
        return target

    return write_with_fallback(path.parent, write)

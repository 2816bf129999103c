"""What every command shares: the two consoles, exit codes, and the one way bad input ends a
command (a line naming the source, one line per problem, exit 2, never a traceback)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer
from rich.console import Console

if TYPE_CHECKING:
    from bemanna.instance import Instance, InstanceError
    from bemanna.labels import Lang
    from bemanna.roster import Roster, RosterError, Written

console = Console(soft_wrap=True)  # one finding per line, whatever the terminal width
err = Console(stderr=True, soft_wrap=True)

EXIT_VIOLATION = 1
EXIT_BAD_INPUT = 2


def _lang(lang: Lang | None) -> Lang:
    """The language asked for, else BEMANNA_LANG, else Swedish (a bad BEMANNA_LANG: Swedish;
    the command's own --lang option reports it)."""
    from bemanna.labels import resolve_lang

    if lang is not None:
        return lang
    try:
        return resolve_lang(None)
    except ValueError:
        return "sv"


def error_word(lang: Lang | None = None) -> str:
    """'fel' / 'error': the first word of an error line."""
    return "fel" if _lang(lang) == "sv" else "error"


def bad_input(error: InstanceError | RosterError, lang: Lang | None = None) -> typer.Exit:
    """Print an input error (its source, then one line per problem, pydantic's common field
    errors worded in the language); the Exit to raise."""
    from bemanna.labels.presolve_words import field_problem

    chosen = _lang(lang)
    print_problems(err, error.source, [field_problem(line, chosen) for line in error.problems],
                   chosen)
    return typer.Exit(EXIT_BAD_INPUT)


def print_problems(to: Console, heading: str, problems: list[str],
                   lang: Lang | None = None) -> None:
    """An error line ('fel: heading'), then one indented line per problem, printed as is."""
    to.print(f"[bold red]{error_word(lang)}[/]: {heading}", highlight=False)
    for line in problems:
        to.print(f"  {line}", highlight=False, markup=False)


def fail(message: str, code: int = EXIT_BAD_INPUT, lang: Lang | None = None) -> NoReturn:
    """One error line (no markup read from the message) and exit."""
    err.print(f"[bold red]{error_word(lang)}[/]: ", end="")
    err.print(message, markup=False, highlight=False)
    raise typer.Exit(code)


def load_or_exit(path: Path, lang: Lang | None = None) -> Instance:
    """The instance at `path` (bemanna.load), or exit 2 with its problems."""
    import bemanna
    from bemanna.instance import InstanceError

    try:
        return bemanna.load(path)
    except InstanceError as exc:
        raise bad_input(exc, lang) from None


def load_roster_or_exit(path: Path, lang: Lang | None = None) -> Roster:
    """The roster at `path` (a folder holding roster.json, or the file), or exit 2."""
    import bemanna
    from bemanna.roster import RosterError

    try:
        return bemanna.load_roster(path)
    except RosterError as exc:
        raise bad_input(exc, lang) from None


def roster_for_or_exit(instance: Instance, path: Path, lang: Lang | None = None) -> Roster:
    """The roster at `path`, which must belong to `instance` (name and horizon), or exit 2
    with one line per mismatch."""
    from bemanna.checker import roster_mismatch
    from bemanna.roster import RosterError

    roster = load_roster_or_exit(path, lang)
    problems = roster_mismatch(instance, roster)
    if problems:
        source = path / "roster.json" if path.is_dir() else path
        raise bad_input(RosterError(str(source), problems), lang)
    return roster


def out_folder_or_exit(out: Path, option: str = "--out") -> None:
    """Refuse an output folder that cannot take files (a file, /proc, a path under a file, a
    read-only folder, a name too long), before any work is done (issue 17.4)."""
    from bemanna.roster import output_folder_problem

    problem = output_folder_problem(out)
    if problem is not None:
        fail(f"{option}: {problem}")


def out_file_or_exit(path: Path, option: str) -> None:
    """As `out_folder_or_exit`, for one output file (its folder and its name)."""
    from bemanna.roster import output_file_problem

    problem = output_file_problem(path)
    if problem is not None:
        fail(f"{option}: {problem}")


def warning_word(lang: Lang | None = None) -> str:
    """'varning' / 'warning': the first word of a warning line."""
    return "varning" if _lang(lang) == "sv" else "warning"


def say_moved(written: Written[Any], what: str, lang: Lang | None = None) -> None:
    """After a fallback write: say why the asked-for place refused and where the files are.
    `what`: 'roster', 'reports', 'compare', 'summary', 'instance', 'instances' or 'template'
    (the keys `moved.*` of `bemanna.labels.explain_words`)."""
    from bemanna.labels.phrases import render

    if written.problem is not None:
        chosen = _lang(lang)
        err.print(f"[yellow]{warning_word(chosen)}[/]: ", end="")
        err.print(render("moved", chosen, {"problem": written.problem,
                                           "what": render(f"moved.{what}", chosen, {}),
                                           "folder": written.folder}),
                  highlight=False, markup=False)


def hint_or_exit(instance: Instance, path: Path) -> Roster:
    """A roster to start a solve from (--hint): it must be laid over the instance's horizon
    (start and days); other differences (employees, shift types) are the solver's to drop.
    Exit 2 with one line per problem otherwise."""
    from bemanna.checker.match import horizon_mismatch
    from bemanna.roster import RosterError

    roster = load_roster_or_exit(path)
    problems = horizon_mismatch(instance, roster)
    if problems:
        source = path / "roster.json" if path.is_dir() else path
        raise bad_input(RosterError(f"--hint {source}", problems))
    return roster


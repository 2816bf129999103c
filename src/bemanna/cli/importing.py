"""`bemanna import FORMAT FILE -o instance.json`: other formats as bemanna instances."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from bemanna.cli.console import (
    EXIT_BAD_INPUT,
    bad_input,
    console,
    err,
    error_word,
    out_file_or_exit,
    say_moved,
)
from bemanna.cli.options import LangOption, Language, lang_of
from bemanna.cli.template import import_excel_command
from bemanna.instance import InstanceError

import_app = typer.Typer(help="Convert other formats into bemanna instances.",
                         no_args_is_help=True)


@import_app.command("curtois")
def import_curtois_command(
    source: Annotated[Path, typer.Argument(help="A Curtois & Qu instance (InstanceN.txt).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Instance JSON to write.")],
    lang: LangOption = Language.sv,
) -> None:
    """Import a Curtois & Qu benchmark instance onto bemanna's generic rules."""
    from bemanna.importers.curtois import CurtoisError, import_curtois
    from bemanna.labels.phrases import Counted, render
    from bemanna.roster import write_file_with_fallback

    language = lang_of(lang)
    out_file_or_exit(out, "--out")
    try:
        data = import_curtois(source)
    except CurtoisError as exc:
        err.print(f"[bold red]{error_word(language)}[/]: {source}: {exc}", highlight=False)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    except InstanceError as exc:
        raise bad_input(exc, language) from None
    except OSError as exc:
        err.print(f"[bold red]{error_word(language)}[/]: " + render(
            "cannot_read", language, {"source": source, "reason": exc.strerror}), highlight=False)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    saved = write_file_with_fallback(out, json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    say_moved(saved, "instance", language)
    console.print(render("import.done", language, {
        "source": source, "path": saved.value,
        "employees": Counted(len(data["employees"]), "employee"),
        "weeks": Counted(data["horizon"]["weeks"], "week")}), highlight=False, markup=False)


import_app.command("excel")(import_excel_command)

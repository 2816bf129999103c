"""`bemanna import FORMAT FILE -o instance.json`: other formats as bemanna instances."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from bemanna.cli.console import EXIT_BAD_INPUT, bad_input, console, err
from bemanna.instance import InstanceError

import_app = typer.Typer(help="Convert other formats into bemanna instances.",
                         no_args_is_help=True)


@import_app.command("curtois")
def import_curtois_command(
    source: Annotated[Path, typer.Argument(help="A Curtois & Qu instance (InstanceN.txt).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Instance JSON to write.")],
) -> None:
    """Import a Curtois & Qu benchmark instance onto bemanna's generic rules."""
    from bemanna.importers.curtois import CurtoisError, import_curtois
    from bemanna.roster import write_atomic

    try:
        data = import_curtois(source)
    except CurtoisError as exc:
        err.print(f"[bold red]error[/]: {source}: {exc}", highlight=False)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    except InstanceError as exc:
        raise bad_input(exc) from None
    except OSError as exc:
        err.print(f"[bold red]error[/]: {source}: cannot read: {exc.strerror}", highlight=False)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    write_atomic(out, json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    console.print(f"{source} -> {out}: {len(data['employees'])} employees, "
                  f"{data['horizon']['weeks']} weeks", highlight=False)

"""The `bemanna` command: one typer app, each command in its own module of this package.

Exit codes: 0 done, 1 the roster breaks a rule / the instance is infeasible, 2 bad input.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from bemanna.cli.batch import batch_app
from bemanna.cli.check import check_command, validate_command
from bemanna.cli.compare import compare_command
from bemanna.cli.console import err
from bemanna.cli.explain import explain_command
from bemanna.cli.generate import generate_command
from bemanna.cli.importing import import_app
from bemanna.cli.replan import replan_command
from bemanna.cli.report import report_command
from bemanna.cli.serve import serve_command
from bemanna.cli.simulate import simulate_command
from bemanna.cli.solve import solve_command
from bemanna.cli.template import template_command

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Staff rosters for Swedish municipal care (CP-SAT).")


def _version(value: bool) -> None:
    if value:
        from bemanna import __version__

        sys.stdout.write(f"bemanna {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True, help="Print the version and exit.")
        ] = False) -> None:
    """Staff rosters for Swedish municipal care (CP-SAT)."""


app.command("solve")(solve_command)
app.command("check")(check_command)
app.command("validate")(validate_command)
app.add_typer(import_app, name="import")
app.command("report")(report_command)
app.command("explain")(explain_command)
app.command("simulate")(simulate_command)
app.command("replan")(replan_command)
app.command("compare")(compare_command)
app.command("generate")(generate_command)
app.add_typer(batch_app, name="batch")
app.command("template")(template_command)
app.command("serve")(serve_command)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the instance format."""
    from bemanna.instance import Instance

    sys.stdout.write(json.dumps(Instance.model_json_schema(), indent=1) + "\n")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()

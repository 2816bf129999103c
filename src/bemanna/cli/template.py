"""`bemanna template OUT.xlsx` and `bemanna import excel FILE.xlsx -o OUT`: the planner's
Excel template (docs/excel.md). Registered in bemanna.cli.app and bemanna.cli.importing."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import typer

from bemanna.cli.console import bad_input, console, fail, load_or_exit


def template_command(
    out: Annotated[Path, typer.Argument(help="The workbook to write (.xlsx).")],
    instance: Annotated[Path | None, typer.Option(
        "--instance", "-i", help="Fill the template with this instance (else an example "
        "unit).")] = None,
) -> None:
    """Write the planner's Excel template, filled with INSTANCE or a small example unit."""
    from bemanna.importers.excel_template import write_template

    if out.suffix.lower() != ".xlsx":
        fail(f"{out}: the template is an Excel workbook, name it .xlsx")
    inst = load_or_exit(instance) if instance is not None else None
    buffer = io.BytesIO()
    write_template(buffer, inst)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(buffer.getvalue())
    except OSError as exc:
        fail(f"{out}: cannot write: {exc.strerror}")
    what = f"instance {inst.name}" if inst is not None else "the example unit"
    console.print(f"{out}: Excel template with {what}", highlight=False)


def _plain(value: Any) -> Any:
    """Decimals as numbers (whole ones as int) for a readable instance file."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def import_excel_command(
    source: Annotated[Path, typer.Argument(help="A filled template (.xlsx).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Instance file to write (.yaml/.yml "
                                      "as YAML, anything else JSON).")],
) -> None:
    """Read a filled Excel template into an instance file; bad cells are named in Swedish."""
    from bemanna.generate.records import to_yaml
    from bemanna.importers.excel.workbook import MAX_BYTES
    from bemanna.importers.excel_template import read_template
    from bemanna.instance import InstanceError
    from bemanna.roster import write_atomic

    try:
        with source.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # read_template refuses anything larger
    except OSError as exc:
        fail(f"{source}: cannot read: {exc.strerror}")
    try:
        instance = read_template(data, str(source))
    except InstanceError as exc:
        raise bad_input(exc) from None
    fields = _plain(instance.model_dump(mode="python", exclude_unset=True))
    if out.suffix.lower() in (".yaml", ".yml"):
        text = to_yaml(fields, header=f"# Read from {source.name} by `bemanna import excel`.\n")
    else:
        text = json.dumps(fields, indent=1, ensure_ascii=False, default=str) + "\n"
    write_atomic(out, text)
    console.print(f"{source} -> {out}: {len(instance.employees)} employees, "
                  f"{instance.horizon.weeks} weeks", highlight=False)

"""`bemanna template OUT.xlsx` and `bemanna import excel FILE.xlsx -o OUT`: the planner's
Excel template (docs/excel.md). Registered in bemanna.cli.app and bemanna.cli.importing."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import typer

from bemanna.cli.console import (
    bad_input,
    console,
    fail,
    load_or_exit,
    out_file_or_exit,
    say_moved,
)
from bemanna.cli.options import LangOption, Language, lang_of
from bemanna.labels.phrases import Counted, phrase, render


def template_command(
    out: Annotated[Path, typer.Argument(help="The workbook to write (.xlsx).")],
    instance: Annotated[Path | None, typer.Option(
        "--instance", "-i", help="Fill the template with this instance (else an example "
        "unit).")] = None,
    lang: LangOption = Language.sv,
) -> None:
    """Write the planner's Excel template, filled with INSTANCE or a small example unit."""
    from bemanna.importers.excel_template import write_template
    from bemanna.roster.output import write_with_fallback

    language = lang_of(lang)
    if out.suffix.lower() != ".xlsx":
        fail(render("template.not_xlsx", language, {"path": out}), lang=language)
    out_file_or_exit(out, "OUT")
    inst = load_or_exit(instance, language) if instance is not None else None
    buffer = io.BytesIO()
    write_template(buffer, inst)

    def write(folder: Path) -> Path:
        target = folder / out.name
        target.write_bytes(buffer.getvalue())
        return target

    saved = write_with_fallback(out.parent, write)
    say_moved(saved, "template", language)
    what = (phrase("template.instance", name=inst.name) if inst is not None
            else phrase("template.example"))
    console.print(render("template.done", language, {"path": saved.value, "what": what}),
                  highlight=False, markup=False)


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
    lang: LangOption = Language.sv,
) -> None:
    """Read a filled Excel template into an instance file; bad cells are named in Swedish."""
    from bemanna.generate.records import to_yaml
    from bemanna.importers.excel_template import read_template
    from bemanna.instance import InstanceError
    from bemanna.limits import FileTooLarge, read_bounded
    from bemanna.roster import write_file_with_fallback

    language = lang_of(lang)
    out_file_or_exit(out, "--out")
    try:
        data = read_bounded(source)
    except FileTooLarge as exc:
        fail(f"{source}: {exc.problem}", lang=language)
    except OSError as exc:
        fail(render("cannot_read", language, {"source": source, "reason": exc.strerror}),
             lang=language)
    try:
        instance = read_template(data, str(source))
    except InstanceError as exc:
        raise bad_input(exc, language) from None
    fields = _plain(instance.model_dump(mode="python", exclude_unset=True))
    if out.suffix.lower() in (".yaml", ".yml"):
        text = to_yaml(fields, header=f"# Read from {source.name} by `bemanna import excel`.\n")
    else:
        text = json.dumps(fields, indent=1, ensure_ascii=False, default=str) + "\n"
    saved = write_file_with_fallback(out, text)
    say_moved(saved, "instance", language)
    console.print(render("import.done", language, {
        "source": source, "path": saved.value,
        "employees": Counted(len(instance.employees), "employee"),
        "weeks": Counted(instance.horizon.weeks, "week")}), highlight=False, markup=False)

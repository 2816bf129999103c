"""The command line: a thin layer on the public API (`bemanna`), one module per command.

`console.py` holds what every command shares (consoles, exit codes, the bad-input exit);
no module outside this package imports typer or rich's console.
"""

from bemanna.cli.app import app, main

__all__ = ["app", "main"]

"""The `import-calendar` and `warnings` commands: dated events from .ics files (product launches,
for one), and what a plan should be warned of.

Like every headless command they load neither Qt nor the app, and import the store only once the
arguments are parsed.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from mopsboard.cli.args import Parser

Handler = Callable[[argparse.Namespace], int]
AddCommand = Callable[[str, Handler, str], Parser]


def add_calendar_commands(command: AddCommand) -> None:
    """Registers `import-calendar` and `warnings` (their names are in cli.COMMANDS)."""

"""The `approve` and `since-approval` commands: a campaign's brief approved, and what changed since.

Like every headless command they load neither Qt nor the app, and import the store only once the
arguments are parsed.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from mopsboard.cli.args import Parser

Handler = Callable[[argparse.Namespace], int]
AddCommand = Callable[[str, Handler, str], Parser]


def add_approval_commands(command: AddCommand) -> None:
    """Registers `approve` and `since-approval` (their names are in cli.COMMANDS)."""

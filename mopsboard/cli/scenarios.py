"""The `scenario` command: what-if drafts over the real plan, compared, adopted or discarded.

Like every headless command it loads neither Qt nor the app, and import the store only once the
arguments are parsed.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from mopsboard.cli.args import Parser

Handler = Callable[[argparse.Namespace], int]
AddCommand = Callable[[str, Handler, str], Parser]


def add_scenario_commands(command: AddCommand) -> None:
    """Registers `scenario` and its actions (its name is in cli.COMMANDS)."""

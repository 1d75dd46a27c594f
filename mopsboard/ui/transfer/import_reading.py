"""What the import dialog shows of a file before anything is written: its format, its CSV
columns and their fields, the board it makes, or why it cannot be imported. Runs on a worker
thread: it reads the file only, never the workspace."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from mopsboard.io.importers.csv_table import read_table
from mopsboard.io.importers.reading import ImportOptions, detect_format, read_import
from mopsboard.io.importers.source import ImportRefused, open_source
from mopsboard.io.importers.text import plural
from mopsboard.store.board_import import BoardImport

WORKSPACE_FILE = (
    "This is a mopsboard workspace file (File \u25b8 Export workspace\u2026): it holds a whole "
    "workspace, not a board of this one. 'Make a new workspace from this file\u2026' rebuilds "
    "it in a new file and opens it in a window of its own."
)

# The importers name the command line's flags; in the dialog, its own controls say the same.
_DIALOG_WORDS = (
    (
        "name it with --map COLUMN=title (or choose it in the import dialog)",
        "choose Title as the Field of that column under Columns",
    ),
    (
        "import with --archived (Archived cards in the import dialog) to bring it in",
        "tick 'Archived cards too' to bring it in",
    ),
    ("import with --archived to bring it in", "tick 'Archived cards too' to bring it in"),
    ("say which with --dayfirst or --monthfirst", "say which under Dates"),
)


def in_dialog_words(text: str) -> str:
    """An importer's message as the import dialog says it: its controls, not the CLI's flags."""
    for flags, controls in _DIALOG_WORDS:
        text = text.replace(flags, controls)
    return text


@dataclass(frozen=True)
class Preview:
    format_name: str
    plan: BoardImport | None
    problem: str = ""
    headers: tuple[str, ...] = ()
    first_values: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    # A whole workspace (File > Export workspace...): made a workspace of its own, not imported.
    workspace_file: bool = False

    @property
    def counts(self) -> str:
        plan = self.plan
        if plan is None:
            return ""
        people = {t.assignee for t in plan.tasks if t.assignee}
        skipped = f"; {plural(len(plan.skipped), 'item')} skipped" if plan.skipped else ""
        return (
            f"{plural(len(plan.tasks), 'task')} in {plural(len(plan.stages), 'stage')}, "
            f"{plural(len(people), 'person')}, {plural(len(plan.labels), 'label')}{skipped}."
        ).replace("persons", "people")


def read_preview(path: Path, options: ImportOptions) -> Preview:
    try:
        source = open_source(path)
        kind = detect_format(source)
    except ImportRefused as error:
        return Preview("", None, str(error))
    if kind == "json":
        return Preview("mopsboard workspace file", None, WORKSPACE_FILE, workspace_file=True)
    if kind == "trello":
        name = "Trello board export"
        headers: tuple[str, ...] = ()
        firsts: tuple[str, ...] = ()
        fields: tuple[str, ...] = ()
    else:
        try:
            table = read_table(source, options.mapping, limit=1)
        except ImportRefused as error:
            return Preview("CSV", None, str(error))
        name = f"CSV ({table.preset.name}; {table.separator}-separated; {source.encoding})"
        headers, fields = tuple(table.headers), tuple(table.fields)
        first = table.sample[0] if table.sample else []
        firsts = tuple((first[n] if n < len(first) else "")[:60] for n in range(len(headers)))
    try:
        plan = read_import(path, replace(options, format=kind))
    except ImportRefused as error:
        return Preview(name, None, in_dialog_words(str(error)), headers, firsts, fields)
    assert isinstance(plan, BoardImport)
    return Preview(name, plan, "", headers, firsts, fields)

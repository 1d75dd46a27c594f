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
    "This is a mopsboard workspace file: it is imported whole, into a new workspace. Run "
    "'mopsboard import NEW.mopsboard FILE' and open NEW.mopsboard."
)


@dataclass(frozen=True)
class Preview:
    format_name: str
    plan: BoardImport | None
    problem: str = ""
    headers: tuple[str, ...] = ()
    first_values: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()

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
        return Preview("mopsboard workspace file", None, WORKSPACE_FILE)
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
        return Preview(name, None, str(error), headers, firsts, fields)
    assert isinstance(plan, BoardImport)
    return Preview(name, plan, "", headers, firsts, fields)

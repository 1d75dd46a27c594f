"""A CSV table as a board: one task per row, its stages from the stage column (in the order of
their kinds: backlog, active, review, done, then as they first appear), dates read with the order
decided per column (csv_dates), every refusal naming the row and column."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, tzinfo
from typing import Any

from mopsboard.domain.fields import MAX_NAME
from mopsboard.domain.models import Priority, StageKind
from mopsboard.io.importers import csv_values as values
from mopsboard.io.importers.csv_dates import AmbiguousDates, Order, decide_order, parse_day
from mopsboard.io.importers.csv_fields import DATES
from mopsboard.io.importers.csv_table import CsvTable, Row, read_table
from mopsboard.io.importers.options import ImportOptions
from mopsboard.io.importers.source import ImportRefused, Source
from mopsboard.io.importers.stage_kinds import guess_kind
from mopsboard.io.importers.text import clip
from mopsboard.store.board_import import (
    BoardImport,
    ImportedComment,
    ImportedStage,
    ImportedTask,
    Skipped,
)

_KIND_ORDER = {StageKind.BACKLOG: 0, StageKind.ACTIVE: 1, StageKind.REVIEW: 2, StageKind.DONE: 3}
DEFAULT_STAGE = "To do"
DONE_STAGE = "Done"


def date_orders(table: CsvTable, wanted: bool | None) -> dict[str, Order]:
    """The order of day and month for each date column, decided from all its values; a column
    none of whose values can tell takes the order the file's other date columns agree on (one
    tool wrote them all)."""
    found: dict[str, list[tuple[int, str]]] = {}
    for row in table.rows:
        for name in DATES:
            for header, text in row.cells.get(name, ()):
                found.setdefault(header, []).append((row.number, text))
    orders: dict[str, Order] = {}
    undecided: list[AmbiguousDates] = []
    for header, cells in found.items():
        try:
            orders[header] = decide_order(header, cells, wanted)
        except AmbiguousDates as error:
            undecided.append(error)
    shown = {order.dayfirst for order in orders.values() if order.dayfirst is not None}
    agreed = shown.pop() if len(shown) == 1 else None
    for refusal in undecided:
        if agreed is None:
            raise refusal
        orders[refusal.column] = Order(agreed)
    return orders


def _first(row: Row, name: str) -> tuple[str, str] | None:
    cells = row.cells.get(name)
    return cells[0] if cells else None


def _text(row: Row, name: str) -> str | None:
    cell = _first(row, name)
    return " ".join(cell[1].split()) if cell else None


class _Stages:
    """The board's stages from the stage column, in the order of their kinds; a done stage is
    added when rows are marked completed and no stage is of kind done."""

    def __init__(self, table: CsvTable) -> None:
        seen: dict[str, str] = {}
        completed = False
        for row in table.rows:
            name = _text(row, "stage")
            if name:
                seen.setdefault(name.casefold(), name)
            completion = _first(row, "completed")
            completed = completed or bool(completion and values.yes(completion[1]))
        stages = [ImportedStage(name, guess_kind(name)) for name in seen.values()]
        if completed and not any(s.kind is StageKind.DONE for s in stages):
            stages.append(ImportedStage(DONE_STAGE, StageKind.DONE))
        self.stages = tuple(sorted(stages, key=lambda s: _KIND_ORDER[s.kind]))
        self.by_name = {s.name.casefold(): s for s in self.stages}
        self.done = next((s.name for s in self.stages if s.kind is StageKind.DONE), None)

    def of(self, row: Row, completed: bool) -> str:
        """The row's stage ("" for the board's first), a done one for a completed row."""
        name = _text(row, "stage")
        stage = self.by_name.get(name.casefold()) if name else None
        if completed and self.done and (stage is None or stage.kind is not StageKind.DONE):
            return self.done
        return stage.name if stage else ""


class _RowReader:
    def __init__(self, table: CsvTable, orders: dict[str, Order], zone: tzinfo | None) -> None:
        self.table, self.orders, self.zone = table, orders, zone
        self.notes: list[str] = []

    def where(self, row: Row, header: str | None = None) -> str:
        column = f", column {header!r}" if header else ""
        return f"row {row.number}{column}"

    def read(self, row: Row, name: str, read: Callable[[str], Any]) -> Any:
        cell = _first(row, name)
        if cell is None:
            return None
        try:
            return read(cell[1])
        except ValueError as error:
            raise ImportRefused(
                f"{self.where(row, cell[0])}: {error}; nothing was imported."
            ) from None

    def day(self, row: Row, name: str) -> date | None:
        cell = _first(row, name)
        if cell is None:
            return None
        header, text = cell
        return parse_day(text, self.orders[header], self.zone, self.where(row, header))

    def many(self, row: Row, name: str) -> Sequence[tuple[str, str]]:
        return row.cells.get(name, ())


def _comment(text: str) -> ImportedComment:
    """Jira writes a comment as `15/Feb/26 4:37 PM;author-id;text`; other tools plain text."""
    parts = text.split(";", 2)
    if len(parts) == 3:
        try:
            from dateutil import parser as date_parser

            moment: datetime | None = date_parser.parse(parts[0])
            return ImportedComment(author=parts[1].strip(), at=moment, text=parts[2])
        except (ValueError, OverflowError):
            pass
    return ImportedComment(author="", at=None, text=text)


def _task(reader: _RowReader, row: Row, stages: _Stages) -> ImportedTask | Skipped:
    preset = reader.table.preset
    title_cell = _first(row, "title")
    full = " ".join(title_cell[1].split()) if title_cell else ""
    if not full:
        return Skipped(f"row {row.number}", "it has no title")
    title = clip(full, MAX_NAME)
    notes = [f"the title was shortened to {MAX_NAME} characters"] if title != full else []
    descriptions = [text.strip() for _, text in reader.many(row, "description") if text.strip()]
    if title != full:
        descriptions.insert(0, full)
    people = values.split_list(_text(row, "assignee") or "")
    if preset.wekan_labels and people:
        people = people[0].split()
    if len(people) > 1:
        descriptions.append("Also assigned: " + ", ".join(people[1:]))
    labels: list[str] = []
    for _, text in reader.many(row, "labels"):
        labels.extend(values.labels(text, wekan=preset.wekan_labels))
    checklist = [
        item for _, text in reader.many(row, "checklist") for item in values.checklist(text)
    ]
    start, due = reader.day(row, "start"), reader.day(row, "due")
    if start and due and due < start:
        notes.append(f"its start {start} is after its due date {due}: the start was left out")
        start = None
    stage = stages.of(row, bool(reader.read(row, "completed", values.yes)))
    try:
        chosen = values.priority(_text(row, "priority") or "")
    except ValueError as error:
        notes.append(f"{error}: no priority was set")
        chosen = Priority.NONE
    return ImportedTask(
        where=f"row {row.number} ({clip(title, 40)!r})",
        title=title,
        stage=stage,
        description="\n\n".join(descriptions),
        assignee=people[0] if people else None,
        team=_text(row, "team"),
        labels=tuple(dict.fromkeys(label for label in labels if label)),
        checklist=tuple(checklist),
        start=start,
        due=due,
        estimate=reader.read(
            row, "estimate", lambda t: values.hours(t, seconds=preset.estimate_seconds)
        ),
        campaign=_text(row, "campaign"),
        persona=_text(row, "persona"),
        priority=chosen,
        archived=bool(reader.read(row, "archived", values.yes)),
        comments=tuple(_comment(text) for _, text in reader.many(row, "comment")),
        notes=tuple(notes),
    )


def plan_from_table(table: CsvTable, options: ImportOptions, board: str) -> BoardImport:
    if "title" not in table.fields:
        shown = ", ".join(repr(h) for h in table.headers[:20])
        raise ImportRefused(
            f"no column holds the tasks' titles (the columns are {shown}); name it with "
            "--map COLUMN=title (or choose it in the import dialog). Nothing was imported."
        )
    orders = date_orders(table, options.dayfirst)
    stages = _Stages(table)
    reader = _RowReader(table, orders, options.zone)
    tasks: list[ImportedTask] = []
    skipped: list[Skipped] = []
    for row in table.rows:
        made = _task(reader, row, stages)
        if isinstance(made, Skipped):
            skipped.append(made)
        elif made.archived and not options.archived:
            skipped.append(
                Skipped(
                    made.where, "the row is marked archived; import with --archived to bring it in"
                )
            )
        else:
            tasks.append(made)
    return BoardImport(
        board=board,
        stages=stages.stages,
        tasks=tuple(tasks),
        people_team=board,
        skipped=tuple(skipped),
    )


def read_csv(source: Source, options: ImportOptions) -> BoardImport:
    table = read_table(source, options.mapping)
    try:
        return plan_from_table(table, options, " ".join(source.path.stem.split()) or "Imported")
    except ImportRefused as error:
        text = str(error)
        raise ImportRefused(
            text if text.startswith(str(source.path)) else f"{source.path}: {text}"
        ) from None

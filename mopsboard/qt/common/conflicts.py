"""Undo and redo against a file others write too.

Each undo or redo step expects the rows it writes to be as this window's own last write left
them (the store remembers that version: `Workspace.written_version`) and passes that version to
the write, which checks it in the same unit of work. When someone else changed a row meanwhile,
the user is asked, through `Resolver`, the question a stale save asks: keep theirs (the step is
dropped from the history) or keep mine (the step is made anyway, writing only the fields its own
command changed, so the other person's other edits stay).

`Table.set_fields` is the one "read the rows, copy these fields onto them, write them" step: an
action's first write uses it (`set_one`), and so do the undo and redo of every `Swap`.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from mopsboard.domain.errors import ConflictError, NotFoundError
from mopsboard.domain.models import Record, Task
from mopsboard.store.moves import Placement
from mopsboard.store.workspace import Workspace

R = TypeVar("R", bound="Record[Any]")

# What an edit never sets itself: the store keeps them (versions, timestamps, a card's place).
BOOKKEEPING = frozenset({"id", "version", "updated_at", "created_at", "completed_at", "rank"})


class Choice(enum.Enum):
    THEIRS = "theirs"
    MINE = "mine"
    REOPEN = "reopen"


@dataclass(frozen=True)
class Conflict:
    """The question put to the user when their change meets someone else's."""

    title: str
    text: str
    detail: str = ""
    # Offered by a save from an editor, which can show the other version instead.
    can_reopen: bool = False


Resolver = Callable[[Conflict], Choice]


def keep_theirs(_conflict: Conflict) -> Choice:
    """Without anyone to ask (tests, headless use), nothing is overwritten."""
    return Choice.THEIRS


@dataclass(frozen=True)
class Checked:
    """An undo or redo step that refuses (ConflictError) to write over someone else's change,
    and the same step made anyway, for Keep mine."""

    run: Callable[[], object]
    force: Callable[[], object]


def changed_fields(
    before: Record[Any], after: Record[Any], fields: Iterable[str] | None = None
) -> list[str]:
    """The fields a command changed: only these are written back by its undo and redo."""
    names = fields if fields is not None else (set(type(before).model_fields) - BOOKKEEPING)
    return sorted(name for name in names if getattr(before, name) != getattr(after, name))


class Table(Generic[R]):
    """One table's rows as the actions read and write them: by id, several in one unit of work."""

    def __init__(
        self,
        workspace: Workspace,
        name: str,
        read: Callable[[list[int]], Sequence[R]],
        write: Callable[[list[R]], Sequence[R]],
    ) -> None:
        self.workspace = workspace
        self.name = name
        self._read = read
        self._write = write

    @classmethod
    def one(
        cls,
        workspace: Workspace,
        name: str,
        read: Callable[[Any], R],
        write: Callable[[R], R],
    ) -> Table[R]:
        """A table the store reads and writes a row at a time. (Its ids are the table's, whatever
        their type: this reads rows named by a table and an id, as conflicts report them.)"""
        return cls(
            workspace, name, lambda ids: [read(i) for i in ids], lambda rows: [write(rows[0])]
        )

    def set_fields(
        self, values: Mapping[int, Mapping[str, Any]], *, check: bool = False
    ) -> tuple[list[R], list[R]]:
        """The one "read the rows, copy these fields onto them, write them" step: returns the
        rows as read and as written. With `check`, a row someone else changed since this
        connection last wrote it is refused (ConflictError) before anything is written."""
        current = self._read(list(values))
        if len(current) != len(values):
            raise NotFoundError("It was deleted in another window or program meanwhile.")
        edited, stale = [], []
        for record in current:
            update = dict(values[record.key])
            if check:
                # Versions start at 1: a row this connection never wrote always counts as changed.
                expected = self.workspace.written_version(self.name, record.key) or 0
                if record.version != expected:
                    stale.append(record.key)
                # The write checks it again, in its own unit of work: a change made after this
                # read is refused there.
                update["version"] = expected
            edited.append(record.model_copy(update=update))
        if stale:
            # Asked before the write, so a board rule the other change broke cannot answer first.
            raise ConflictError("Changed elsewhere meanwhile.", self.name, stale[0], stale)
        return list(current), list(self._write(edited))

    def set_one(self, row_id: int, values: Mapping[str, Any]) -> tuple[R, R]:
        """Sets some fields of one row as it is now; returns it as read and as written."""
        (before,), (after,) = self.set_fields({row_id: values})
        return before, after


class Swap(Generic[R]):
    """Some fields of some rows, set back and forth by one command's undo and redo."""

    def __init__(self, table: Table[R], fields: Iterable[str]) -> None:
        self._table = table
        self._fields = tuple(fields)

    def to(self, sources: Sequence[R]) -> Checked:
        """The step that gives the rows the sources' values of this command's fields."""
        values = {s.key: {f: getattr(s, f) for f in self._fields} for s in sources}
        return Checked(
            lambda: self._table.set_fields(values, check=True),
            lambda: self._table.set_fields(values),
        )


def tasks_table(workspace: Workspace) -> Table[Task]:
    """Tasks, all of a step's tasks in one unit of work."""
    return Table(workspace, "tasks", workspace.tasks_by_id, workspace.update_tasks)


def placing(workspace: Workspace, placements: Sequence[Placement]) -> Checked:
    """Puts cards back where a move took them from (or again where it put them)."""

    def checked() -> None:
        workspace.place_tasks(
            [
                dataclasses.replace(p, version=workspace.written_version("tasks", p.task_id) or 0)
                for p in placements
            ]
        )

    unchecked = [dataclasses.replace(p, version=None) for p in placements]
    return Checked(checked, lambda: workspace.place_tasks(unchecked))


# -- words ------------------------------------------------------------------------------------


def rows_named(workspace: Workspace, table: str, row_ids: Sequence[int]) -> str:
    """What changed, named as the user knows it: "'Launch email'", "'A' and 'B'", "5 tasks"."""
    # Ids as a conflict reports them: a table's name and its row ids.
    readers: dict[str, Callable[[Any], Record[Any]]] = {
        "tasks": workspace.task,
        "boards": workspace.board,
        "stages": workspace.stage,
        "teams": workspace.team,
        "members": workspace.member,
        "personas": workspace.persona,
        "campaigns": workspace.campaign,
    }
    names: list[str] = []
    read = readers.get(table)
    if read is not None and len(row_ids) <= 3:
        for row_id in row_ids:
            try:
                record = read(row_id)
            except NotFoundError:
                continue
            names.append(f"'{getattr(record, 'title', None) or getattr(record, 'name', '')}'")
    if not names:
        what = table.replace("_", " ")
        return f"{len(row_ids)} {what}" if len(row_ids) > 1 else f"The {what.removesuffix('s')}"
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def undo_question(subject: str, count: int, step: str, word: str) -> Conflict:
    """Asked when undoing (`word` "undo") or redoing ("redo") the step `step` met a change to
    `count` rows named by `subject`."""
    done = {"undo": "undoes", "redo": "redoes"}[word]
    verb = "were" if count > 1 else "was"
    return Conflict(
        title="Changed elsewhere",
        text=f"{subject} {verb} changed in another window or program after \u201c{step}\u201d.",
        detail=f"Keep mine {done} \u201c{step}\u201d anyway, writing only what it changed; "
        "their other changes stay. Keep theirs leaves everything as they left it and drops "
        f"\u201c{step}\u201d from the undo history.",
    )


def kept_theirs(subject: str, step: str, word: str) -> str:
    return (
        f"Kept the change made elsewhere to {subject[0].lower() + subject[1:]}: could not {word} "
        f"\u201c{step}\u201d, so it was dropped from the undo history."
    )

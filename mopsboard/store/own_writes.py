"""The version each row got from this connection's own last write.

Undo and redo must tell another program's change from this window's own: a row's version also
moves when this connection writes it as a side effect (a rebalance of order keys, stages shifted
by an added stage, tasks following a member to another team) or through a later step of the same
history. So the store notes, inside the unit of work that wrote them, the versions its own writes
produced; a row whose version is no longer the noted one was written by someone else.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence

from mopsboard.store.base import Change, StoreBase
from mopsboard.store.connection import StoreConnection

_CHUNK = 500


class OwnWrites(StoreBase):
    _written_versions: dict[tuple[str, int], int]

    def written_version(self, table: str, row_id: int) -> int | None:
        """The version this connection's last write gave the row; None if it never wrote it
        (or deleted it)."""
        written: dict[tuple[str, int], int] = self.__dict__.get("_written_versions", {})
        return written.get((table, row_id))

    @contextlib.contextmanager
    def _write(self) -> Iterator[StoreConnection]:
        # Wraps the unit of work rather than changing it: the versions are read after the
        # action's last statement and before COMMIT, so no other writer can slip in between,
        # and they are kept only once the commit succeeded.
        outermost = not self.db.in_transaction
        noted: list[tuple[Change, dict[int, int]]] = []
        with super()._write() as db:
            yield db
            if outermost:
                noted = self._versions_of(self._pending)
        if outermost:
            self._note(noted)

    def _versions_of(self, changes: Sequence[Change]) -> list[tuple[Change, dict[int, int]]]:
        result = []
        for change in changes:
            versions: dict[int, int] = {}
            if change.kind != "deleted" and "version" in self._columns(change.table):
                ids = sorted(change.ids)
                for start in range(0, len(ids), _CHUNK):
                    chunk = ids[start : start + _CHUNK]
                    marks = ", ".join("?" for _ in chunk)
                    versions.update(
                        self.db.execute(
                            f"SELECT id, version FROM {change.table} "  # noqa: S608
                            f"WHERE id IN ({marks})",
                            chunk,
                        ).fetchall()
                    )
            result.append((change, versions))
        return result

    def _note(self, noted: Sequence[tuple[Change, dict[int, int]]]) -> None:
        written = self.__dict__.setdefault("_written_versions", {})
        for change, versions in noted:
            if change.kind == "deleted":
                for row_id in change.ids:
                    written.pop((change.table, row_id), None)
            for row_id, version in versions.items():
                written[(change.table, row_id)] = version

"""Importing a calendar's events (.ics), and removing imported events: each one transaction and
one undo step. Undo of an import deletes what it added and sets what it updated back; redo
makes it again with the same ids (either asks, as every undo does, when someone else changed
those events meanwhile). Undo of a removal puts the events back with their ids."""

from __future__ import annotations

from collections.abc import Sequence

from mopsboard.domain.calendar_events import CalendarEvent
from mopsboard.io.ical_import import CalendarRead
from mopsboard.qt.common.actions import EntityActions
from mopsboard.qt.common.conflicts import Checked
from mopsboard.store.calendar_events import CalendarImport


def import_words(read: CalendarRead, done: CalendarImport) -> str:
    """What an import did, in a line: '3 product launches added, 1 updated, 2 unchanged'."""
    kind = read.events[0].kind.plural if read.events else "events"
    return (
        f"{len(done.added)} {kind} added, {len(done.updated)} updated, {done.unchanged} unchanged"
    )


class CalendarEventActions(EntityActions):
    def import_calendar(self, read: CalendarRead) -> CalendarImport | None:
        """Adds or updates the events read from a file; None (and `failed`) when refused."""
        ws = self.workspace
        done = self._attempt(lambda: ws.import_calendar_events(read.events))
        if done is None or not done.changed:
            return done
        self._push(
            f"Import calendar '{read.name}'",
            Checked(
                lambda: ws.redo_calendar_import(done),
                lambda: ws.redo_calendar_import(done, check=False),
            ),
            Checked(
                lambda: ws.undo_calendar_import(done),
                lambda: ws.undo_calendar_import(done, check=False),
            ),
        )
        return done

    def remove_events(self, events: Sequence[CalendarEvent], text: str) -> bool:
        """Deletes imported events (`text` names the step: "Remove the events of 'a.ics'")."""
        ws = self.workspace
        ids = [e.key for e in events]
        removed = self._attempt(lambda: ws.delete_calendar_events(ids))
        if not removed:
            return False
        self._push(
            text,
            lambda: ws.delete_calendar_events(ids),
            lambda: ws.restore_calendar_events(removed),
        )
        return True

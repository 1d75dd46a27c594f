"""Events imported from other calendars (.ics), and what the campaign warnings are computed from.

- `import_calendar_events(events) -> CalendarImport`: in one unit of work, adds the events whose
  `uid` the workspace does not hold and updates those it does (an event that would not change is
  left alone); returns what was added and, for each update, the event before and after: what
  undo needs (`undo_calendar_import`, `redo_calendar_import`, each one unit of work).
- `calendar_events(first=None, last=None, kind=None)`: the events that touch the period, by day.
- `delete_calendar_events(ids) -> list[CalendarEvent]`: deletes them and returns them as they
  were; `restore_calendar_events(events)` puts them back with their ids (its undo).
- `approved_campaign_ids()`: the campaigns with an approval (the timeline's ghost bars read their
  baselines only as their rows are shown).
- `campaign_personas(ids=None)`: the main personas of every campaign (or of these), those most
  of its tasks' hours target; `campaign_warnings()`: the plan's warnings
  (domain/campaign_warnings.py) from the campaigns, personas and product launches.

Undo and redo refuse (ConflictError) to write over an event someone else changed since this
connection last wrote it, unless told to (`check=False`: the user's Keep mine).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from mopsboard.domain.calendar_events import CalendarEvent, CalendarEventKind
from mopsboard.domain.errors import ConflictError
from mopsboard.domain.ids import CalendarEventId, CampaignId, PersonaId
from mopsboard.domain.models import Campaign, Persona
from mopsboard.store.base import StoreBase, inserted_id, now_text

if TYPE_CHECKING:
    from mopsboard.domain.campaign_warnings import CampaignWarning

TABLE = "calendar_events"
_FIELDS = ("uid", "title", "first_day", "last_day", "kind", "source")
# Beyond this many ids an IN list is split (SQLite's limit on host parameters is 32,766).
_CHUNK = 30_000


@dataclass(frozen=True)
class CalendarImport:
    """What one import did: the events it added, each event it updated (before, after), and how
    many it found as the workspace held them already."""

    added: tuple[CalendarEvent, ...] = ()
    updated: tuple[tuple[CalendarEvent, CalendarEvent], ...] = ()
    unchanged: int = 0
    # Uids given twice: the last one given was kept.
    doubled: tuple[str, ...] = field(default=())

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated)


def _row(event: CalendarEvent) -> list[object]:
    return [
        event.uid,
        event.title,
        event.first_day.isoformat(),
        event.last_day.isoformat(),
        event.kind.value,
        event.source,
    ]


class CalendarEventStore(StoreBase):
    # -- reading --------------------------------------------------------------------------------

    def calendar_event(self, event_id: CalendarEventId) -> CalendarEvent:
        return self._get(CalendarEvent, TABLE, event_id, "calendar event")

    def calendar_events(
        self,
        first: date | None = None,
        last: date | None = None,
        kind: CalendarEventKind | None = None,
    ) -> list[CalendarEvent]:
        """The events with a day from `first` to `last` (either None: no bound), by first day."""
        where: list[str] = []
        params: list[object] = []
        if first is not None:
            where.append("last_day >= ?")
            params.append(first.isoformat())
        if last is not None:
            where.append("first_day <= ?")
            params.append(last.isoformat())
        if kind is not None:
            where.append("kind = ?")
            params.append(kind.value)
        return self._all(
            CalendarEvent, TABLE, " AND ".join(where), params, order="first_day, last_day, id"
        )

    def _events_by_uid(self, uids: Sequence[str]) -> dict[str, CalendarEvent]:
        found: dict[str, CalendarEvent] = {}
        for n in range(0, len(uids), _CHUNK):
            chunk = uids[n : n + _CHUNK]
            marks = ", ".join("?" for _ in chunk)
            for event in self._all(CalendarEvent, TABLE, f"uid IN ({marks})", chunk):
                found[event.uid] = event
        return found

    def _events_by_id(self, ids: Sequence[int]) -> list[CalendarEvent]:
        found: list[CalendarEvent] = []
        for n in range(0, len(ids), _CHUNK):
            chunk = list(ids[n : n + _CHUNK])
            marks = ", ".join("?" for _ in chunk)
            found += self._all(CalendarEvent, TABLE, f"id IN ({marks})", chunk)
        return found

    def campaign_personas(
        self, campaign_ids: Collection[CampaignId] | None = None
    ) -> dict[CampaignId, frozenset[PersonaId]]:
        """The main personas of each campaign, or of these campaigns (domain/campaign_warnings.py:
        the ones most of the estimated hours of its unarchived tasks target)."""
        from mopsboard.domain.campaign_warnings import PersonaWork, main_personas

        # Every task of the campaigns asked for is read (no index holds persona and hours): for
        # all 200 campaigns of 50,000 tasks about 100 ms on a busy machine, ten times what
        # asking which personas occur took; so the warnings ask only for those that can clash.
        query = (
            "SELECT c.id, t.persona_id, COALESCE(SUM(t.estimate_hours), 0), COUNT(*) "
            "FROM campaigns c JOIN tasks t ON t.campaign_id = c.id "
            "WHERE t.archived = 0 AND t.persona_id IS NOT NULL{} GROUP BY c.id, t.persona_id"
        )
        rows: list[tuple[int, int, float, int]] = []
        with self._read() as db:
            if campaign_ids is None:
                rows = db.execute(query.format("")).fetchall()
            else:
                wanted = sorted(campaign_ids)
                for n in range(0, len(wanted), _CHUNK):
                    chunk = wanted[n : n + _CHUNK]
                    marks = ", ".join("?" for _ in chunk)
                    rows += db.execute(query.format(f" AND c.id IN ({marks})"), chunk).fetchall()
        work: dict[CampaignId, dict[PersonaId, PersonaWork]] = {}
        for campaign_id, persona_id, hours, tasks in rows:
            work.setdefault(CampaignId(campaign_id), {})[PersonaId(persona_id)] = PersonaWork(
                float(hours), int(tasks)
            )
        return {key: main_personas(value) for key, value in work.items()}

    def approved_campaign_ids(self) -> frozenset[CampaignId]:
        """The campaigns with an approval (what the timeline asks before it reads baselines)."""
        with self._read() as db:
            rows = db.execute("SELECT DISTINCT campaign_id FROM approvals").fetchall()
        return frozenset(CampaignId(r[0]) for r in rows)

    def campaign_warnings(self) -> list[CampaignWarning]:
        """The plan's warnings (domain/campaign_warnings.py), read in four queries."""
        from mopsboard.domain.campaign_warnings import campaign_warnings, sharing_a_week

        campaigns = self._all(Campaign, "campaigns", "archived = 0")
        personas = {p.key: p.name for p in self._all(Persona, "personas")}
        return campaign_warnings(
            campaigns,
            self.campaign_personas(sharing_a_week(campaigns)),
            personas,
            self.calendar_events(kind=CalendarEventKind.PRODUCT_LAUNCH),
        )

    # -- writing --------------------------------------------------------------------------------

    def import_calendar_events(self, events: Iterable[CalendarEvent]) -> CalendarImport:
        """Adds or updates (by uid) every event, in one unit of work: all of them or none."""
        given: dict[str, CalendarEvent] = {}
        doubled: list[str] = []
        for event in events:
            checked = CalendarEvent.model_validate(event.model_dump(exclude={"id", "version"}))
            if checked.uid in given:
                doubled.append(checked.uid)
            given[checked.uid] = checked
        added: list[CalendarEvent] = []
        updated: list[tuple[CalendarEvent, CalendarEvent]] = []
        unchanged = 0
        with self._write():
            held = self._events_by_uid(list(given))
            for uid, event in given.items():
                before = held.get(uid)
                if before is None:
                    added.append(self._insert(TABLE, event))
                elif before.same_as(event):
                    unchanged += 1
                else:
                    after = event.model_copy(update={"id": before.id, "version": before.version})
                    updated.append((before, self._update(TABLE, after, "calendar event")))
        return CalendarImport(tuple(added), tuple(updated), unchanged, tuple(doubled))

    def undo_calendar_import(self, done: CalendarImport, *, check: bool = True) -> None:
        """Takes an import back: deletes what it added, sets what it updated back."""
        with self._write():
            self._check_own([e.key for e in done.added] + [a.key for _b, a in done.updated], check)
            self._delete_events([e.key for e in done.added])
            for before, _after in done.updated:
                self._set_values(before)

    def redo_calendar_import(self, done: CalendarImport, *, check: bool = True) -> None:
        """Makes an import again as it was made: the same ids, the same values."""
        with self._write():
            self._check_own([a.key for _b, a in done.updated], check)
            self._insert_events(done.added)
            for _before, after in done.updated:
                self._set_values(after)

    def delete_calendar_events(self, ids: Sequence[CalendarEventId]) -> list[CalendarEvent]:
        with self._write():
            events = self._events_by_id(ids)
            self._delete_events([e.key for e in events])
        return events

    def restore_calendar_events(self, events: Sequence[CalendarEvent]) -> None:
        """Puts deleted events back, ids and versions included."""
        with self._write():
            self._insert_events(events)

    # -- inside a unit of work ------------------------------------------------------------------

    def _check_own(self, ids: Sequence[CalendarEventId], check: bool) -> None:
        """Refuses when another connection changed one of these events since this one wrote it."""
        if not check or not ids:
            return
        for event in self._events_by_id(ids):
            if event.version != self.written_version(TABLE, event.key):
                raise ConflictError(
                    f"The calendar event '{event.title}' was changed elsewhere meanwhile.",
                    TABLE,
                    event.key,
                )

    def written_version(self, table: str, row_id: int) -> int | None:
        # The workspace's OwnWrites, before this class among its bases, answers; alone, this
        # store remembers no write of its own, so every check refuses.
        return None

    def _delete_events(self, ids: Sequence[CalendarEventId]) -> None:
        if not ids:
            return
        for n in range(0, len(ids), _CHUNK):
            chunk = list(ids[n : n + _CHUNK])
            marks = ", ".join("?" for _ in chunk)
            self.db.execute(f"DELETE FROM {TABLE} WHERE id IN ({marks})", chunk)  # noqa: S608
        self._changed(TABLE, ids, "deleted")

    def _insert_events(self, events: Sequence[CalendarEvent]) -> None:
        now = now_text()
        ids = []
        for event in events:
            cursor = self.db.execute(
                f"INSERT INTO {TABLE} (id, {', '.join(_FIELDS)}, version, updated_at) "  # noqa: S608
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [event.id, *_row(event), event.version, now],
            )
            ids.append(inserted_id(cursor, event.id))
        if ids:
            self._changed(TABLE, ids, "inserted")

    def _set_values(self, source: CalendarEvent) -> None:
        """Gives the stored event `source`'s values (its uid, title, days, kind and source)."""
        assignments = ", ".join(f"{name} = ?" for name in _FIELDS)
        cursor = self.db.execute(
            f"UPDATE {TABLE} SET {assignments}, updated_at = ?, "  # noqa: S608
            "version = version + 1 WHERE id = ?",
            [*_row(source), now_text(), source.key],
        )
        if cursor.rowcount == 0:
            self._raise_missing_or_conflict(TABLE, source.key, "calendar event")
        self._changed(TABLE, [source.key], "updated", fields=_FIELDS)

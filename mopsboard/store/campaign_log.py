"""A campaign's own log (`campaign_edits`) and who made an edit: written inside the unit of work
of the change it logs (an undo is a change too, and is logged as one).

Logged: the campaign's fields edited (`update_campaign`, with each field's value before and
after) and shifted (`shift_campaign`); a task added to it (created in it, or its campaign set to
it), taken out (its campaign changed), deleted, archived or restored; an approval. Each entry
names the task by id and title, with no reference, so it outlives a deleted task; deleting the
campaign deletes its log (and its delete's undo puts it back, store/campaigns.py).

Who: the name this workspace's comments are signed with (store/comments.py; on a server, the
person's role by default), else the login name.
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from mopsboard.domain.campaign_log import CampaignEditKind, ChangeEntry, campaign_changes
from mopsboard.domain.ids import CampaignId, TaskId
from mopsboard.domain.models import Campaign
from mopsboard.store.base import StoreBase, now_text
from mopsboard.store.comments import CommentStore

# (campaign id, task id or None, the task's title, what happened, the fields: their names, or
# (before, after) by name)
CampaignLogEntry = tuple[int, int | None, str, CampaignEditKind, Sequence[str] | Mapping[str, Any]]

LOG_COLUMNS = "campaign_id, task_id, title, kind, fields, at, author"


class CampaignLogStore(StoreBase):
    _login_name: str | None  # set on the first edit logged with no workspace user name

    def author(self) -> str | None:
        """Who the edits made here are logged as (see the module's docstring)."""
        # A workspace is a CommentStore too (its comments are signed with that name).
        name = self.user_name() if isinstance(self, CommentStore) else None
        if name:
            return name
        # Asked of the system once per connection: it was most of the log's cost in a shift of
        # thousands of tasks. The name set in the workspace is read each time (set, it is used
        # from the next edit on).
        if not hasattr(self, "_login_name"):
            self._login_name = _login_name()
        return self._login_name

    def _has_campaign_log(self) -> bool:
        # A file schema step 0009 has not reached yet (an older release's, in the upgrade tests).
        return bool(self._columns("campaign_edits"))

    def _log_campaign(self, entries: Iterable[CampaignLogEntry], at: str) -> None:
        rows = [
            (
                campaign_id,
                task_id,
                title,
                kind.value,
                json.dumps(fields if isinstance(fields, Mapping) else list(fields)),
            )
            for campaign_id, task_id, title, kind, fields in entries
        ]
        if not rows or not self._has_campaign_log():
            return
        author = self.author()
        self.db.executemany(
            f"INSERT INTO campaign_edits ({LOG_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",  # noqa: S608
            [(*row, at, author) for row in rows],
        )
        # No change report of its own: the campaign's or its tasks' change is the news.

    def _log_campaign_fields(
        self, before: Campaign, after: Campaign, kind: CampaignEditKind
    ) -> None:
        """Logs the fields an edit or a shift changed (nothing when none did)."""
        changed = campaign_changes(before, after)
        if changed:
            self._log_campaign([(before.key, None, "", kind, changed)], now_text())

    def _log_membership(
        self, tasks: Iterable[tuple[int | None, int, str]], kind: CampaignEditKind, at: str
    ) -> None:
        """Logs `kind` for each (campaign id, task id, title) whose campaign is set."""
        self._log_campaign(
            (
                (campaign_id, task_id, title, kind, ())
                for campaign_id, task_id, title in tasks
                if campaign_id is not None
            ),
            at,
        )

    def campaign_log(
        self, campaign_id: CampaignId, since: datetime | None = None
    ) -> list[ChangeEntry]:
        """The campaign's log, oldest first (after `since` only, when given)."""
        if not self._has_campaign_log():
            return []
        rows = self._rows(
            f"SELECT {LOG_COLUMNS} FROM campaign_edits WHERE campaign_id = ? ORDER BY at, id",  # noqa: S608
            [campaign_id],
        )
        entries = [entry for entry in map(_entry, rows) if entry is not None]
        return [e for e in entries if since is None or e.at > since]

    def _campaign_log_rows(self, campaign_id: int) -> list[tuple[Any, ...]]:
        """The log's rows as stored (for a campaign's delete to put back on undo)."""
        if not self._has_campaign_log():
            return []
        sql = f"SELECT {LOG_COLUMNS} FROM campaign_edits WHERE campaign_id = ? ORDER BY id"  # noqa: S608
        return [tuple(r) for r in self.db.execute(sql, [campaign_id]).fetchall()]

    def _put_back_campaign_log(self, rows: Sequence[tuple[Any, ...]]) -> None:
        if rows:
            self.db.executemany(
                f"INSERT INTO campaign_edits ({LOG_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",  # noqa: S608
                list(rows),
            )


def _login_name() -> str | None:
    try:
        return getpass.getuser() or None
    except (OSError, KeyError, ImportError):
        return None  # no login name to be had (a service with no passwd entry)


def _entry(row: Mapping[str, Any]) -> ChangeEntry | None:
    """A line of the log; None for a row another program wrote that cannot be read."""
    try:
        at = datetime.fromisoformat(str(row["at"]))
        kind = CampaignEditKind(str(row["kind"]))
        fields = json.loads(row["fields"] or "[]")
    except ValueError:
        return None
    values: dict[str, tuple[str, str]] = {}
    if isinstance(fields, dict):
        for name, pair in fields.items():
            if isinstance(pair, list) and len(pair) == 2:
                values[str(name)] = (_text(pair[0]), _text(pair[1]))
        names = tuple(str(n) for n in fields)
    elif isinstance(fields, list):
        names = tuple(str(n) for n in fields)
    else:
        names = ()
    task_id = row["task_id"]
    return ChangeEntry(
        at=at,
        author=row["author"],
        kind=kind,
        task_id=TaskId(task_id) if isinstance(task_id, int) else None,
        title=str(row["title"] or ""),
        fields=names,
        values=values,
    )


def _text(value: object) -> str:
    return "" if value is None else str(value)

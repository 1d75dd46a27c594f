"""Approvals of campaigns' briefs and the baselines they take; what changed since.

- `approve(campaign_id, approved_by, note="") -> Approval`: records who approved the brief
  (named roles), now, with a note, and takes the baseline (domain/baselines.py) from the
  campaign, its tasks that are not archived, the people, teams and rates as they are, all in one
  unit of work. Re-approving takes a new baseline and keeps the old ones.
- `approvals(campaign_id)`: oldest first; `latest_approval(campaign_id)`: the newest or None;
  `latest_baselines(campaign_ids=None) -> {campaign id: Baseline}` of the campaigns approved.
- `save_and_approve(edited, approved_by, note="") -> (Campaign, Approval)`: the campaign's edits
  saved (as `update_campaign`, refused when it changed since it was read) and then approved, in
  one unit of work: approving from an editor takes the plan its user sees.
- `delete_approval(approval_id) -> Approval` and `restore_approval(approval)` (its id kept): undo.
- `since_approval(campaign_id) -> SinceApproval`: the latest baseline against the plan now
  (domain/since_approval.py has the rule), with the campaign's log and its tasks' edits since.

A baseline is JSON in its approval's row and is never rewritten: later edits, renames, rates or
deletes change nothing in it. Deleting the campaign deletes its approvals; the delete's undo
puts them back (store/campaigns.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from mopsboard.domain.baselines import Approval, Baseline, take_baseline
from mopsboard.domain.campaign_log import CampaignEditKind, ChangeEntry
from mopsboard.domain.errors import MopsboardError, NotFoundError
from mopsboard.domain.ids import ApprovalId, CampaignId, TaskId
from mopsboard.domain.models import Campaign
from mopsboard.domain.since_approval import SinceApproval, since_approval
from mopsboard.store.base import inserted_id, now_text
from mopsboard.store.campaigns import APPROVAL_COLUMNS, CampaignPlanStore
from mopsboard.store.capacity import CapacityStore
from mopsboard.store.catalog import CatalogStore
from mopsboard.store.comments import stamp
from mopsboard.store.links import LinkStore
from mopsboard.store.people import PeopleStore
from mopsboard.store.time_logs import TimeLogStore

# Beyond this many ids an IN list is split.
_CHUNK = 500


# The bases in the workspace's order (store/workspace.py), so that its method order holds.
class ApprovalStore(
    CapacityStore, CampaignPlanStore, CatalogStore, PeopleStore, LinkStore, TimeLogStore
):
    # -- reading --------------------------------------------------------------------------------

    def approvals(self, campaign_id: CampaignId) -> list[Approval]:
        """The campaign's approvals, oldest first."""
        rows = self._rows(
            f"SELECT {APPROVAL_COLUMNS} FROM approvals WHERE campaign_id = ? "  # noqa: S608
            "ORDER BY approved_at, id",
            [campaign_id],
        )
        return [a for a in map(_approval, rows) if a is not None]

    def approval(self, approval_id: ApprovalId) -> Approval:
        rows = self._rows(
            f"SELECT {APPROVAL_COLUMNS} FROM approvals WHERE id = ?",  # noqa: S608
            [approval_id],
        )
        found = _approval(rows[0]) if rows else None
        if found is None:
            raise NotFoundError(f"There is no approval with id {approval_id}.")
        return found

    def latest_approval(self, campaign_id: CampaignId) -> Approval | None:
        found = self.approvals(campaign_id)
        return found[-1] if found else None

    def latest_baselines(
        self, campaign_ids: Iterable[int] | None = None
    ) -> dict[CampaignId, Baseline]:
        """The baseline of each campaign's latest approval (of these campaigns; all: None)."""
        sql = (
            f"SELECT {APPROVAL_COLUMNS} FROM approvals a WHERE NOT EXISTS ("  # noqa: S608
            "SELECT 1 FROM approvals b WHERE b.campaign_id = a.campaign_id AND "
            "(b.approved_at > a.approved_at OR (b.approved_at = a.approved_at AND b.id > a.id)))"
        )
        if campaign_ids is None:
            rows = self._rows(sql)
        else:
            wanted = list(dict.fromkeys(campaign_ids))
            rows = []
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start : start + _CHUNK]
                marks = ", ".join("?" for _ in chunk)
                rows += self._rows(f"{sql} AND a.campaign_id IN ({marks})", chunk)
        found = (a for a in map(_approval, rows) if a is not None)
        return {a.campaign_id: a.baseline for a in found}

    def baseline_now(self, campaign: Campaign) -> Baseline:
        """The campaign's plan as it is now, taken as a baseline would take it."""
        tasks = self.campaign_tasks(campaign.key)
        with self._read() as db:
            done_stages = {r[0] for r in db.execute("SELECT id FROM stages WHERE kind = 'done'")}
        return take_baseline(
            campaign,
            tasks,
            self.members(),
            self.teams(include_archived=True),
            self.time_off(),
            done_task_ids=[t.key for t in tasks if t.stage_id in done_stages],
        )

    def since_approval(self, campaign_id: CampaignId) -> SinceApproval:
        """What changed since the campaign's latest approval; NotFoundError when it has none.
        It does not depend on today: both sides are spread over the weeks from their starts."""
        campaign = self.campaign(campaign_id)
        approval = self.latest_approval(campaign_id)
        if approval is None:
            raise NotFoundError(f"The campaign '{campaign.name}' has not been approved yet.")
        now = self.baseline_now(campaign)
        log = self.campaign_log(campaign_id, since=approval.approved_at)
        titles = {t.id: t.title for t in approval.baseline.tasks} | {
            t.id: t.title for t in now.tasks
        }
        edits = self._task_edits_since(titles, approval.approved_at, log)
        return since_approval(
            approval, now, audience_country=campaign.audience_country, changes=[*log, *edits]
        )

    def _task_edits_since(
        self, titles: dict[TaskId, str], since: datetime, log: Sequence[ChangeEntry]
    ) -> list[ChangeEntry]:
        """Edits of these tasks after `since`, from their own history; what the campaign's log
        already says (its taking a task in or out, an archive) is left out there."""
        by = "author" if "author" in self._columns("task_edits") else "NULL"
        moved: set[tuple[TaskId | None, datetime]] = {(e.task_id, e.at) for e in log}
        ids = list(titles)
        found: list[ChangeEntry] = []
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            marks = ", ".join("?" for _ in chunk)
            rows = self._rows(
                f"SELECT task_id, fields, at, {by} AS author FROM task_edits "  # noqa: S608
                f"WHERE kind = 'edited' AND at > ? AND task_id IN ({marks}) ORDER BY at, id",
                [stamp(since), *chunk],
            )
            for row in rows:
                entry = _task_edit(row, titles, moved)
                if entry is not None:
                    found.append(entry)
        return found

    # -- writing --------------------------------------------------------------------------------

    def approve(
        self, campaign_id: CampaignId, approved_by: Sequence[str], note: str = ""
    ) -> Approval:
        """Records an approval of the campaign's brief with the baseline it takes (see above)."""
        with self._write():
            campaign = self.campaign(campaign_id)
            at = now_text()
            try:
                approval = Approval(
                    campaign_id=campaign.key,
                    approved_at=datetime.fromisoformat(at),
                    approved_by=tuple(approved_by),
                    note=note,
                    author=self.author(),
                    baseline=self.baseline_now(campaign),
                )
            except ValidationError as error:
                reason = str(error.errors(include_url=False)[0]["msg"])
                raise MopsboardError(
                    f"The approval was not recorded: {reason.removeprefix('Value error, ')}."
                ) from error
            stored = self._insert_approval(approval)
            self._log_campaign(
                [
                    (
                        campaign.key,
                        None,
                        ", ".join(approval.approved_by),
                        CampaignEditKind.APPROVED,
                        (),
                    )
                ],
                at,
            )
        return stored

    def save_and_approve(
        self, edited: Campaign, approved_by: Sequence[str], note: str = ""
    ) -> tuple[Campaign, Approval]:
        """Saves the campaign's edits, then approves it as saved (see above)."""
        with self._write():
            saved = self.update_campaign(edited)
            return saved, self.approve(saved.key, approved_by, note)

    def restore_approval(self, approval: Approval) -> Approval:
        """Puts a deleted approval back under its id (undo of a delete, redo of an approve)."""
        if approval.id is None:
            raise MopsboardError("Only an approval that was stored can be restored.")
        with self._write():
            self._require("campaigns", approval.campaign_id, "campaign")
            restored = self._insert_approval(approval)
            if self._has_campaign_log():
                self._put_back_campaign_log([_approved_entry(approval)])
            return restored

    def delete_approval(self, approval_id: ApprovalId) -> Approval:
        """Deletes an approval with its baseline; returns it as it was (for undo)."""
        with self._write() as db:
            approval = self.approval(approval_id)
            db.execute("DELETE FROM approvals WHERE id = ?", [approval_id])
            if self._has_campaign_log():
                # An approval taken back (undo) leaves no "approved" line in the log.
                db.execute(
                    "DELETE FROM campaign_edits WHERE campaign_id = ? AND kind = ? AND at = ?",
                    [
                        approval.campaign_id,
                        CampaignEditKind.APPROVED.value,
                        stamp(approval.approved_at),
                    ],
                )
            self._changed("approvals", [approval_id], "deleted")
        return approval

    def _insert_approval(self, approval: Approval) -> Approval:
        row: dict[str, Any] = {
            "campaign_id": approval.campaign_id,
            "approved_at": stamp(approval.approved_at),
            "approved_by": json.dumps(list(approval.approved_by), ensure_ascii=False),
            "note": approval.note,
            "author": approval.author,
            "baseline": approval.baseline.model_dump_json(),
            "version": 1,
            "updated_at": now_text(),
        }
        if approval.id is not None:
            row = {"id": approval.id, **row}
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        cursor = self.db.execute(
            f"INSERT INTO approvals ({columns}) VALUES ({marks})",  # noqa: S608
            list(row.values()),
        )
        new_id = ApprovalId(inserted_id(cursor, approval.id))
        self._changed("approvals", [new_id], "inserted")
        return approval.model_copy(update={"id": new_id})


def _approved_entry(approval: Approval) -> tuple[Any, ...]:
    """The log's row of an approval (store/campaign_log.LOG_COLUMNS)."""
    roles = ", ".join(approval.approved_by)
    kind = CampaignEditKind.APPROVED.value
    return (
        approval.campaign_id,
        None,
        roles,
        kind,
        "[]",
        stamp(approval.approved_at),
        approval.author,
    )


def _approval(row: dict[str, Any]) -> Approval | None:
    """An approval as stored; None for a row another program wrote that cannot be read."""
    try:
        return Approval(
            id=ApprovalId(int(row["id"])),
            campaign_id=CampaignId(int(row["campaign_id"])),
            approved_at=datetime.fromisoformat(str(row["approved_at"])),
            approved_by=tuple(json.loads(row["approved_by"])),
            note=str(row["note"] or ""),
            author=row["author"],
            baseline=Baseline.model_validate_json(row["baseline"]),
        )
    except (ValueError, TypeError):
        return None


def _task_edit(
    row: dict[str, Any], titles: dict[TaskId, str], logged: set[tuple[TaskId | None, datetime]]
) -> ChangeEntry | None:
    try:
        at = datetime.fromisoformat(str(row["at"]))
        names = json.loads(row["fields"] or "[]")
    except ValueError:
        return None
    task_id = TaskId(int(row["task_id"]))
    fields = tuple(str(n) for n in names) if isinstance(names, list) else ()
    if (task_id, at) in logged:
        fields = tuple(f for f in fields if f != "campaign_id")
    if not fields:
        return None
    return ChangeEntry(
        at=at,
        author=row["author"],
        kind=CampaignEditKind.TASK_EDITED,
        task_id=task_id,
        title=titles.get(task_id, ""),
        fields=fields,
    )

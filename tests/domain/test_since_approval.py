"""The since-approval rules without a store: working days a launch moved (weekends, an audience's
holidays, both ways), a task handed between teams, a team renamed, teams with no change left
out, and the changes kept only after the approval."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from mopsboard.domain.baselines import Approval, Baseline, BaselineTask
from mopsboard.domain.campaign_log import CampaignEditKind, ChangeEntry, describe
from mopsboard.domain.ids import CampaignId, TaskId, TeamId
from mopsboard.domain.since_approval import since_approval, working_days_moved

AT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("before", "after", "country", "days"),
    [
        (date(2026, 12, 18), date(2026, 12, 21), None, 1),  # Fri -> Mon: Mon
        (date(2026, 12, 21), date(2026, 12, 18), None, -1),
        (date(2026, 12, 23), date(2026, 12, 29), None, 4),  # Thu, Fri, Mon, Tue
        (date(2026, 12, 23), date(2026, 12, 29), "US", 3),  # Fri 25 is Christmas
        (date(2026, 12, 18), date(2026, 12, 19), None, 0),  # onto a Saturday
        (date(2026, 12, 18), date(2026, 12, 18), "US", 0),
        # A century apart (a mistyped year): weekdays, no holiday look-up. 36,524 days (24 leap
        # years, 2100 is not one) = 5,217 weeks (26,085 weekdays) and 5 days after a Friday:
        # Sat, Sun, Mon, Tue, Wed, 3 of them weekdays.
        (date(2026, 12, 18), date(2126, 12, 18), "US", 26088),
        (date(2126, 12, 18), date(2026, 12, 18), None, -26088),
    ],
)
def test_working_days_moved(before: date, after: date, country: str | None, days: int) -> None:
    assert working_days_moved(before, after, country) == days


def baseline(*tasks: BaselineTask, launch: date | None = None) -> Baseline:
    return Baseline(
        campaign_id=CampaignId(1),
        name="Launch",
        launch_date=launch,
        tasks=tasks,
        total_hours=sum(t.estimate_hours or 0 for t in tasks),
    )


def test_hours_handed_between_teams_by_team_id_under_the_current_name() -> None:
    then = baseline(
        BaselineTask(
            id=TaskId(1), title="Page", estimate_hours=10, team_id=TeamId(1), team="Content"
        ),
        BaselineTask(
            id=TaskId(2), title="Copy", estimate_hours=4, team_id=TeamId(3), team="Design"
        ),
        BaselineTask(id=TaskId(3), title="Loose", estimate_hours=2),
    )
    now = baseline(
        BaselineTask(
            id=TaskId(1), title="Page", estimate_hours=10, team_id=TeamId(2), team="Agency"
        ),
        # The design team renamed: still its hours, no change.
        BaselineTask(
            id=TaskId(2), title="Copy", estimate_hours=4, team_id=TeamId(3), team="Studio"
        ),
        BaselineTask(id=TaskId(3), title="Loose", estimate_hours=2),
    )
    approval = Approval(
        campaign_id=CampaignId(1), approved_at=AT, approved_by=("Product",), baseline=then
    )
    since = since_approval(approval, now)
    assert since.hours_by_team_delta == {"Agency": 10.0, "Content": -10.0}
    assert [(t.team, t.before, t.now) for t in since.teams] == [
        ("Agency", 0.0, 10.0),
        ("Content", 10.0, 0.0),
        ("Studio", 4.0, 4.0),
        ("No team", 2.0, 2.0),
    ]
    assert since.launch_shift_days is None
    assert since.hours_delta == 0


def test_only_changes_after_the_approval_are_listed_oldest_first() -> None:
    then = baseline(launch=date(2026, 12, 23))
    entries = [
        ChangeEntry(at=AT + timedelta(hours=2), kind=CampaignEditKind.TASK_DELETED, title="B"),
        ChangeEntry(at=AT - timedelta(hours=1), kind=CampaignEditKind.TASK_ADDED, title="Old"),
        ChangeEntry(at=AT + timedelta(hours=1), kind=CampaignEditKind.TASK_ADDED, title="A"),
    ]
    approval = Approval(
        campaign_id=CampaignId(1), approved_at=AT, approved_by=("Product",), baseline=then
    )
    since = since_approval(approval, then, changes=entries)
    assert [c.text for c in since.changes] == ["Task 'A' added", "Task 'B' deleted"]


def test_changes_in_words() -> None:
    edit = ChangeEntry(
        at=AT,
        kind=CampaignEditKind.EDITED,
        fields=("launch_date", "brief"),
        values={"launch_date": ("2026-12-23", "2026-12-29")},
    )
    assert describe(edit) == "Campaign edited: launch 2026-12-23 \u2192 2026-12-29, brief"
    approved = ChangeEntry(at=AT, kind=CampaignEditKind.APPROVED, title="Product, Legal")
    assert describe(approved) == "Approved by Product, Legal"
    taken = ChangeEntry(at=AT, kind=CampaignEditKind.TASK_REMOVED, task_id=TaskId(7))
    assert describe(taken) == "Task #7 taken out of the campaign"


def test_an_approval_needs_a_role() -> None:
    with pytest.raises(ValueError, match="at least one role"):
        Approval(
            campaign_id=CampaignId(1), approved_at=AT, approved_by=(" ", ""), baseline=baseline()
        )
    approval = Approval(
        campaign_id=CampaignId(1),
        approved_at=AT,
        approved_by=("Legal", " legal ", "IT"),
        baseline=baseline(),
    )
    assert approval.approved_by == ("Legal", "IT")

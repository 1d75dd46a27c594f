"""The changes listed since approval are those whose effect is still there: entries of a task or
of the campaign's fields that are now as the baseline holds them are left out (edits undone and
redone, a task deleted and put back); an entry that takes back an earlier one says so."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from mopsboard.domain.baselines import Approval, Baseline, BaselineTask
from mopsboard.domain.campaign_log import CampaignEditKind, ChangeEntry
from mopsboard.domain.ids import CampaignId, TaskId
from mopsboard.domain.since_approval import since_approval

AT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
BOOTH = BaselineTask(id=TaskId(1), title="Booth follow-up", estimate_hours=6)
PAGE = BaselineTask(id=TaskId(2), title="Page", estimate_hours=4)


def plan(*tasks: BaselineTask, launch: date = date(2026, 12, 10)) -> Baseline:
    return Baseline(campaign_id=CampaignId(1), name="Summit", launch_date=launch, tasks=tasks)


def entry(minutes: int, kind: CampaignEditKind, **fields: object) -> ChangeEntry:
    return ChangeEntry.model_validate(
        {"at": AT + timedelta(minutes=minutes), "kind": kind, **fields}
    )


def listed(now: Baseline, *changes: ChangeEntry) -> list[str]:
    approval = Approval(
        campaign_id=CampaignId(1),
        approved_at=AT,
        approved_by=("Product",),
        baseline=plan(BOOTH, PAGE),
    )
    return [c.text for c in since_approval(approval, now, changes=changes).changes]


DELETED = entry(1, CampaignEditKind.TASK_DELETED, task_id=1, title="Booth follow-up")
RESTORED = entry(2, CampaignEditKind.TASK_RESTORED, task_id=1, title="Booth follow-up")
PAGE_EDITED = entry(
    3, CampaignEditKind.TASK_EDITED, task_id=2, title="Page", fields=["estimate_hours"]
)
PAGE_BACK = entry(
    4, CampaignEditKind.TASK_EDITED, task_id=2, title="Page", fields=["estimate_hours"]
)
LAUNCH = {"launch_date": ("2026-12-10", "2026-12-13")}
MOVED = entry(5, CampaignEditKind.SHIFTED, fields=["launch_date"], values=LAUNCH)
MOVED_BACK = entry(
    6,
    CampaignEditKind.SHIFTED,
    fields=["launch_date"],
    values={"launch_date": ("2026-12-13", "2026-12-10")},
)


def test_undone_and_redone_changes_back_at_the_baseline_are_left_out() -> None:
    assert (
        listed(plan(BOOTH, PAGE), DELETED, RESTORED, PAGE_EDITED, PAGE_BACK, MOVED, MOVED_BACK)
        == []
    )


def test_a_change_still_in_effect_stays_and_its_taking_back_is_marked() -> None:
    bigger = PAGE.model_copy(update={"estimate_hours": 9})
    # The page's estimate is not as approved: its edits stay. The launch is: its moves go.
    assert listed(plan(BOOTH, bigger), PAGE_EDITED, PAGE_BACK, MOVED, MOVED_BACK) == [
        "Task 'Page' edited: estimate",
        "Task 'Page' edited: estimate",
    ]
    later = plan(BOOTH, PAGE, launch=date(2026, 12, 13))
    again = entry(7, CampaignEditKind.SHIFTED, fields=["launch_date"], values=LAUNCH)
    assert listed(later, MOVED, MOVED_BACK, again) == [
        "Campaign moved with its tasks: launch 2026-12-10 \u2192 2026-12-13",
        "Takes back the change of 09:05: "
        "Campaign moved with its tasks: launch 2026-12-13 \u2192 2026-12-10",
        "Made again: Campaign moved with its tasks: launch 2026-12-10 \u2192 2026-12-13",
    ]


def test_a_task_deleted_for_good_and_fields_the_baseline_does_not_hold_stay() -> None:
    described = entry(
        8, CampaignEditKind.TASK_EDITED, task_id=2, title="Page", fields=["description"]
    )
    brief = entry(9, CampaignEditKind.EDITED, fields=["brief"])
    assert listed(plan(PAGE), DELETED, described, brief) == [
        "Task 'Booth follow-up' deleted",
        "Task 'Page' edited: description",
        "Campaign edited: brief",
    ]


def test_a_cost_moved_by_a_rate_with_no_change_logged_says_so() -> None:
    priced = PAGE.model_copy(update={"planned_cost": 400.0})
    approval = Approval(
        campaign_id=CampaignId(1),
        approved_at=AT,
        approved_by=("Product",),
        baseline=plan(BOOTH, priced),
    )
    same = since_approval(approval, plan(BOOTH, priced))
    assert not same.rates_changed
    dearer = since_approval(
        approval, plan(BOOTH, priced.model_copy(update={"planned_cost": 575.0}))
    )
    assert dearer.rates_changed and dearer.changes == ()
    assert dearer.as_json()["rates_changed"] is True
    # An estimate changed moves the cost too, and is no rate changed.
    bigger = priced.model_copy(update={"estimate_hours": 9, "planned_cost": 900.0})
    assert not since_approval(approval, plan(BOOTH, bigger)).rates_changed

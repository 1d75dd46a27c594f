"""Overdue has one meaning everywhere: not done, and due before today."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from mopsboard.domain.campaign_work import TaskBar
from mopsboard.domain.filtering import DueFilter, TaskFilter, due_state, is_overdue, matches
from mopsboard.domain.ids import CampaignId, TaskId
from mopsboard.domain.models import Task

TODAY = date(2026, 3, 4)
YESTERDAY = TODAY - timedelta(days=1)


def _task(due: date | None, completed: bool) -> Task:
    return Task(
        board_id=1,
        stage_id=1,
        title="Send the launch email",
        due_date=due,
        completed_at=datetime(2026, 3, 1, 9, 0) if completed else None,
    )


def test_overdue_is_open_work_due_before_today() -> None:
    assert is_overdue(YESTERDAY, done=False, today=TODAY)
    assert not is_overdue(YESTERDAY, done=True, today=TODAY)
    assert not is_overdue(TODAY, done=False, today=TODAY)
    assert not is_overdue(None, done=False, today=TODAY)


def test_the_overdue_filter_leaves_done_work_out() -> None:
    wanted = TaskFilter(due=DueFilter.OVERDUE)
    late = _task(YESTERDAY, completed=False)
    assert matches(late, "", wanted, TODAY, done=False)
    assert not matches(late, "", wanted, TODAY, done=True)
    # A caller that does not say goes by the completion the store stamps on entering Done.
    assert not matches(_task(YESTERDAY, completed=True), "", wanted, TODAY)
    assert matches(late, "", wanted, TODAY)


def test_the_other_due_filters_keep_done_work() -> None:
    finished = _task(TODAY + timedelta(days=1), completed=True)
    assert matches(finished, "", TaskFilter(due=DueFilter.THIS_WEEK), TODAY, done=True)
    assert matches(_task(None, True), "", TaskFilter(due=DueFilter.NO_DATE), TODAY, done=True)


def test_cards_and_timeline_bars_agree_with_the_filter() -> None:
    assert due_state(YESTERDAY, TODAY, done=False) == "overdue"
    assert due_state(YESTERDAY, TODAY, done=True) == ""
    bar = TaskBar(TaskId(1), CampaignId(1), "Send", None, YESTERDAY, False, None)
    assert bar.overdue(TODAY)
    assert not bar._replace(done=True).overdue(TODAY)

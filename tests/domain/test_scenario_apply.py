"""Applying a scenario's changes to the real plan's rows: each kind of change, their order, pushes
along links (into another campaign too), and changes whose rows are gone."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from mopsboard.domain.ids import BoardId, CampaignId, MemberId, StageId, TaskId, TeamId
from mopsboard.domain.link_rules import Edge, LinkKind
from mopsboard.domain.models import Campaign, Member, Task, Team
from mopsboard.domain.scenario_apply import PlanRows, apply_changes
from mopsboard.domain.scenarios import (
    AddCapacity,
    ChangeAvailability,
    CutTask,
    DeferTask,
    ReassignTask,
    ShiftCampaign,
    TimeOffChange,
    change_payload,
    parse_change,
)
from mopsboard.domain.workdays import WorkCalendar

SPRING, SUMMER = CampaignId(1), CampaignId(2)
CONTENT, AGENCY = TeamId(1), TeamId(2)
ADA, BEN = MemberId(1), MemberId(2)


def task(key: int, title: str, start: date | None, due: date | None, **fields: object) -> Task:
    return Task(
        id=key,
        board_id=BoardId(1),
        stage_id=StageId(1),
        title=title,
        start_date=start,
        due_date=due,
        **fields,
    )


def plan(**overrides: object) -> PlanRows:
    """Spring: Brief (Mon 9 - Fri 13 March) then Copy (16-18), an archived Draft; Summer: Email
    (16-18 March), waiting for Brief from another campaign; Poster (done) waits for Brief too."""
    tasks = {
        t.key: t
        for t in (
            task(1, "Brief", date(2026, 3, 9), date(2026, 3, 13), campaign_id=SPRING),
            task(2, "Copy", date(2026, 3, 16), date(2026, 3, 18), campaign_id=SPRING),
            task(3, "Draft", None, date(2026, 3, 2), campaign_id=SPRING, archived=True),
            task(4, "Email", date(2026, 3, 16), date(2026, 3, 18), campaign_id=SUMMER),
            task(5, "Poster", date(2026, 3, 16), date(2026, 3, 16), campaign_id=SUMMER),
        )
    }
    values: dict[str, object] = {
        "tasks": tasks,
        "campaigns": {
            SPRING: Campaign(id=SPRING, name="Spring", launch_date=date(2026, 3, 20)),
            SUMMER: Campaign(id=SUMMER, name="Summer", launch_date=date(2026, 6, 1)),
        },
        "members": {
            ADA: Member(id=ADA, team_id=CONTENT, name="Ada"),
            BEN: Member(id=BEN, team_id=AGENCY, name="Ben"),
        },
        "teams": {
            CONTENT: Team(id=CONTENT, name="Content"),
            AGENCY: Team(id=AGENCY, name="Agency"),
        },
        "campaign_tasks": {SPRING: (TaskId(1), TaskId(2), TaskId(3))},
        "edges": (
            Edge(1, 2, LinkKind.FINISH_TO_START, 0),
            Edge(1, 4, LinkKind.FINISH_TO_START, 0),
            Edge(1, 5, LinkKind.FINISH_TO_START, 0),
        ),
        "done": frozenset({TaskId(5)}),
    }
    values.update(overrides)
    return PlanRows(**values)  # type: ignore[arg-type]


def dates(applied_task: Task) -> tuple[date | None, date | None]:
    return applied_task.start_date, applied_task.due_date


def test_a_shift_moves_the_campaign_and_all_its_tasks_and_pushes_a_successor_elsewhere():
    applied = apply_changes(plan(), [ShiftCampaign(campaign_id=SPRING, days=7)])
    assert applied.problems == ()
    spring = applied.campaigns[SPRING]
    assert spring.launch_date == date(2026, 3, 27)
    # Inside the campaign every task moves by calendar days, the archived one too.
    assert dates(applied.tasks[TaskId(1)]) == (date(2026, 3, 16), date(2026, 3, 20))
    assert dates(applied.tasks[TaskId(2)]) == (date(2026, 3, 23), date(2026, 3, 25))
    assert dates(applied.tasks[TaskId(3)]) == (None, date(2026, 3, 9))
    # Email, in Summer, waited for Brief: it now starts the working day after Brief's new end
    # (Monday 23rd) and keeps its three working days. Poster is done: it stays.
    assert dates(applied.tasks[TaskId(4)]) == (date(2026, 3, 23), date(2026, 3, 25))
    assert TaskId(5) not in applied.tasks
    assert [p.task_id for p in applied.pushes[0]] == [4]
    assert set(applied.tasks) == {1, 2, 3, 4}


def test_a_successor_with_slack_is_not_pushed_and_an_earlier_shift_pushes_nothing():
    later_email = task(4, "Email", date(2026, 3, 30), date(2026, 3, 31), campaign_id=SUMMER)
    rows = plan(tasks={**plan().tasks, TaskId(4): later_email})
    applied = apply_changes(rows, [ShiftCampaign(campaign_id=SPRING, days=7)])
    assert TaskId(4) not in applied.tasks
    earlier = apply_changes(plan(), [ShiftCampaign(campaign_id=SPRING, days=-7)])
    assert set(earlier.tasks) == {1, 2, 3}
    assert earlier.pushes == {}


def test_a_push_counts_the_successors_own_team_working_days():
    # Monday 23 March is a day off for the agency's calendar: Email starts on the 24th.
    off = WorkCalendar(off=[(date(2026, 3, 23), date(2026, 3, 23))])
    email = task(4, "Email", date(2026, 3, 16), date(2026, 3, 18), team_id=AGENCY)
    rows = plan(tasks={**plan().tasks, TaskId(4): email}, calendars={AGENCY: off})
    applied = apply_changes(rows, [ShiftCampaign(campaign_id=SPRING, days=7)])
    assert dates(applied.tasks[TaskId(4)]) == (date(2026, 3, 24), date(2026, 3, 26))


def test_a_deferral_moves_the_task_later_and_pushes_its_successors():
    applied = apply_changes(plan(), [DeferTask(task_id=TaskId(1), days=3)])
    assert dates(applied.tasks[TaskId(1)]) == (date(2026, 3, 12), date(2026, 3, 16))
    # Brief ends on Monday 16th: Copy (same campaign) and Email start on Tuesday 17th.
    assert dates(applied.tasks[TaskId(2)]) == (date(2026, 3, 17), date(2026, 3, 19))
    assert dates(applied.tasks[TaskId(4)]) == (date(2026, 3, 17), date(2026, 3, 19))
    assert TaskId(5) not in applied.tasks


def test_cut_reassign_capacity_availability_and_time_off():
    applied = apply_changes(
        plan(),
        [
            CutTask(task_id=TaskId(2)),
            ReassignTask(task_id=TaskId(1), assignee_id=BEN),
            ReassignTask(task_id=TaskId(4), team_id=AGENCY),
            AddCapacity(
                team_id=CONTENT,
                name="Contractor",
                weekly_hours=20,
                first=date(2026, 3, 9),
                last=date(2026, 4, 3),
                hourly_rate=80,
            ),
            ChangeAvailability(member_id=ADA, availability=0.5),
            TimeOffChange(member_id=BEN, first=date(2026, 3, 10), last=date(2026, 3, 11)),
        ],
    )
    assert applied.problems == ()
    assert applied.tasks[TaskId(2)].archived is True
    brief = applied.tasks[TaskId(1)]
    assert (brief.assignee_id, brief.team_id) == (BEN, AGENCY)
    email = applied.tasks[TaskId(4)]
    assert (email.assignee_id, email.team_id) == (None, AGENCY)
    (contractor,) = applied.new_members
    assert (contractor.team_id, contractor.name, contractor.weekly_hours) == (
        CONTENT,
        "Contractor",
        20,
    )
    assert (contractor.active_from, contractor.active_until) == (date(2026, 3, 9), date(2026, 4, 3))
    assert contractor.hourly_rate == 80 and contractor.id is None
    assert applied.members[ADA].availability == 0.5
    (off,) = applied.new_time_off
    assert (off.member_id, off.start_date, off.end_date) == (
        BEN,
        date(2026, 3, 10),
        date(2026, 3, 11),
    )
    assert set(applied.members) == {ADA}


def test_changes_apply_in_order_each_seeing_the_ones_before():
    deferred_then_shifted = apply_changes(
        plan(),
        [DeferTask(task_id=TaskId(2), days=3), ShiftCampaign(campaign_id=SPRING, days=7)],
    )
    assert dates(deferred_then_shifted.tasks[TaskId(2)]) == (date(2026, 3, 26), date(2026, 3, 28))
    halves = [
        ChangeAvailability(member_id=ADA, availability=0.5),
        ChangeAvailability(member_id=ADA, availability=0.8),
    ]
    assert apply_changes(plan(), halves).members[ADA].availability == 0.8
    assert apply_changes(plan(), halves[::-1]).members[ADA].availability == 0.5
    # Cut first, the shift still moves the archived task's dates (as shift_campaign does).
    cut_then_shift = apply_changes(
        plan(), [CutTask(task_id=TaskId(2)), ShiftCampaign(campaign_id=SPRING, days=7)]
    )
    copy = cut_then_shift.tasks[TaskId(2)]
    assert copy.archived and dates(copy) == (date(2026, 3, 23), date(2026, 3, 25))


def test_a_change_whose_row_is_gone_is_reported_and_the_others_apply():
    applied = apply_changes(
        plan(),
        [
            CutTask(task_id=TaskId(99)),
            ChangeAvailability(member_id=MemberId(99), availability=0.5),
            ShiftCampaign(campaign_id=CampaignId(99), days=3),
            ReassignTask(task_id=TaskId(1), team_id=TeamId(99)),
            DeferTask(task_id=TaskId(2), days=1),
        ],
    )
    assert [(p.index, p.text) for p in applied.problems] == [
        (0, "the task with id 99 no longer exists"),
        (1, "the person with id 99 is no longer on any team"),
        (2, "the campaign with id 99 no longer exists"),
        (3, "the team with id 99 no longer exists"),
    ]
    assert set(applied.tasks) == {TaskId(2)}


def test_a_shift_out_of_the_years_is_refused_whole():
    applied = apply_changes(
        plan(tasks={**plan().tasks, TaskId(1): task(1, "Brief", None, date(1901, 1, 1))}),
        [ShiftCampaign(campaign_id=SPRING, days=-3660)],
    )
    (problem,) = applied.problems
    assert "leaves the years 1900 to 2999" in problem.text
    assert applied.tasks == {} and applied.campaigns == {}


def test_a_change_is_stored_as_its_kind_and_payload_and_read_back():
    change = ReassignTask(task_id=TaskId(3), assignee_id=ADA)
    payload = change_payload(change)
    assert payload == {"task_id": 3, "assignee_id": 1, "team_id": None}
    assert parse_change("reassign_task", payload) == change
    with pytest.raises(ValidationError):
        parse_change("reassign_task", {"task_id": 3})
    with pytest.raises(ValidationError):
        ShiftCampaign(campaign_id=SPRING, days=0)
    with pytest.raises(ValidationError):
        TimeOffChange(member_id=ADA, first=date(2026, 3, 10), last=date(2026, 3, 9))

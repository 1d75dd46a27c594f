"""What the capacity map reads from the store, member WIP, map edits in one unit of work, and the
people writes the team manager's undo needs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from mopsboard.domain.calendar import Period
from mopsboard.domain.capacity import WorkItem
from mopsboard.domain.errors import ConflictError, MopsboardError, NotFoundError
from mopsboard.domain.models import Member, Task, Team, TimeOff
from mopsboard.store.base import Change
from mopsboard.store.workspace import Workspace

MON = date(2026, 3, 2)
PERIOD = Period(MON, 2)


@pytest.fixture
def team(ws: Workspace) -> Team:
    return ws.add_team(Team(name="Content"))


@pytest.fixture
def ana(ws: Workspace, team: Team) -> Member:
    return ws.add_member(Member(team_id=team.key, name="Ana", wip_limit=2))


def test_inputs_hold_the_open_tasks_of_the_period_in_one_read(
    ws: Workspace, add: Callable[..., Task], ana: Member, team: Team
) -> None:
    d = date.fromordinal
    base = MON.toordinal()
    inside = add("inside", assignee_id=ana.id, estimate_hours=4, due_date=d(base + 3))
    spanning = add(
        "spans into it", "Ready", team_id=team.id, start_date=d(base - 10), due_date=d(base)
    )
    undated = add("no due date", estimate_hours=1)
    overdue = add("before", due_date=d(base - 1))
    add("after", start_date=d(base + 14), due_date=d(base + 20))
    add("done", "Done", due_date=d(base + 1))
    archived = add("archived", due_date=d(base + 1))
    ws.archive_tasks([archived.key])
    inputs = ws.capacity_inputs(PERIOD, today=MON)
    # "before" was due the day before the period: overdue today, what is left lands today.
    assert sorted(i.title for i in inputs.tasks) == [
        "before",
        "inside",
        "no due date",
        "spans into it",
    ]
    by_id = {i.id: i for i in inputs.tasks}
    assert by_id[inside.key] == WorkItem(
        inside.key, "inside", ana.id, team.id, 4.0, None, d(base + 3), False, False
    )
    assert by_id[spanning.key].start_date == d(base - 10)
    assert by_id[undated.key].due_date is None
    assert [t.name for t in inputs.teams] == ["Content"]
    assert [m.name for m in inputs.members] == ["Ana"]
    capacity = inputs.compute(PERIOD)
    ana_row = next(r for r in capacity.rows if r.label == "Ana")
    assert capacity.cell(ana_row, 0).planned == 4.0
    # "spans into it" has no estimate, "no due date" no date, "before" neither an estimate nor
    # an owner: listed, not counted.
    assert set(capacity.uncounted) == {undated.id, spanning.id, overdue.id}


def test_capacity_items_include_done_and_archived_and_skip_missing(
    ws: Workspace, add: Callable[..., Task]
) -> None:
    done = add("done", "Done")
    archived = add("archived")
    ws.archive_tasks([archived.key])
    items = {i.title: i for i in ws.capacity_items([done.key, archived.key, 999])}
    assert items["done"].done and not items["done"].archived
    assert items["archived"].archived and not items["archived"].done
    assert len(items) == 2


def test_member_wip_counts_tasks_in_active_stages(
    ws: Workspace, add: Callable[..., Task], ana: Member, team: Team
) -> None:
    luis = ws.add_member(Member(team_id=team.key, name="Luis"))
    for stage in ("Backlog", "Ready", "In progress", "In progress", "Review", "Done"):
        add(f"{stage} task", stage, assignee_id=ana.id)
    add("Luis", "Ready", assignee_id=luis.id)
    archived = add("archived", "Ready", assignee_id=ana.id)
    ws.archive_tasks([archived.key])
    add("nobody's", "Ready")
    assert ws.member_wip() == {ana.id: 3, luis.id: 1}
    assert ws.member_wip([luis.key]) == {luis.id: 1}
    assert ws.member_wip([]) == {}


def test_update_tasks_is_one_unit_of_work(
    ws: Workspace, add: Callable[..., Task], ana: Member
) -> None:
    first, second = add("first"), add("second")
    changes: list[Change] = []
    ws.subscribe(changes.append)
    stale = second.model_copy(update={"title": "stale"})
    ws.update_task(second.model_copy(update={"title": "changed elsewhere"}))
    changes.clear()
    with pytest.raises(ConflictError):
        ws.update_tasks([first.model_copy(update={"assignee_id": ana.id}), stale])
    assert ws.task(first.key).assignee_id is None
    assert changes == []
    saved = ws.update_tasks([first.model_copy(update={"assignee_id": ana.id})])
    assert saved[0].team_id == ana.team_id  # the assignee's team follows
    assert [c.table for c in changes] == ["tasks"]


def test_a_team_added_by_mistake_can_be_removed_and_put_back(ws: Workspace, team: Team) -> None:
    removed = ws.delete_team(team.key)
    assert ws.teams() == []
    restored = ws.restore_team(removed)
    assert restored.id == team.id and ws.team(team.key).name == "Content"


def test_a_team_in_use_is_not_removed(
    ws: Workspace, add: Callable[..., Task], team: Team, ana: Member
) -> None:
    with pytest.raises(MopsboardError, match="1 members; archive it instead"):
        ws.delete_team(team.key)
    other = ws.add_team(Team(name="Web"))
    add("web work", team_id=other.id)
    with pytest.raises(MopsboardError, match="1 tasks"):
        ws.delete_team(other.key)


def test_a_member_can_be_removed_and_put_back_unless_assigned(
    ws: Workspace, add: Callable[..., Task], ana: Member
) -> None:
    removed = ws.delete_member(ana.key)
    assert ws.members() == []
    assert ws.restore_member(removed).id == ana.id
    add("hers", assignee_id=ana.id)
    with pytest.raises(MopsboardError, match="deactivate"):
        ws.delete_member(ana.key)
    with pytest.raises(NotFoundError):
        ws.delete_member(999)


def test_time_off_can_be_edited_and_put_back(ws: Workspace, ana: Member) -> None:
    entry = ws.add_time_off(
        TimeOff(member_id=ana.key, start_date=MON, end_date=MON, reason="Dentist")
    )
    edited = ws.update_time_off(entry.model_copy(update={"end_date": date(2026, 3, 4)}))
    assert ws.time_off(ana.id)[0].end_date == date(2026, 3, 4)
    with pytest.raises(ConflictError):
        ws.update_time_off(entry.model_copy(update={"reason": "stale"}))
    removed = ws.delete_time_off(edited.key)
    assert ws.time_off() == []
    assert ws.add_time_off(removed).id == entry.id


def test_a_deleted_boards_tasks_load_nobody(ws: Workspace, ana: Member) -> None:
    other = ws.add_board("Old launch")
    ready = ws.stages(other.key)[1]
    task = ws.add_task(
        Task(
            board_id=other.key,
            stage_id=ready.key,
            title="Left behind",
            assignee_id=ana.id,
            estimate_hours=4,
            due_date=MON,
        )
    )
    assert [i.title for i in ws.capacity_inputs(PERIOD, today=MON).tasks] == ["Left behind"]
    assert ws.member_wip() == {ana.id: 1}
    ws.update_board(other.model_copy(update={"archived": True}))
    assert ws.capacity_inputs(PERIOD, today=MON).tasks == []
    assert ws.capacity_items([task.key])[0].archived
    assert ws.member_wip() == {}

"""Teams, members and time off."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from pydantic import ValidationError

from mopsboard.domain.errors import ConflictError, NotFoundError
from mopsboard.domain.models import Member, Task, Team, TeamKind, TimeOff
from mopsboard.store.base import Change
from mopsboard.store.workspace import Workspace


@pytest.fixture
def content(ws: Workspace) -> Team:
    return ws.add_team(Team(name="Content"))


@pytest.fixture
def agency(ws: Workspace) -> Team:
    return ws.add_team(Team(name="agency north", kind=TeamKind.AGENCY, colour="#123ABC"))


@pytest.fixture
def ana(ws: Workspace, content: Team) -> Member:
    return ws.add_member(
        Member(team_id=content.key, name="Ana Lima", weekly_hours=32, holiday_country="pt")
    )


def test_teams(ws: Workspace, content: Team, agency: Team) -> None:
    assert [t.name for t in ws.teams()] == ["agency north", "Content"]  # by name, any case
    stored = ws.team(agency.key)
    assert (stored.kind, stored.colour) == (TeamKind.AGENCY, "#123abc")
    assert ws.team_named("CONTENT").id == content.id
    ws.update_team(content.model_copy(update={"archived": True}))
    assert [t.name for t in ws.teams()] == ["agency north"]
    assert len(ws.teams(include_archived=True)) == 2
    with pytest.raises(ConflictError):
        ws.update_team(content.model_copy(update={"name": "Stale"}))
    with pytest.raises(NotFoundError):
        ws.team(404)
    with pytest.raises(NotFoundError):
        ws.team_named("Nobody")


def test_team_validation(ws: Workspace, content: Team) -> None:
    with pytest.raises(ValidationError):
        ws.update_team(content.model_copy(update={"colour": "green"}))
    with pytest.raises(ValidationError):
        ws.add_team(content.model_copy(update={"id": None, "name": ""}))
    assert [t.name for t in ws.teams()] == ["Content"]


def test_members(ws: Workspace, content: Team, agency: Team, ana: Member) -> None:
    bo = ws.add_member(Member(team_id=agency.key, name="bo Chen", active=False))
    stored = ws.member(ana.key)
    assert (stored.weekly_hours, stored.holiday_country) == (32, "PT")
    assert [m.name for m in ws.members()] == ["Ana Lima", "bo Chen"]
    assert [m.name for m in ws.members(agency.id)] == ["bo Chen"]
    assert [m.name for m in ws.members(include_inactive=False)] == ["Ana Lima"]
    assert ws.member_named("ANA lima").id == ana.id
    with pytest.raises(NotFoundError, match="no team member named"):
        ws.member_named("Nobody")
    with pytest.raises(NotFoundError):
        ws.member(404)
    del bo


def test_member_needs_an_existing_team(ws: Workspace) -> None:
    with pytest.raises(NotFoundError, match="no team with id 404"):
        ws.add_member(Member(team_id=404, name="Ghost"))
    assert ws.members() == []


def test_member_validation(ws: Workspace, ana: Member) -> None:
    for update in ({"availability": 1.5}, {"working_days": "89"}, {"holiday_country": "USA"}):
        with pytest.raises(ValidationError):
            ws.update_member(ana.model_copy(update=update))
    assert ws.member(ana.key).version == 1


def test_update_member_moves_their_tasks_to_the_new_team(
    ws: Workspace, add: Callable[..., Task], content: Team, agency: Team, ana: Member
) -> None:
    assigned = add("Brief", assignee_id=ana.id)
    other = add("Someone else's", team_id=content.id)
    assert ws.task(assigned.key).team_id == content.id
    ws.update_member(ana.model_copy(update={"team_id": agency.id, "weekly_hours": 20}))
    assert ws.member(ana.key).weekly_hours == 20
    assert ws.task(assigned.key).team_id == agency.id
    assert ws.task(assigned.key).version == 2  # a stale copy of the task now conflicts
    assert ws.task(other.key).team_id == content.id
    with pytest.raises(ConflictError):
        ws.update_member(ana.model_copy(update={"name": "Stale"}))


def test_update_member_to_a_missing_team_changes_nothing(
    ws: Workspace, add: Callable[..., Task], content: Team, ana: Member
) -> None:
    assigned = add("Brief", assignee_id=ana.id)
    with pytest.raises(NotFoundError):
        ws.update_member(ana.model_copy(update={"team_id": 404}))
    assert ws.member(ana.key).team_id == content.id
    assert ws.task(assigned.key).team_id == content.id


def test_update_member_reports_the_retagged_tasks(
    ws: Workspace, add: Callable[..., Task], agency: Team, ana: Member
) -> None:
    assigned = add("Brief", assignee_id=ana.id)
    changes: list[Change] = []
    ws.subscribe(changes.append)
    ws.update_member(ana.model_copy(update={"team_id": agency.id}))
    task_changes = [c for c in changes if c.table == "tasks"]
    assert task_changes
    assert all(assigned.id in c.ids for c in task_changes)
    stored = ws.task(assigned.key)
    # Timestamps have millisecond resolution; the version says for certain that it changed.
    assert stored.version > assigned.version


def test_time_off(ws: Workspace, content: Team, ana: Member) -> None:
    bo = ws.add_member(Member(team_id=content.key, name="Bo"))
    summer = ws.add_time_off(
        TimeOff(
            member_id=ana.key,
            start_date=date(2025, 8, 1),
            end_date=date(2025, 8, 15),
            reason="Summer",
        )
    )
    spring = ws.add_time_off(
        TimeOff(member_id=ana.key, start_date=date(2025, 4, 18), end_date=date(2025, 4, 21))
    )
    ws.add_time_off(
        TimeOff(member_id=bo.key, start_date=date(2025, 5, 1), end_date=date(2025, 5, 1))
    )
    assert [t.start_date for t in ws.time_off(ana.id)] == [date(2025, 4, 18), date(2025, 8, 1)]
    assert len(ws.time_off()) == 3
    changes: list[Change] = []
    ws.subscribe(changes.append)
    removed = ws.delete_time_off(summer.key)
    assert removed.reason == "Summer"
    assert [t.id for t in ws.time_off(ana.id)] == [spring.id]
    assert changes == [Change("time_off", frozenset({summer.id}), "deleted")]
    with pytest.raises(NotFoundError):
        ws.delete_time_off(summer.key)


def test_time_off_needs_a_member_and_ordered_days(ws: Workspace, ana: Member) -> None:
    with pytest.raises(NotFoundError, match="no team member with id 404"):
        ws.add_time_off(
            TimeOff(member_id=404, start_date=date(2025, 1, 1), end_date=date(2025, 1, 2))
        )
    good = TimeOff(member_id=ana.key, start_date=date(2025, 1, 1), end_date=date(2025, 1, 2))
    with pytest.raises(ValidationError):
        ws.add_time_off(good.model_copy(update={"end_date": date(2024, 12, 31)}))
    assert ws.time_off() == []

"""Undo and redo against someone else's change: asked, never silently overwritten.

The window's actions write through one connection; "someone else" is a second connection to the
same file, or another process running the command line. The file, read fresh, is the truth."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from mopsboard.domain.models import Task, Team
from mopsboard.qt.campaigns.campaign_actions import CampaignActions
from mopsboard.qt.common.conflicts import Choice, Conflict
from mopsboard.qt.people.people_actions import PeopleActions
from mopsboard.qt.personas.persona_actions import PersonaActions
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.store.workspace import Workspace
from tests.values import present


class Asker:
    """A resolver that answers `choice` and remembers what it was asked."""

    def __init__(self, choice: Choice = Choice.THEIRS) -> None:
        self.choice = choice
        self.asked: list[Conflict] = []

    def __call__(self, conflict: Conflict) -> Choice:
        self.asked.append(conflict)
        return self.choice


@pytest.fixture
def asker(actions: WorkspaceActions) -> Asker:
    installed = Asker()
    actions.resolve_conflict = installed
    return installed


def fresh(ws: Workspace) -> Workspace:
    return Workspace.open(Path(ws.path))


def task_named(ws: Workspace, title: str) -> Task:
    return next(t for t in ws.tasks(include_archived=True) if t.title == title)


def stage_id(ws: Workspace, name: str) -> int:
    return ws.stage_named(ws.boards()[0].key, name).key


def stage_of(ws: Workspace, task_id: int) -> str:
    with fresh(ws) as other:
        return other.stage(other.task(task_id).stage_id).name


def elsewhere(ws: Workspace, task_id: int, **update: Any) -> None:
    """Another window edits the task (a connection of its own)."""
    with fresh(ws) as other:
        other.update_task(other.task(task_id).model_copy(update=update))


def move_elsewhere(ws: Workspace, task_id: int, stage: str) -> None:
    with fresh(ws) as other:
        other.move_tasks([task_id], stage_id(other, stage))


# -- moves ----------------------------------------------------------------------------------------


def test_undo_of_a_move_moved_again_by_a_script_asks_and_keeps_theirs(
    actions: WorkspaceActions, asker: Asker
) -> None:
    """The reported case, with a real second process: mopsboard move-task."""
    ws = actions.workspace
    e = task_named(ws, "E")
    failures: list[str] = []
    actions.failed.connect(failures.append)
    assert actions.move_tasks([e.key], stage_id(ws, "Review"), None)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mopsboard",
            "move-task",
            str(ws.path),
            str(e.id),
            "--stage",
            "Done",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ.copy(),
    )
    assert done.returncode == 0, done.stderr
    actions.undo_stack.undo()
    assert len(asker.asked) == 1
    assert "'E' was changed in another window or program" in asker.asked[0].text
    assert stage_of(ws, e.key) == "Done"
    assert actions.undo_stack.count() == 0  # the step is gone, not waiting to overwrite later
    assert failures and "dropped from the undo history" in failures[0]


def test_undo_of_a_move_keep_mine_puts_it_back_and_keeps_their_other_edits(
    actions: WorkspaceActions, asker: Asker
) -> None:
    ws = actions.workspace
    e = task_named(ws, "E")
    actions.move_tasks([e.key], stage_id(ws, "Review"), None)
    move_elsewhere(ws, e.key, "Done")
    elsewhere(ws, e.key, title="E (theirs)", estimate_hours=9.0)
    asker.choice = Choice.MINE
    actions.undo_stack.undo()
    assert len(asker.asked) == 1
    with fresh(ws) as other:
        now = other.task(e.key)
        assert other.stage(now.stage_id).name == "In progress"
        assert now.rank == e.rank
        assert (now.title, now.estimate_hours) == ("E (theirs)", 9.0)
    # Undone for real: redo is there and checks again.
    assert actions.undo_stack.canRedo()
    actions.undo_stack.redo()
    assert len(asker.asked) == 1
    assert stage_of(ws, e.key) == "Review"


def test_redo_of_a_move_checks_too(actions: WorkspaceActions, asker: Asker) -> None:
    ws = actions.workspace
    a, b = task_named(ws, "A"), task_named(ws, "B")
    actions.move_tasks([a.key, b.key], stage_id(ws, "Ready"), None)
    actions.undo_stack.undo()
    move_elsewhere(ws, b.key, "In progress")
    actions.undo_stack.redo()
    assert [c.text for c in asker.asked] == [
        "'B' was changed in another window or program after \u201cMove 2 tasks to Ready\u201d."
    ]
    # Keep theirs writes nothing at all: A stays in the backlog with B's move kept.
    assert stage_of(ws, a.key) == "Backlog"
    assert stage_of(ws, b.key) == "In progress"


def test_without_a_resolver_nothing_is_overwritten_and_the_reason_is_given(
    actions: WorkspaceActions,
) -> None:
    ws = actions.workspace
    c = task_named(ws, "C")
    failures: list[str] = []
    actions.failed.connect(failures.append)
    actions.move_tasks([c.key], stage_id(ws, "Ready"), None)
    move_elsewhere(ws, c.key, "Review")
    actions.undo_stack.undo()
    assert stage_of(ws, c.key) == "Review"
    assert len(failures) == 1 and "'C'" in failures[0]


# -- edits ----------------------------------------------------------------------------------------


def test_undo_and_redo_of_an_edit_keep_mine_write_only_the_edited_fields(
    actions: WorkspaceActions, asker: Asker
) -> None:
    ws = actions.workspace
    original = task_named(ws, "B")
    actions.edit_task(original, original.model_copy(update={"estimate_hours": 6.0}))
    elsewhere(ws, original.key, title="B (theirs)")
    asker.choice = Choice.MINE
    actions.undo_stack.undo()
    with fresh(ws) as other:
        now = other.task(original.key)
        assert (now.title, now.estimate_hours) == ("B (theirs)", 2.0)
    elsewhere(ws, original.key, title="B (theirs, again)", description="their notes")
    actions.undo_stack.redo()
    assert len(asker.asked) == 2
    assert "redoes" in asker.asked[1].detail
    with fresh(ws) as other:
        now = other.task(original.key)
        assert (now.title, now.description) == ("B (theirs, again)", "their notes")
        assert now.estimate_hours == 6.0


def test_undo_of_an_edit_keep_theirs_leaves_their_version(
    actions: WorkspaceActions, asker: Asker
) -> None:
    ws = actions.workspace
    original = task_named(ws, "D")
    actions.edit_task(original, original.model_copy(update={"estimate_hours": 1.0}))
    elsewhere(ws, original.key, estimate_hours=8.0)
    actions.undo_stack.undo()
    assert len(asker.asked) == 1
    assert task_named(ws, "D").estimate_hours == 8.0
    assert actions.undo_stack.count() == 0


def test_own_later_steps_and_their_side_effects_are_no_conflict(
    actions: WorkspaceActions, asker: Asker
) -> None:
    """Versions this window's own writes produced, in later steps or as side effects (stages
    shifted by an added stage, tasks following a member to another team), are not someone
    else's change."""
    ws = actions.workspace
    board = ws.boards()[0].key
    a = task_named(ws, "A")
    ready = ws.stage_named(board, "Ready")
    people = PeopleActions(actions)
    actions.move_tasks([a.key], ready.key, None)
    actions.edit_task(ws.task(a.key), ws.task(a.key).model_copy(update={"title": "A2"}))
    actions.update_stage(ready.model_copy(update={"wip_limit": 4}))
    actions.add_stage(ready.model_copy(update={"id": None, "name": "Brief", "position": 0}))
    web = people.add_team(Team(name="Web"))
    assert web is not None
    member = ws.member(present(a.assignee_id))
    people.edit_member(member.model_copy(update={"team_id": web.id}))
    assert ws.task(a.key).team_id == web.id
    while actions.undo_stack.canUndo():
        actions.undo_stack.undo()
    assert asker.asked == []
    assert stage_of(ws, a.key) == "Backlog"
    assert ws.task(a.key).title == "A"
    assert ws.stage(ready.key).wip_limit == ready.wip_limit
    while actions.undo_stack.canRedo():
        actions.undo_stack.redo()
    assert asker.asked == []
    assert ws.task(a.key).title == "A2"


# -- people, personas, campaigns, stages -------------------------------------------------------


def test_undo_of_a_persona_move_keep_mine_keeps_their_rename(
    actions: WorkspaceActions, asker: Asker
) -> None:
    ws = actions.workspace
    personas = PersonaActions(actions)
    persona = ws.personas()[0]
    personas.move_persona(persona.key, 0.9, 0.9)
    with fresh(ws) as other:
        theirs = other.persona(persona.key)
        other.update_persona(theirs.model_copy(update={"name": "Modernist"}))
    asker.choice = Choice.MINE
    actions.undo_stack.undo()
    assert asker.asked and "'Modernist' was changed" in asker.asked[0].text
    with fresh(ws) as other:
        now = other.persona(persona.key)
        assert (now.name, now.x, now.y) == ("Modernist", persona.x, persona.y)


def test_undo_of_a_campaign_edit_keep_theirs_drops_the_step(
    actions: WorkspaceActions, asker: Asker
) -> None:
    ws = actions.workspace
    campaigns = CampaignActions(actions)
    original = ws.campaign_named("Spring launch")
    campaigns.edit_campaign(original, original.model_copy(update={"owner": "Lead"}))
    with fresh(ws) as other:
        theirs = other.campaign(original.key)
        other.update_campaign(theirs.model_copy(update={"owner": "Agency"}))
    actions.undo_stack.undo()
    assert len(asker.asked) == 1
    assert ws.campaign(original.key).owner == "Agency"
    assert actions.undo_stack.count() == 0


def test_undo_of_a_reschedule_keep_mine_moves_only_the_dates(
    actions: WorkspaceActions, asker: Asker
) -> None:
    ws = actions.workspace
    d = task_named(ws, "D")
    assert CampaignActions(actions).reschedule_task(d.key, 7)
    elsewhere(ws, d.key, title="D (theirs)")
    asker.choice = Choice.MINE
    actions.undo_stack.undo()
    assert len(asker.asked) == 1
    now = ws.task(d.key)
    assert (now.title, now.due_date) == ("D (theirs)", d.due_date)


def test_undo_of_a_member_edit_asks_when_their_record_changed(
    actions: WorkspaceActions, asker: Asker
) -> None:
    ws = actions.workspace
    people = PeopleActions(actions)
    member = ws.member_named("Ana Lima")
    people.edit_member(member.model_copy(update={"weekly_hours": 20}))
    with fresh(ws) as other:
        theirs = other.member(member.key)
        other.update_member(theirs.model_copy(update={"name": "Ana L."}))
    asker.choice = Choice.MINE
    actions.undo_stack.undo()
    assert asker.asked and "'Ana L.'" in asker.asked[0].text
    now = ws.member(member.key)
    assert (now.name, now.weekly_hours) == ("Ana L.", member.weekly_hours)


def test_undo_of_a_replan_from_the_capacity_map_checks_every_task(
    actions: WorkspaceActions, asker: Asker
) -> None:
    ws = actions.workspace
    a, d = task_named(ws, "A"), task_named(ws, "D")
    PeopleActions(actions).replan_tasks([a.key, d.key], None, 7)
    elsewhere(ws, d.key, estimate_hours=11.0)
    actions.undo_stack.undo()
    assert len(asker.asked) == 1
    # All or nothing: A keeps the shift too, since the step was dropped whole.
    assert a.due_date is not None
    assert ws.task(a.key).due_date == a.due_date + timedelta(days=7)
    assert ws.task(d.key).estimate_hours == 11.0


def test_undo_of_a_stage_edit_keep_mine_keeps_their_rename(
    actions: WorkspaceActions, asker: Asker
) -> None:
    ws = actions.workspace
    ready = ws.stage(stage_id(ws, "Ready"))
    actions.update_stage(ready.model_copy(update={"wip_limit": 2}))
    with fresh(ws) as other:
        other.update_stage(other.stage(ready.key).model_copy(update={"name": "Queued"}))
    asker.choice = Choice.MINE
    actions.undo_stack.undo()
    now = ws.stage(ready.key)
    assert (now.name, now.wip_limit) == ("Queued", ready.wip_limit)


def test_undo_of_a_board_rename_keep_theirs(actions: WorkspaceActions, asker: Asker) -> None:
    ws = actions.workspace
    board = ws.boards()[0]
    actions.rename_board(board.key, "Launch board")
    with fresh(ws) as other:
        other.update_board(other.board(board.key).model_copy(update={"name": "Their board"}))
    actions.undo_stack.undo()
    assert len(asker.asked) == 1
    assert ws.board(board.key).name == "Their board"

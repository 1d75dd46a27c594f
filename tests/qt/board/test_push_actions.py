"""Pushing successors as actions: the plan read from the file (successors a level at a time, done
ones left), the move and the pushes as one transaction and one undo step, all or nothing when
another program changed a row meanwhile. Dates are hand-picked working days."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mopsboard.domain.errors import ConflictError
from mopsboard.domain.ids import TaskId
from mopsboard.domain.links import TaskLink
from mopsboard.domain.models import StageKind
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.store.workspace import Workspace

MONDAY = date(2027, 3, 1)  # no public holiday near it, and no team with holidays here


def weekday(offset: int) -> date:
    return MONDAY + timedelta(days=offset + 2 * (offset // 5))


def ids(ws: Workspace) -> dict[str, TaskId]:
    return {t.title: TaskId(t.key) for t in ws.tasks()}


def dates_on_file(path: Path) -> dict[str, tuple[date | None, date | None]]:
    with Workspace.open(path) as fresh:
        return {t.title: (t.start_date, t.due_date) for t in fresh.tasks()}


@pytest.fixture
def chain(board_ws: Workspace) -> dict[str, TaskId]:
    """A Mon-Wed, then B Thu-Fri, then C Mon-Tue of the next week; D (done) after A too."""
    ws = board_ws
    found = ids(ws)
    for title, start, due in (("A", 0, 2), ("B", 3, 4), ("C", 5, 6), ("G", 3, 3)):
        task = ws.task(found[title])
        ws.update_task(
            task.model_copy(update={"start_date": weekday(start), "due_date": weekday(due)})
        )
    for before, after in (("A", "B"), ("B", "C"), ("A", "G")):
        ws.add_link(TaskLink(predecessor_id=found[before], successor_id=found[after]))
    return found


def test_the_plan_pushes_the_chain_but_not_a_done_task(
    qtbot: QtBot, board_ws: Workspace, actions: WorkspaceActions, chain: dict[str, TaskId]
) -> None:
    # G is in Done: it waits for A but is not moved.
    assert board_ws.task(chain["G"]).stage_id in {
        s.key
        for s in board_ws.stages(board_ws.task(chain["G"]).board_id)
        if s.kind is StageKind.DONE
    }
    plan = actions.shift_plan(chain["A"], 2)
    assert plan is not None
    assert plan.working_days == 2
    assert [(p.task_id, p.start_date, p.due_date, p.working_days) for p in plan.pushes] == [
        (chain["B"], weekday(5), weekday(6), 2),
        (chain["C"], weekday(7), weekday(8), 2),
    ]
    text, detail = plan.question()
    assert text == "Push its 2 successors by the same 2 working days?"
    assert detail.splitlines() == [
        "'A' is now 2 working days later.",
        "",
        f"\u2022 'B': 2 working days later, to {weekday(5):%a %d %b}",
        f"\u2022 'C': 2 working days later, to {weekday(7):%a %d %b}",
        "",
        "Keep dates leaves them, and the links they break show red on the timeline.",
    ]
    # Earlier, or later without breaking a link (C is last), pushes nothing.
    assert actions.shift_plan(chain["A"], -3) is None
    assert actions.shift_plan(chain["C"], 5) is None


def test_reschedule_pushing_is_one_step_and_undo_is_all_or_nothing(
    qtbot: QtBot, board_ws: Workspace, actions: WorkspaceActions, chain: dict[str, TaskId]
) -> None:
    path = Path(board_ws.path)
    before = dates_on_file(path)
    plan = actions.shift_plan(chain["A"], 2)
    assert plan is not None and actions.reschedule_pushing(plan)
    after = dates_on_file(path)
    assert (after["A"], after["B"], after["C"]) == (
        (weekday(2), weekday(4)),
        (weekday(5), weekday(6)),
        (weekday(7), weekday(8)),
    )
    assert actions.undo_stack.count() == 1
    assert actions.undo_stack.undoText() == "Reschedule 'A', pushing 2 successors"
    # Another program renames C: undo (keeping theirs, as nobody is asked here) takes none of
    # the three back rather than some.
    with Workspace.open(path) as other:
        other.update_task(other.task(chain["C"]).model_copy(update={"title": "C, renamed"}))
    failures: list[str] = []
    actions.failed.connect(failures.append)
    actions.undo_stack.undo()
    now = dates_on_file(path)
    assert (now["A"], now["B"], now["C, renamed"]) == (after["A"], after["B"], after["C"])
    assert failures == [
        "Kept the change made elsewhere to 'C, renamed': could not undo \u201cReschedule 'A', "
        "pushing 2 successors\u201d, so it was dropped from the undo history."
    ]
    assert before["A"] != now["A"]


def test_an_editor_save_pushing_a_stale_task_writes_nothing(
    qtbot: QtBot, board_ws: Workspace, actions: WorkspaceActions, chain: dict[str, TaskId]
) -> None:
    path = Path(board_ws.path)
    before = dates_on_file(path)
    original = board_ws.task(chain["A"])
    edited = original.model_copy(update={"due_date": weekday(4)})
    plan = actions.push_plan(chain["A"], edited.start_date, edited.due_date)
    assert plan is not None and [p.task_id for p in plan.pushes] == [chain["B"], chain["C"]]
    with Workspace.open(path) as other:
        other.update_task(other.task(chain["A"]).model_copy(update={"title": "A, renamed"}))
    with pytest.raises(ConflictError):
        actions.edit_task_pushing(original, edited, plan)
    now = dates_on_file(path)
    assert (now["A, renamed"], now["B"], now["C"]) == (before["A"], before["B"], before["C"])
    assert actions.undo_stack.count() == 0


def set_launch(ws: Workspace, campaign: str, launch: date) -> None:
    current = ws.campaign_named(campaign)
    ws.update_campaign(current.model_copy(update={"launch_date": launch}))


def test_the_question_names_the_tasks_the_push_makes_due_after_their_launch(
    qtbot: QtBot, board_ws: Workspace, actions: WorkspaceActions, chain: dict[str, TaskId]
) -> None:
    # A and C are in Spring launch, launching on C's due day; B is in Intent webinar,
    # launching on B's due day. A two days later pushes B and C past both launches.
    set_launch(board_ws, "Spring launch", weekday(6))
    set_launch(board_ws, "Intent webinar", weekday(4))
    plan = actions.shift_plan(chain["A"], 2)
    assert plan is not None
    _text, detail = plan.question()
    moved, successors, launches, keep = detail.split("\n\n")
    assert moved == "'A' is now 2 working days later."
    assert len(successors.splitlines()) == 2
    assert launches.splitlines() == [
        f"1 of them would then be due after the launch on {weekday(6):%a %d %b}: "
        f"'C' ({weekday(8):%a %d %b}).",
        f"1 of them would then be due after the launch of 'Intent webinar' on "
        f"{weekday(4):%a %d %b}: 'B' ({weekday(6):%a %d %b}).",
    ]
    assert keep.startswith("Keep dates")
    assert plan.passes_launch


def test_the_question_says_when_the_moved_task_itself_is_then_due_after_the_launch(
    qtbot: QtBot, board_ws: Workspace, actions: WorkspaceActions, chain: dict[str, TaskId]
) -> None:
    # Spring launch on Thursday: A, due Wednesday, then due Friday, after it. C was due after
    # that launch already: the push does not make it late for it, and it is not named.
    set_launch(board_ws, "Spring launch", weekday(3))
    plan = actions.shift_plan(chain["A"], 2)
    assert plan is not None
    moved, successors, keep = plan.question()[1].split("\n\n")
    assert moved == (
        f"'A' is now 2 working days later. It is then due {weekday(4):%a %d %b}, after its "
        f"campaign's launch on {weekday(3):%a %d %b}."
    )
    assert "launch" not in successors
    assert keep.startswith("Keep dates")
    assert plan.passes_launch


def test_a_push_that_keeps_every_launch_says_nothing_of_launches(
    qtbot: QtBot, board_ws: Workspace, actions: WorkspaceActions, chain: dict[str, TaskId]
) -> None:
    set_launch(board_ws, "Spring launch", weekday(9))
    set_launch(board_ws, "Intent webinar", weekday(9))
    plan = actions.shift_plan(chain["A"], 2)
    assert plan is not None
    assert "launch" not in plan.question()[1]
    assert not plan.passes_launch

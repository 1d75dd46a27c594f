"""A stage that takes a task only once its predecessors are done refuses it in the store too:
whatever moves it (a drag, a keyboard step, the task editor, the command line)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mopsboard.domain.errors import RuleError
from mopsboard.domain.links import TaskLink
from mopsboard.domain.models import Stage, Task
from mopsboard.store.predecessor_gates import gate_setting_key
from mopsboard.store.workspace import Workspace

WORDS = (
    "'Legal review' waits for 'Write copy', which is not done: 'Review' takes a task only "
    "once the tasks it waits for are done."
)


@pytest.fixture
def chain(ws: Workspace, add: Callable[..., Task], stage: dict[str, Stage]) -> tuple[Task, Task]:
    copy = add("Write copy", "In progress")
    legal = add("Legal review", "In progress")
    ws.add_link(TaskLink(predecessor_id=copy.key, successor_id=legal.key))
    ws.set_setting(gate_setting_key(stage["Review"].key), "1")
    return copy, legal


def test_a_move_into_or_past_the_gate_is_refused_in_words(
    ws: Workspace, chain: tuple[Task, Task], stage: dict[str, Stage]
) -> None:
    _copy, legal = chain
    for target in ("Review", "Done"):
        with pytest.raises(RuleError) as refused:
            ws.move_tasks([legal.key], stage[target].key)
        assert str(refused.value) == WORDS
    assert ws.task(legal.key).stage_id == stage["In progress"].key
    # An edit of the stage (the task editor's) is held to the same rule.
    with pytest.raises(RuleError):
        ws.update_task(ws.task(legal.key).model_copy(update={"stage_id": stage["Review"].key}))
    assert ws.task(legal.key).version == legal.version


def test_once_the_predecessor_is_done_the_task_may_go_and_a_task_moving_back_always(
    ws: Workspace, chain: tuple[Task, Task], stage: dict[str, Stage]
) -> None:
    copy, legal = chain
    ws.move_tasks([legal.key], stage["Backlog"].key)  # back: never stopped
    ws.move_tasks([copy.key], stage["Done"].key)
    ws.move_tasks([legal.key], stage["Review"].key)
    assert ws.task(legal.key).stage_id == stage["Review"].key


def test_a_gate_turned_off_or_a_start_to_start_link_stops_nothing(
    ws: Workspace, add: Callable[..., Task], chain: tuple[Task, Task], stage: dict[str, Stage]
) -> None:
    _copy, legal = chain
    ws.set_setting(gate_setting_key(stage["Review"].key), "0")
    ws.move_tasks([legal.key], stage["Review"].key)
    ws.set_setting(gate_setting_key(stage["Review"].key), "1")
    brief, kickoff = add("Brief"), add("Kick-off", "Ready")
    ws.add_link(TaskLink(predecessor_id=brief.key, successor_id=kickoff.key, kind="start_to_start"))
    ws.move_tasks([kickoff.key], stage["Done"].key)
    assert ws.task(kickoff.key).stage_id == stage["Done"].key


def test_an_editor_can_ask_before_it_saves_and_nothing_is_written(
    ws: Workspace, chain: tuple[Task, Task], stage: dict[str, Stage]
) -> None:
    _copy, legal = chain
    edited = legal.model_copy(update={"stage_id": stage["Review"].key, "description": "x"})
    assert ws.stage_refusal(edited) == WORDS
    assert ws.stage_refusal(legal.model_copy(update={"description": "x"})) is None
    back = legal.model_copy(update={"stage_id": stage["Backlog"].key})
    assert ws.stage_refusal(back) is None
    assert ws.task(legal.key).version == legal.version

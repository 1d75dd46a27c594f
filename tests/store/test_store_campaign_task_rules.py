"""A campaign made with its tasks (from a template) obeys the board rules for each new task, as
quick add does; a campaign put back by undoing its delete is not refused."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mopsboard.domain.errors import RuleError
from mopsboard.domain.models import Campaign, Stage, Task
from mopsboard.store.workspace import Workspace


def test_a_campaign_s_new_tasks_are_refused_past_a_hard_limit(
    ws: Workspace, board_id: int, stage: dict[str, Stage], titles: Callable[..., list]
) -> None:
    ready = stage["Ready"]
    ws.add_task(Task(board_id=board_id, stage_id=ready.key, title="Already there"))
    ws.update_stage(ws.stage(ready.key).model_copy(update={"wip_limit": 1, "wip_hard": True}))
    new = [Task(board_id=board_id, stage_id=ready.key, title="Brief")]
    with pytest.raises(RuleError, match="hard WIP limit of 1"):
        ws.add_campaign_with_tasks(Campaign(name="Launch"), new)
    assert titles("Ready") == ["Already there"]
    assert [c.name for c in ws.campaigns()] == []


def test_a_deleted_campaign_comes_back_whatever_the_limits(
    ws: Workspace, board_id: int, stage: dict[str, Stage], titles: Callable[..., list]
) -> None:
    ready = stage["Ready"]
    ws.add_task(Task(board_id=board_id, stage_id=ready.key, title="Already there"))
    made, _tasks = ws.add_campaign_with_tasks(
        Campaign(name="Launch"), [Task(board_id=board_id, stage_id=ready.key, title="Brief")]
    )
    campaign, tasks = ws.delete_campaign(made.key)
    ws.update_stage(ws.stage(ready.key).model_copy(update={"wip_limit": 1, "wip_hard": True}))
    ws.add_campaign_with_tasks(campaign, tasks)  # the undo of the delete
    assert sorted(titles("Ready")) == ["Already there", "Brief"]


def test_a_deleted_campaign_comes_back_after_another_writer_added_a_task(
    ws: Workspace, board_id: int, stage: dict[str, Stage], titles: Callable[..., list]
) -> None:
    ready = stage["Ready"]
    made, _tasks = ws.add_campaign_with_tasks(
        Campaign(name="Launch"), [Task(board_id=board_id, stage_id=ready.key, title="Brief")]
    )
    campaign, tasks = ws.delete_campaign(made.key)
    ws.add_task(Task(board_id=board_id, stage_id=ready.key, title="Came meanwhile"))
    ws.add_campaign_with_tasks(campaign, tasks)  # the undo of the delete
    assert sorted(titles("Ready")) == ["Brief", "Came meanwhile"]


def test_a_deleted_campaign_comes_back_with_its_tasks_comments_and_history(
    ws: Workspace, board_id: int, stage: dict[str, Stage]
) -> None:
    made, (task,) = ws.add_campaign_with_tasks(
        Campaign(name="Launch"),
        [Task(board_id=board_id, stage_id=stage["Backlog"].key, title="Brief")],
    )
    comment = ws.add_comment(task.key, "Ada", "Draft is in the folder")
    ws.move_tasks([task.key], stage["Ready"].key, None)
    history = ws.task_activity(task.key)
    campaign, tasks = ws.delete_campaign(made.key)
    ws.restore_campaign(campaign, tasks)  # the undo of the delete
    assert ws.comments(task.key) == [comment]
    assert ws.task_activity(task.key) == history

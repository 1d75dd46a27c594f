"""Campaign and template changes: one undo step each, the file as the truth."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mopsboard.domain.builtin_templates import WEBINAR
from mopsboard.domain.models import Campaign
from mopsboard.io.campaign_plans import prepare
from mopsboard.qt.campaigns.campaign_actions import CampaignActions
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.store.workspace import Workspace


def on_file(ws: Workspace) -> Workspace:
    return Workspace.open(Path(ws.path))


def campaign_names(ws: Workspace) -> list[str]:
    with on_file(ws) as fresh:
        return sorted(c.name for c in fresh.campaigns())


def test_add_edit_archive_campaign_and_undo(actions: WorkspaceActions) -> None:
    ws = actions.workspace
    campaigns = CampaignActions(actions)
    before = campaign_names(ws)
    created = campaigns.add_campaign(Campaign(name="Summer", owner="MOps lead"))
    assert created is not None and "Summer" in campaign_names(ws)
    edited = campaigns.edit_campaign(created, created.model_copy(update={"name": "Summer sale"}))
    assert edited is not None and "Summer sale" in campaign_names(ws)
    assert campaigns.set_archived(created.key)
    assert campaign_names(ws) == before
    stack = actions.undo_stack
    assert stack.count() == 3
    stack.undo()
    assert "Summer sale" in campaign_names(ws)
    stack.undo()
    assert "Summer" in campaign_names(ws)
    stack.undo()
    assert campaign_names(ws) == before
    stack.redo()
    stack.redo()
    stack.redo()
    assert campaign_names(ws) == before
    with on_file(ws) as fresh:
        assert fresh.campaign(created.key).archived


def test_stale_edit_is_refused_and_not_in_history(actions: WorkspaceActions) -> None:
    ws = actions.workspace
    campaigns = CampaignActions(actions)
    failures: list[str] = []
    actions.failed.connect(failures.append)
    spring = ws.campaign_named("Spring launch")
    ws.update_campaign(spring.model_copy(update={"owner": "Someone else"}))
    assert campaigns.edit_campaign(spring, spring.model_copy(update={"owner": "Me"})) is None
    assert failures and "changed elsewhere" in failures[0]
    assert actions.undo_stack.count() == 0


def test_shift_campaign_is_one_undo_step(actions: WorkspaceActions) -> None:
    ws = actions.workspace
    campaigns = CampaignActions(actions)
    spring = ws.campaign_named("Spring launch")
    due_before = {t.title: t.due_date for t in ws.campaign_tasks(spring.key)}
    assert campaigns.shift_campaign(spring.key, 3)
    assert actions.undo_stack.count() == 1
    assert actions.undo_stack.undoText() == "Move 'Spring launch' 3 days later"
    with on_file(ws) as fresh:
        moved = {t.title: t.due_date for t in fresh.campaign_tasks(spring.key)}
    for title, due in due_before.items():
        assert moved[title] == (None if due is None else date.fromordinal(due.toordinal() + 3))
    actions.undo_stack.undo()
    with on_file(ws) as fresh:
        assert {t.title: t.due_date for t in fresh.campaign_tasks(spring.key)} == due_before


def test_reschedule_a_task(actions: WorkspaceActions) -> None:
    ws = actions.workspace
    campaigns = CampaignActions(actions)
    task = next(t for t in ws.tasks() if t.title == "C")
    assert campaigns.reschedule_task(task.key, -2)
    with on_file(ws) as fresh:
        assert fresh.task(task.key).due_date == date.fromordinal(
            (task.due_date or date.today()).toordinal() - 2
        )
    actions.undo_stack.undo()
    with on_file(ws) as fresh:
        assert fresh.task(task.key).due_date == task.due_date


def test_new_campaign_from_template_is_one_undo_step(actions: WorkspaceActions) -> None:
    ws = actions.workspace
    campaigns = CampaignActions(actions)
    board = ws.boards()[0].key
    tasks_before = len(ws.tasks())
    prepared = prepare(ws, WEBINAR, "Autumn webinar", date(2031, 10, 15), board)
    created = campaigns.new_from_template(prepared)
    assert created is not None
    assert len(ws.tasks()) == tasks_before + len(WEBINAR.tasks)
    assert actions.undo_stack.count() == 1
    actions.undo_stack.undo()
    with on_file(ws) as fresh:
        assert len(fresh.tasks()) == tasks_before
        assert "Autumn webinar" not in {c.name for c in fresh.campaigns(include_archived=True)}
    actions.undo_stack.redo()
    with on_file(ws) as fresh:
        assert len(fresh.campaign_tasks(created.key)) == len(WEBINAR.tasks)


def test_templates_save_duplicate_delete(actions: WorkspaceActions) -> None:
    ws = actions.workspace
    campaigns = CampaignActions(actions)
    spring = ws.campaign_named("Spring launch")
    saved = campaigns.save_as_template(spring.key, "Launch like spring")
    assert saved is not None and len(saved.tasks) == 4
    copy = campaigns.duplicate_template(WEBINAR, "Webinar (EMEA)")
    assert copy is not None and copy.tasks == WEBINAR.tasks
    assert campaigns.delete_template(saved.key)
    assert [t.name for t in ws.templates(include_builtin=False)] == ["Webinar (EMEA)"]
    actions.undo_stack.undo()
    actions.undo_stack.undo()
    assert [t.name for t in ws.templates(include_builtin=False)] == ["Launch like spring"]
    actions.undo_stack.undo()
    assert ws.templates(include_builtin=False) == []

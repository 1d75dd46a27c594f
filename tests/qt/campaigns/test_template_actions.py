"""Saving a template's edits: one undo step, refused for a built-in template, and an undo that
meets someone else's change asks before it overwrites it (here the answer keeps theirs)."""

from __future__ import annotations

from pathlib import Path

from mopsboard.domain.builtin_templates import WEBINAR
from mopsboard.domain.templates import TemplateTask
from mopsboard.qt.campaigns.template_actions import TemplateActions
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.store.workspace import Workspace


def stored_titles(path: Path, template_id: int) -> list[str]:
    with Workspace.open(path) as fresh:
        return [t.title for t in fresh.template(template_id).tasks]  # type: ignore[arg-type]


def test_a_save_is_one_undo_step_and_a_builtin_is_refused(actions: WorkspaceActions) -> None:
    ws = actions.workspace
    saved = ws.add_template(WEBINAR.model_copy(update={"name": "Our webinar"}))
    templates = TemplateActions(actions)
    said: list[str] = []
    actions.failed.connect(said.append)
    assert templates.update_template(WEBINAR) is None
    assert said == ["A built-in template cannot be changed; duplicate it first."]
    edited = saved.model_copy(update={"tasks": (*saved.tasks, TemplateTask(title="Thank-you"))})
    after = templates.update_template(edited)
    assert after is not None and after.version == saved.version + 1
    path = Path(ws.path)
    assert stored_titles(path, saved.key)[-1] == "Thank-you"
    assert actions.undo_stack.count() == 1
    actions.undo_stack.undo()
    assert "Thank-you" not in stored_titles(path, saved.key)
    actions.undo_stack.redo()
    assert stored_titles(path, saved.key)[-1] == "Thank-you"
    # Saved again unchanged: nothing to undo.
    assert templates.update_template(ws.template(saved.key)) is not None
    assert actions.undo_stack.count() == 1


def test_an_undo_over_someone_elses_change_keeps_theirs(actions: WorkspaceActions) -> None:
    ws = actions.workspace
    saved = ws.add_template(WEBINAR.model_copy(update={"name": "Our webinar"}))
    templates = TemplateActions(actions)
    edited = saved.model_copy(update={"description": "Ours", "tasks": saved.tasks[1:]})
    assert templates.update_template(edited) is None  # its links name the task taken away
    kept = saved.model_copy(update={"description": "Ours"})
    assert templates.update_template(kept) is not None
    path = Path(ws.path)
    with Workspace.open(path) as other:
        theirs = other.template(saved.key)
        other.update_template(theirs.model_copy(update={"description": "Theirs"}))
    said: list[str] = []
    actions.failed.connect(said.append)
    actions.undo_stack.undo()
    with Workspace.open(path) as fresh:
        assert fresh.template(saved.key).description == "Theirs"
    assert said

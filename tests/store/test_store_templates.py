"""Campaign templates in the workspace file: built-ins read-only, saved ones round-trip."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mopsboard.domain.builtin_templates import BUILTIN_TEMPLATES, WEBINAR
from mopsboard.domain.errors import ConflictError, MopsboardError, NotFoundError
from mopsboard.domain.templates import CampaignTemplate, TemplateTask
from mopsboard.store.workspace import Workspace


def test_builtins_come_first_and_cannot_be_changed(ws: Workspace) -> None:
    assert ws.templates() == list(BUILTIN_TEMPLATES)
    assert ws.templates(include_builtin=False) == []
    with pytest.raises(MopsboardError, match="duplicate it first"):
        ws.update_template(WEBINAR)


def test_a_duplicated_builtin_is_saved_and_read_back(ws: Workspace, ws_path: Path) -> None:
    copy = ws.add_template(WEBINAR.model_copy(update={"name": "Webinar (partner)"}))
    assert copy.id is not None and not copy.builtin and copy.builtin_key == ""
    with Workspace.open(ws_path) as fresh:
        (stored,) = fresh.templates(include_builtin=False)
        assert fresh.templates()[-1] == stored
    assert stored.name == "Webinar (partner)"
    assert stored.tasks == WEBINAR.tasks
    assert stored.run_days == WEBINAR.run_days and stored.colour == WEBINAR.colour


def test_save_edit_and_delete_a_template(ws: Workspace, ws_path: Path) -> None:
    template = ws.add_template(
        CampaignTemplate(
            name="Quarterly newsletter",
            tasks=(
                TemplateTask(title="Write", persona="Psychologist", offset=-5, duration=3),
                TemplateTask(title="Send", checklist=("Seed test",), estimate_hours=1.5),
            ),
        )
    )
    edited = ws.update_template(template.model_copy(update={"name": "Monthly newsletter"}))
    assert edited.version == 2
    with pytest.raises(ConflictError):
        ws.update_template(template.model_copy(update={"name": "Stale"}))
    with Workspace.open(ws_path) as fresh:
        stored = fresh.template(template.key)
        assert stored.name == "Monthly newsletter" and stored.tasks == template.tasks
    removed = ws.delete_template(template.key)
    assert ws.templates(include_builtin=False) == []
    with pytest.raises(NotFoundError):
        ws.template(template.key)
    ws.add_template(removed)
    assert ws.template(template.key).name == "Monthly newsletter"


def test_templates_live_in_their_own_table(ws: Workspace, ws_path: Path) -> None:
    ws.add_template(WEBINAR)
    conn = sqlite3.connect(ws_path)
    try:
        (count,) = conn.execute("SELECT COUNT(*) FROM campaign_templates").fetchone()
    finally:
        conn.close()
    assert count == 1

"""Save a campaign as a template, store it, load it, and plan a new campaign from it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mopsboard.domain.errors import MopsboardError
from mopsboard.domain.models import Campaign, ChecklistItem, Task
from mopsboard.domain.scheduling import working_days_between
from mopsboard.io.campaign_plans import prepare, template_named, template_of_campaign
from mopsboard.store.workspace import Workspace

LAUNCH = date(2026, 6, 10)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return Workspace.create(tmp_path / "t.mopsboard")


def test_save_as_template_then_load_and_plan_again(ws: Workspace, tmp_path: Path) -> None:
    board = ws.boards()[0].key
    stages = {s.name: s.key for s in ws.stages(board)}
    persona = ws.personas()[1]
    campaign = ws.add_campaign(
        Campaign(name="Spring webinar", launch_date=LAUNCH, channel="Webinar")
    )
    for title, stage, start, due in (
        ("Invite", "Done", date(2026, 5, 27), date(2026, 6, 2)),
        ("Dry run", "In progress", date(2026, 6, 8), date(2026, 6, 9)),
        ("Follow up", "Backlog", None, date(2026, 6, 12)),
    ):
        ws.add_task(
            Task(
                board_id=board,
                stage_id=stages[stage],
                title=title,
                campaign_id=campaign.id,
                persona_id=persona.id,
                start_date=start,
                due_date=due,
                estimate_hours=2,
                checklist=(ChecklistItem(text="Checked", done=True),),
            )
        )
    template = template_of_campaign(ws, campaign.key, "Our webinar")
    saved = ws.add_template(template)
    ws.close()

    with Workspace.open(tmp_path / "t.mopsboard") as again:
        loaded = template_named(again, "our webinar")
        assert loaded.model_copy(update={"updated_at": None}) == saved
        assert loaded.channel == "Webinar"
        prepared = prepare(again, loaded, "Autumn webinar", date(2026, 10, 14), board, LAUNCH)
        by_title = {t.title: t for t in prepared.tasks}
        assert set(by_title) == {"Invite", "Dry run", "Follow up"}
        for title, old_due in (("Invite", date(2026, 6, 2)), ("Follow up", date(2026, 6, 12))):
            new_due = by_title[title].due_date
            assert new_due is not None
            assert working_days_between(date(2026, 10, 14), new_due) == working_days_between(
                LAUNCH, old_due
            )
        assert by_title["Invite"].stage_id == stages["Backlog"]
        assert by_title["Dry run"].stage_id == stages["Backlog"]
        assert by_title["Invite"].persona_id == persona.id
        assert by_title["Invite"].checklist == (ChecklistItem(text="Checked", done=False),)
        assert prepared.missing == () and prepared.in_past == 0
        assert prepared.campaign.launch_date == date(2026, 10, 14)


def test_prepare_needs_stages(ws: Workspace) -> None:
    board = ws.boards()[0].key
    for stage in ws.stages(board):
        ws.delete_stage(stage.key, None)
    with pytest.raises(MopsboardError, match="no stages"):
        prepare(ws, template_named(ws, "webinar"), "W", LAUNCH, board)
    ws.close()

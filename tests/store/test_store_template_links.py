"""A campaign from a linked template: its tasks and links written in one unit of work, on the
teams' calendars the workspace's people make, and an undo of its delete puts the links back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mopsboard.domain.link_rules import CycleError, LinkKind
from mopsboard.domain.models import Member, Team
from mopsboard.domain.templates import (
    CampaignTemplate,
    Names,
    TemplatePredecessor,
    TemplateTask,
    campaign_for,
    plan_campaign,
    plan_links,
    tasks_for,
)
from mopsboard.store.base import Change
from mopsboard.store.workspace import Workspace

TEMPLATE = CampaignTemplate(
    name="Year-end send",
    tasks=(
        TemplateTask(title="Copy", team="Email", duration=5),
        TemplateTask(
            title="Send",
            team="Email",
            after=(TemplatePredecessor(title="Copy", lag_days=1),),
        ),
    ),
)


def test_a_campaign_from_a_linked_template_is_written_with_its_links_at_once(
    ws: Workspace, ws_path: Path, board_id: int
) -> None:
    email = ws.add_team(Team(name="Email"))
    ws.add_member(Member(team_id=email.key, name="Ada", holiday_country="US"))
    ws.add_member(Member(team_id=email.key, name="Bo", holiday_country="us"))
    ws.add_member(Member(team_id=email.key, name="Cy", holiday_country="GB", active=False))
    calendars = ws.team_calendars()
    assert calendars["email"].codes == ("US",)
    plan = plan_campaign(TEMPLATE, "Year end", date(2027, 1, 5), calendars=calendars)
    names = Names(personas={}, teams={"email": email.key})
    tasks = tasks_for(plan, board_id, ws.stages(board_id), names)  # type: ignore[arg-type]
    changes: list[Change] = []
    ws.subscribe(changes.append)
    campaign, added = ws.add_campaign_with_tasks(campaign_for(plan), tasks, plan_links(plan))
    by_title = {t.title: t for t in added}
    # Send on the launch, Tuesday 5 January; Copy due 1 + 1 working days before it, over New
    # Year's Day: Thursday 31 December; five days back over Christmas: 31, 30, 29, 28, 24.
    assert (by_title["Copy"].start_date, by_title["Copy"].due_date) == (
        date(2026, 12, 24),
        date(2026, 12, 31),
    )
    links = ws.campaign_links(campaign.key)
    assert [(k.predecessor_id, k.successor_id, k.kind, k.lag_days) for k in links] == [
        (by_title["Copy"].key, by_title["Send"].key, LinkKind.FINISH_TO_START, 1)
    ]
    # One unit of work: the links' report came with the tasks'.
    assert {c.table for c in changes} >= {"campaigns", "tasks", "task_links"}
    gone, gone_tasks = ws.delete_campaign(campaign.key)
    assert ws.links() == []
    ws.restore_campaign(gone, gone_tasks)
    assert ws.campaign_links(campaign.key) == links


def test_a_refused_link_writes_neither_the_campaign_nor_its_tasks(
    ws: Workspace, board_id: int
) -> None:
    plan = plan_campaign(TEMPLATE, "Year end", date(2027, 1, 5))
    tasks = tasks_for(plan, board_id, ws.stages(board_id), Names({}, {}))  # type: ignore[arg-type]
    looped = [(0, 1, LinkKind.FINISH_TO_START, 0), (1, 0, LinkKind.FINISH_TO_START, 0)]
    with pytest.raises(CycleError):
        ws.add_campaign_with_tasks(campaign_for(plan), tasks, looped)
    assert ws.campaigns() == [] and ws.tasks() == []

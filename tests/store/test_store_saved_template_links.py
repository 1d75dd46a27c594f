"""A campaign's links saved with it as a template, through the file: the `after` of each task
is written and read back, and a campaign planned from the saved template is linked the same."""

from __future__ import annotations

from datetime import date

from mopsboard.domain.builtin_templates import PRODUCT_LAUNCH
from mopsboard.domain.ids import BoardId, CampaignId, TemplateId
from mopsboard.domain.templates import (
    CampaignTemplate,
    Names,
    campaign_for,
    plan_campaign,
    plan_links,
    tasks_for,
    template_from_campaign,
)
from mopsboard.store.workspace import Workspace


def _campaign_from(ws: Workspace, template: CampaignTemplate, name: str) -> CampaignId:
    board_id = BoardId(ws.boards()[0].key)
    plan = plan_campaign(template, name, date(2027, 3, 10))
    tasks = tasks_for(plan, board_id, ws.stages(board_id), Names({}, {}))
    campaign, _tasks = ws.add_campaign_with_tasks(campaign_for(plan), tasks, plan_links(plan))
    return CampaignId(campaign.key)


def _links(ws: Workspace, campaign_id: CampaignId) -> list[tuple[str, str, str, int]]:
    titles = {t.key: t.title for t in ws.campaign_tasks(campaign_id)}
    return sorted(
        (titles[k.predecessor_id], titles[k.successor_id], k.kind.value, k.lag_days)
        for k in ws.campaign_links(campaign_id)
    )


def test_a_saved_template_keeps_the_campaigns_links_in_the_file(
    ws: Workspace, ws_location: str
) -> None:
    first = _campaign_from(ws, PRODUCT_LAUNCH, "Spring")
    stages = ws.stages(ws.boards()[0].key)
    template = template_from_campaign(
        ws.campaign(first),
        ws.campaign_tasks(first),
        stages,
        {},
        {},
        "Our launch",
        links=ws.campaign_links(first),
    )
    saved_id = TemplateId(ws.add_template(template).key)

    with Workspace.open(ws_location) as fresh:
        saved = fresh.template(saved_id)
    assert sum(len(task.after) for task in saved.tasks) == 18
    again = _campaign_from(ws, saved, "Autumn")
    assert len(_links(ws, first)) == 18
    assert _links(ws, again) == _links(ws, first)

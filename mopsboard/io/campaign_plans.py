"""Templates meet a workspace: a template's plan as this workspace's campaign and tasks, and an
existing campaign as a template. Shared by the app and the command line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mopsboard.domain.errors import MopsboardError
from mopsboard.domain.ids import BoardId, CampaignId
from mopsboard.domain.models import Campaign, Task
from mopsboard.domain.templates import (
    CampaignPlan,
    CampaignTemplate,
    Names,
    campaign_for,
    find_template,
    plan_campaign,
    tasks_for,
    template_from_campaign,
    unmatched,
)
from mopsboard.store.workspace import Workspace


@dataclass(frozen=True)
class Prepared:
    """Everything "new campaign from template" writes, and what the preview warns about."""

    plan: CampaignPlan
    campaign: Campaign
    tasks: tuple[Task, ...]
    missing: tuple[str, ...]
    in_past: int


def names_of(workspace: Workspace) -> Names:
    return Names(
        personas={p.name.casefold(): p.key for p in workspace.personas()},
        teams={t.name.casefold(): t.key for t in workspace.teams()},
    )


def template_named(workspace: Workspace, name: str) -> CampaignTemplate:
    templates = workspace.templates()
    found = find_template(templates, name)
    if found is None:
        known = ", ".join(f"'{t.name}'" for t in templates)
        raise MopsboardError(f"There is no campaign template named '{name}'; there are {known}.")
    return found


def prepare(
    workspace: Workspace,
    template: CampaignTemplate,
    name: str,
    launch: date,
    board_id: BoardId,
    today: date | None = None,
) -> Prepared:
    """The campaign and tasks a template makes for this launch on this board (nothing written);
    `plan_links(prepared.plan)` are the links between `tasks`, by position."""
    stages = workspace.stages(board_id)
    if not stages:
        raise MopsboardError("The board has no stages to put the campaign's tasks in.")
    # Each task on its team's working days (weekends, the holidays its people share), placed
    # along the template's links; the CLI's new-campaign and the app's dialog both come here.
    plan = plan_campaign(template, name, launch, calendars=workspace.team_calendars())
    names = names_of(workspace)
    return Prepared(
        plan=plan,
        campaign=campaign_for(plan),
        tasks=tuple(tasks_for(plan, BoardId(board_id), stages, names)),
        missing=tuple(unmatched(plan, names)),
        in_past=len(plan.in_past(today or date.today())),
    )


def template_of_campaign(
    workspace: Workspace, campaign_id: CampaignId, name: str
) -> CampaignTemplate:
    """A new (unsaved) template planning work like this campaign's, from its launch date, its
    tasks waiting for each other as the campaign's do."""
    campaign = workspace.campaign(campaign_id)
    tasks = workspace.campaign_tasks(campaign_id)
    boards = {t.board_id for t in tasks}
    stages = [s for board_id in sorted(boards) for s in workspace.stages(board_id)]
    return template_from_campaign(
        campaign,
        tasks,
        stages,
        {p.key: p.name for p in workspace.personas(include_archived=True)},
        {t.key: t.name for t in workspace.teams(include_archived=True)},
        name,
        links=workspace.campaign_links(campaign_id),
    )

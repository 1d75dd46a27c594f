"""The demo's trade-offs: two campaigns with a brief, approved; what changed on one since its
approval; two what-if scenarios over the real plan; and a product launch from a company calendar
in the week of the webinar, so that every part of the trade-off views has something to show."""

from __future__ import annotations

from datetime import date, timedelta

from mopsboard.domain.calendar_events import CalendarEvent
from mopsboard.domain.ids import TaskId
from mopsboard.domain.models import Campaign
from mopsboard.domain.scenarios import AddCapacity, ReassignTask, ShiftCampaign
from mopsboard.io.demo_data import PRODUCT_LAUNCH, WEBINAR
from mopsboard.store.workspace import Workspace

ATLAS_BRIEF = """## Key messages
- Atlas 3.0 finds the problem before your users do.
- Upgrading takes an afternoon, not a project.

## Deliverables
- Launch landing page and demo form
- Announcement email, press release and paid social set
- Sales enablement deck

## Success
400 qualified demo requests in the first 30 days.
"""

WEBINAR_BRIEF = """## Key messages
- Lead scores sales trusts are built with sales.

## Deliverables
- Registration page, three invitation emails, the session and its follow-up
"""


def add_trade_offs(workspace: Workspace, today: date) -> None:
    """Approves the launch and the webinar as planned, then moves on: the launch a week later, the
    sales deck handed to the agency, the landing page grown; drafts two scenarios."""
    atlas = _brief(workspace, PRODUCT_LAUNCH.name, ATLAS_BRIEF)
    webinar = _brief(workspace, WEBINAR.name, WEBINAR_BRIEF)
    workspace.approve(
        atlas.key, ("Product", "Legal/compliance"), "Brief v2, approved at the review."
    )
    workspace.approve(webinar.key, ("Requester",), "As planned with sales.")
    _change_since_approval(workspace, atlas)
    agency = workspace.team_named("Brightline Creative (agency)")
    web = workspace.team_named("Web")
    later = workspace.add_scenario("Launch two weeks later", "If the beta feedback needs a sprint.")
    workspace.add_change(later.key, ShiftCampaign(campaign_id=atlas.key, days=14))
    handed = workspace.add_scenario("Agency builds the landing page")
    page = _task_titled(workspace, atlas, "Build launch landing page in the CMS")
    workspace.add_change(handed.key, ReassignTask(task_id=page, team_id=agency.key))
    workspace.add_change(
        handed.key,
        AddCapacity(
            team_id=web.key,
            name="Contract developer",
            weekly_hours=30,
            first=today,
            last=today + timedelta(days=20),
            hourly_rate=95,
        ),
    )
    launch_day = today + timedelta(days=WEBINAR.launch)
    workspace.import_calendar_events(
        [
            CalendarEvent(
                uid="demo-partner-platform-ga@mopsboard",
                title="Partner platform 5.0 general availability",
                first_day=launch_day,
                last_day=launch_day,
                source="Company product calendar (demo)",
            )
        ]
    )


def _brief(workspace: Workspace, name: str, brief: str) -> Campaign:
    campaign = workspace.campaign_named(name)
    return workspace.update_campaign(
        campaign.model_copy(update={"brief": brief, "audience_country": "US"})
    )


def _task_titled(workspace: Workspace, campaign: Campaign, title: str) -> TaskId:
    return next(t.key for t in workspace.campaign_tasks(campaign.key) if t.title == title)


def _change_since_approval(workspace: Workspace, atlas: Campaign) -> None:
    atlas = workspace.campaign(atlas.key)
    if atlas.launch_date is not None:
        workspace.update_campaign(
            atlas.model_copy(update={"launch_date": atlas.launch_date + timedelta(days=7)})
        )
    tasks = {t.title: t for t in workspace.campaign_tasks(atlas.key)}
    grace = workspace.member_named("Grace")
    deck = tasks["Sales enablement deck"]
    workspace.update_task(
        deck.model_copy(update={"assignee_id": grace.key, "team_id": grace.team_id})
    )
    page = tasks["Build launch landing page in the CMS"]
    workspace.update_task(page.model_copy(update={"estimate_hours": 24.0}))

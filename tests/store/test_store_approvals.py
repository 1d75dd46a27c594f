"""Approvals and their baselines: taken in one unit of work, never changed by later edits, kept
through re-approval and a campaign's delete and undo; "since approval" figures worked out by
hand; the campaign's log with who made each change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from mopsboard.domain.baselines import BaselineTask, TeamWeekHours
from mopsboard.domain.campaign_log import CampaignEditKind
from mopsboard.domain.errors import MopsboardError, NotFoundError
from mopsboard.domain.models import Campaign, Member, Task, Team, TeamKind
from mopsboard.store.workspace import Workspace


class Plan:
    """The campaign of these tests as approved (its figures are worked out in the test)."""

    def __init__(self, ws: Workspace, add: Callable[..., Task]) -> None:
        self.content = ws.add_team(Team(name="Content", hourly_rate=60))
        self.agency = ws.add_team(Team(name="Agency", kind=TeamKind.AGENCY, hourly_rate=150))
        # Cleo is at her team's rate (60); Aki has her own (120).
        self.cleo = ws.add_member(Member(team_id=self.content.key, name="Cleo"))
        self.aki = ws.add_member(Member(team_id=self.agency.key, name="Aki", hourly_rate=120))
        self.campaign = ws.add_campaign(
            Campaign(
                name="Spring launch",
                start_date=date(2026, 12, 1),
                launch_date=date(2026, 12, 23),
                end_date=date(2026, 12, 31),
                budget=5000,
                audience_country="US",
            )
        )
        c = self.campaign.key

        def task(title: str, start: date, due: date, hours: float, **who: object) -> Task:
            return add(
                title,
                campaign_id=c,
                estimate_hours=hours,
                start_date=start,
                due_date=due,
                **who,
            )

        self.landing = task(
            "Landing page", date(2026, 12, 10), date(2026, 12, 16), 10, assignee_id=self.cleo.key
        )
        self.email = task(
            "Email copy", date(2026, 12, 7), date(2026, 12, 11), 8, assignee_id=self.cleo.key
        )
        self.banners = task(
            "Banner ads", date(2026, 12, 14), date(2026, 12, 16), 6, team_id=self.agency.key
        )
        self.deck = task(
            "Webinar deck", date(2026, 12, 15), date(2026, 12, 17), 5, assignee_id=self.aki.key
        )
        self.press = task(
            "Press release", date(2026, 12, 8), date(2026, 12, 10), 4, assignee_id=self.cleo.key
        )


@pytest.fixture
def plan(ws: Workspace, add: Callable[..., Task]) -> Plan:
    return Plan(ws, add)


def test_approving_takes_the_baseline_as_the_plan_stands(ws: Workspace, plan: Plan):
    approval = ws.approve(plan.campaign.key, ["Product", "Legal/compliance"], "Go")
    baseline = approval.baseline
    assert approval.approved_by == ("Product", "Legal/compliance")
    assert approval.note == "Go"
    assert approval.author  # the login name when the workspace names nobody
    assert (baseline.launch_date, baseline.budget) == (date(2026, 12, 23), 5000)
    # 10 + 8 + 6 + 5 + 4 hours; 10x60 + 8x60 + 6x150 (the agency's rate: nobody assigned)
    # + 5x120 (Aki's own) + 4x60 = 600 + 480 + 900 + 600 + 240.
    assert baseline.total_hours == 33
    assert baseline.planned_cost == 2820
    assert baseline.tasks[0] == BaselineTask(
        id=plan.landing.key,
        title="Landing page",
        estimate_hours=10,
        start_date=date(2026, 12, 10),
        due_date=date(2026, 12, 16),
        assignee_id=plan.cleo.key,
        assignee="Cleo",
        team_id=plan.content.key,
        team="Content",
        planned_cost=600,
    )
    # The landing page's 10 h over Thu 10, Fri 11 | Mon 14, Tue 15, Wed 16 (2 h a day): 4 in
    # the week of the 7th, 6 in the week of the 14th. Content's week of the 7th: 4 + 8 (email)
    # + 4 (press); the agency's week of the 14th: 6 (banners) + 5 (deck).
    assert baseline.team_weeks == (
        TeamWeekHours(team_id=plan.agency.key, team="Agency", week=date(2026, 12, 14), hours=11),
        TeamWeekHours(team_id=plan.content.key, team="Content", week=date(2026, 12, 7), hours=16),
        TeamWeekHours(team_id=plan.content.key, team="Content", week=date(2026, 12, 14), hours=6),
    )
    assert ws.approvals(plan.campaign.key) == [approval]
    assert ws.latest_baselines() == {plan.campaign.key: baseline}


def test_the_baseline_survives_every_later_edit_unchanged(
    ws: Workspace, plan: Plan, add: Callable[..., Task]
):
    approval = ws.approve(plan.campaign.key, ["Requester"], "")
    c = plan.campaign.key
    ws.update_campaign(ws.campaign(c).model_copy(update={"name": "Renamed", "budget": 1.0}))
    ws.shift_campaign(c, 14)
    ws.update_task(ws.task(plan.deck.key).model_copy(update={"estimate_hours": 40}))
    ws.update_task(ws.task(plan.landing.key).model_copy(update={"assignee_id": plan.aki.key}))
    ws.delete_tasks([plan.press.key])
    ws.update_task(ws.task(plan.email.key).model_copy(update={"assignee_id": None}))
    ws.archive_tasks([plan.email.key])
    add("New work", campaign_id=c, estimate_hours=3, due_date=date(2026, 12, 30))
    ws.update_team(ws.team(plan.content.key).model_copy(update={"name": "Studio"}))
    ws.update_team(ws.team(plan.agency.key).model_copy(update={"hourly_rate": 999}))
    ws.update_member(ws.member(plan.aki.key).model_copy(update={"name": "A.", "hourly_rate": 1}))
    ws.delete_member(plan.cleo.key)
    assert ws.approvals(c) == [approval]
    assert ws.latest_baselines([c]) == {c: approval.baseline}


def test_since_approval_figures_worked_out_by_hand(
    ws: Workspace, plan: Plan, add: Callable[..., Task]
):
    approval = ws.approve(plan.campaign.key, ["Product"], "")
    c = plan.campaign.key
    ws.set_user_name("Mo")
    # The launch moves six days, Wed 23 Dec to Tue 29 Dec 2026: in the US the working days
    # after the 23rd up to the 29th are Thu 24, Mon 28 and Tue 29 (Fri 25 is Christmas, then
    # the weekend): 3.
    ws.shift_campaign(c, 6)
    # Added: social posts, 3 h for Aki (Agency) at 120 = 360.
    social = add(
        "Social posts",
        campaign_id=c,
        assignee_id=plan.aki.key,
        estimate_hours=3,
        due_date=date(2026, 12, 28),
    )
    ws.delete_tasks([plan.press.key])  # Content -4 h, -240
    ws.archive_tasks([plan.email.key])  # Content -8 h, -480
    # The deck's estimate raised 5 -> 7 h: Agency +2 h, +240.
    ws.update_task(ws.task(plan.deck.key).model_copy(update={"estimate_hours": 7}))
    # The landing page handed from Cleo (Content, 60) to Aki (Agency, 120): Content -10 h,
    # Agency +10 h, 600 -> 1200.
    ws.update_task(ws.task(plan.landing.key).model_copy(update={"assignee_id": plan.aki.key}))
    # The agency's rate 150 -> 200: the banners (nobody assigned) 6 x 150 = 900 -> 1200.
    ws.update_team(ws.team(plan.agency.key).model_copy(update={"hourly_rate": 200}))

    since = ws.since_approval(c)
    assert since.approval == approval
    assert since.launch_shift_days == 3
    assert [(t.id, t.title, t.hours) for t in since.tasks_added] == [
        (social.key, "Social posts", 3.0)
    ]
    assert [(t.id, t.title, t.hours) for t in since.tasks_removed] == [
        (plan.email.key, "Email copy", 8.0),
        (plan.press.key, "Press release", 4.0),
    ]
    # Then 33 h (Content 10 + 8 + 4 = 22, Agency 6 + 5 = 11); now landing 10 + banners 6 + deck
    # 7 + social 3 = 26, all the agency's: -7 in all, Content -22, Agency +15.
    assert (since.hours_before, since.hours_now, since.hours_delta) == (33, 26, -7)
    assert since.hours_by_team_delta == {"Agency": 15.0, "Content": -22.0}
    # Then 2820; now 1200 (landing) + 1200 (banners) + 840 (deck 7 x 120) + 360 (social).
    assert (since.cost_before, since.cost_now, since.cost_delta) == (2820, 3600, 780)
    json = since.as_json()
    assert {
        k: json[k]
        for k in ("launch_shift_days", "hours_delta", "hours_by_team_delta", "cost_delta")
    } == {
        "launch_shift_days": 3,
        "hours_delta": -7.0,
        "hours_by_team_delta": {"Agency": 15.0, "Content": -22.0},
        "cost_delta": 780.0,
    }
    # Each change with who made it, oldest first (the rate is a team's, not the campaign's).
    kinds = [(e.kind, e.title, e.fields, e.author) for e in since.changes]
    assert kinds == [
        (CampaignEditKind.SHIFTED, "", ("start_date", "launch_date", "end_date"), "Mo"),
        (CampaignEditKind.TASK_ADDED, "Social posts", (), "Mo"),
        (CampaignEditKind.TASK_DELETED, "Press release", (), "Mo"),
        (CampaignEditKind.TASK_ARCHIVED, "Email copy", (), "Mo"),
        (CampaignEditKind.TASK_EDITED, "Webinar deck", ("estimate_hours",), "Mo"),
        (CampaignEditKind.TASK_EDITED, "Landing page", ("assignee_id", "team_id"), "Mo"),
    ]
    assert since.changes[0].text == (
        "Campaign moved with its tasks: start 2026-12-01 \u2192 2026-12-07, "
        "launch 2026-12-23 \u2192 2026-12-29, end 2026-12-31 \u2192 2027-01-06"
    )


def test_a_launch_brought_forward_is_negative_and_a_task_taken_out_is_removed(
    ws: Workspace, plan: Plan
):
    ws.approve(plan.campaign.key, ["Product"], "")
    other = ws.add_campaign(Campaign(name="Other"))
    # Wed 23 back to Mon 21 Dec: Tue 22 and Wed 23 are the working days between.
    ws.update_campaign(
        ws.campaign(plan.campaign.key).model_copy(update={"launch_date": date(2026, 12, 21)})
    )
    ws.update_task(ws.task(plan.deck.key).model_copy(update={"campaign_id": other.key}))
    since = ws.since_approval(plan.campaign.key)
    assert since.launch_shift_days == -2
    assert [t.title for t in since.tasks_removed] == ["Webinar deck"]
    assert [(e.kind, e.title) for e in since.changes] == [
        (CampaignEditKind.EDITED, ""),
        (CampaignEditKind.TASK_REMOVED, "Webinar deck"),
    ]
    assert since.changes[0].values == {"launch_date": ("2026-12-23", "2026-12-21")}
    # The other campaign's log has the task coming in.
    assert [(e.kind, e.title) for e in ws.campaign_log(other.key)] == [
        (CampaignEditKind.TASK_ADDED, "Webinar deck")
    ]


def test_reapproving_keeps_the_old_baselines(ws: Workspace, plan: Plan):
    first = ws.approve(plan.campaign.key, ["Product"], "first")
    ws.update_task(ws.task(plan.deck.key).model_copy(update={"estimate_hours": 20}))
    second = ws.approve(plan.campaign.key, ["Product", "Requester"], "second")
    assert ws.approvals(plan.campaign.key) == [first, second]
    assert ws.latest_approval(plan.campaign.key) == second
    assert first.baseline.total_hours == 33
    assert second.baseline.total_hours == 48
    assert ws.latest_baselines() == {plan.campaign.key: second.baseline}
    assert ws.since_approval(plan.campaign.key).hours_delta == 0


def test_deleting_an_approval_and_putting_it_back(ws: Workspace, plan: Plan):
    approval = ws.approve(plan.campaign.key, ["Product"], "")

    def approved() -> list[tuple[str, str | None]]:
        log = ws.campaign_log(plan.campaign.key)
        return [(e.title, e.author) for e in log if e.kind is CampaignEditKind.APPROVED]

    assert approved() == [("Product", approval.author)]
    assert ws.delete_approval(approval.key) == approval
    assert ws.approvals(plan.campaign.key) == []
    assert ws.latest_baselines() == {}
    assert approved() == []
    ws.restore_approval(approval)
    assert ws.approvals(plan.campaign.key) == [approval]
    assert approved() == [("Product", approval.author)]


def test_a_deleted_campaign_comes_back_with_its_approvals_and_log(ws: Workspace, plan: Plan):
    approval = ws.approve(plan.campaign.key, ["Product"], "")
    ws.update_task(ws.task(plan.deck.key).model_copy(update={"estimate_hours": 7}))
    log = ws.campaign_log(plan.campaign.key)
    campaign, tasks = ws.delete_campaign(plan.campaign.key)
    assert ws.latest_baselines() == {}
    ws.restore_campaign(campaign, tasks)
    assert ws.approvals(plan.campaign.key) == [approval]
    assert ws.campaign_log(plan.campaign.key) == log
    assert ws.since_approval(plan.campaign.key).hours_delta == 2


def test_a_campaign_never_approved_and_a_bad_approval_are_refused(ws: Workspace, plan: Plan):
    with pytest.raises(NotFoundError, match="has not been approved"):
        ws.since_approval(plan.campaign.key)
    with pytest.raises(MopsboardError, match="at least one role"):
        ws.approve(plan.campaign.key, ["  "], "")
    assert ws.approvals(plan.campaign.key) == []
    log = ws.campaign_log(plan.campaign.key)
    assert [e.kind for e in log] == [CampaignEditKind.TASK_ADDED] * 5


def test_task_edits_name_who_made_them(ws: Workspace, plan: Plan):
    ws.set_user_name("Mo")
    ws.update_task(ws.task(plan.deck.key).model_copy(update={"title": "Deck"}))
    rows = ws._rows("SELECT author FROM task_edits WHERE task_id = ?", [plan.deck.key])
    assert rows == [{"author": "Mo"}]

"""Campaign templates: the built-ins, planning from a launch date, saving a campaign as one."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from mopsboard.domain.builtin_templates import BUILTIN_TEMPLATES, PRODUCT_LAUNCH, WEBINAR
from mopsboard.domain.link_rules import LinkKind
from mopsboard.domain.models import Campaign, ChecklistItem, Stage, StageKind, Task
from mopsboard.domain.scheduling import is_working_day
from mopsboard.domain.templates import (
    CampaignTemplate,
    Names,
    TemplatePredecessor,
    TemplateTask,
    campaign_for,
    find_template,
    plan_campaign,
    plan_end,
    stage_for,
    tasks_for,
    template_from_campaign,
    template_links,
    unmatched,
)
from mopsboard.domain.workdays import WEEKDAYS_ONLY

LAUNCH = date(2026, 6, 10)  # a Wednesday
STAGES = [
    Stage(id=1, board_id=1, name="Backlog", position=0, kind=StageKind.BACKLOG),
    Stage(id=2, board_id=1, name="Ready", position=1, kind=StageKind.ACTIVE),
    Stage(id=3, board_id=1, name="In progress", position=2, kind=StageKind.ACTIVE),
    Stage(id=4, board_id=1, name="Legal sign-off", position=3, kind=StageKind.REVIEW),
    Stage(id=5, board_id=1, name="Done", position=4, kind=StageKind.DONE),
]


def test_builtins_cover_the_common_campaigns() -> None:
    keys = {t.builtin_key for t in BUILTIN_TEMPLATES}
    assert keys == {
        "product-launch",
        "webinar",
        "email-nurture",
        "content-piece",
        "event",
        "martech-vendor-evaluation",
    }
    for template in BUILTIN_TEMPLATES:
        assert template.builtin and template.tasks
        for task in template.tasks:
            assert task.persona and task.team and task.estimate_hours


def test_product_launch_reviews_can_spam_gdpr_and_ccpa_before_launch() -> None:
    legal = [t for t in PRODUCT_LAUNCH.tasks if t.team == "Legal and compliance"]
    assert legal and all(t.offset < 0 for t in legal)
    checklist = " ".join(item for t in legal for item in t.checklist)
    for law in ("CAN-SPAM", "GDPR", "CCPA"):
        assert law in checklist
    teams = {t.team for t in PRODUCT_LAUNCH.tasks}
    assert {"Product marketing", "Web", "Paid media", "Marketing ops"} <= teams


def test_find_template_by_name_or_slug() -> None:
    assert find_template(BUILTIN_TEMPLATES, "Product launch") is PRODUCT_LAUNCH
    assert find_template(BUILTIN_TEMPLATES, "product-launch") is PRODUCT_LAUNCH
    assert find_template(BUILTIN_TEMPLATES, "  PRODUCT LAUNCH ") is PRODUCT_LAUNCH
    assert find_template(BUILTIN_TEMPLATES, "martech vendor evaluation") is not None
    assert find_template(BUILTIN_TEMPLATES, "nope") is None


def test_plan_counts_back_from_the_launch_over_working_days() -> None:
    plan = plan_campaign(PRODUCT_LAUNCH, "Atlas 4", LAUNCH)
    assert len(plan.tasks) == len(PRODUCT_LAUNCH.tasks)
    by_title = {p.source.title: p for p in plan.tasks}
    go_live = by_title["Go live"]
    assert go_live.start == go_live.due == LAUNCH
    legal = by_title["Legal and compliance review (CAN-SPAM, GDPR, CCPA)"]
    assert legal.due == date(2026, 6, 4)  # four working days before: Thu 4 June
    assert legal.start == date(2026, 6, 1)  # four working days long: Mon to Thu
    report = by_title["Launch results report"]
    assert report.due > LAUNCH
    for planned in plan.tasks:
        assert is_working_day(planned.start) and is_working_day(planned.due)
    assert [p.due for p in plan.tasks] == sorted(p.due for p in plan.tasks)
    assert plan.start == min(p.start for p in plan.tasks)
    assert plan_end(plan) >= report.due


def test_plan_warns_about_starts_in_the_past() -> None:
    plan = plan_campaign(PRODUCT_LAUNCH, "Soon", LAUNCH)
    assert plan.in_past(date(2026, 1, 1)) == []
    late = plan.in_past(LAUNCH)
    assert late and all(p.start < LAUNCH for p in late)


def test_plan_as_campaign_and_tasks() -> None:
    plan = plan_campaign(PRODUCT_LAUNCH, "Atlas 4", LAUNCH)
    names = Names(personas={"orchestrator": 7}, teams={"marketing ops": 3, "web": 4})
    campaign = campaign_for(plan, owner="MOps lead")
    assert campaign.launch_date == LAUNCH and campaign.start_date == plan.start
    assert campaign.end_date and campaign.end_date >= LAUNCH
    tasks = tasks_for(plan, 1, STAGES, names, campaign_id=9)
    assert all(t.campaign_id == 9 and t.board_id == 1 for t in tasks)
    go_live = next(t for t in tasks if t.title == "Go live")
    assert go_live.persona_id == 7 and go_live.team_id == 3
    assert go_live.checklist[0] == ChecklistItem(text="Tracking verified")
    brief = next(t for t in tasks if t.title.startswith("Positioning"))
    assert brief.stage_id == 2 and brief.persona_id is None  # no Psychologist here
    missing = unmatched(plan, names)
    assert "persona 'Psychologist'" in missing and "team 'Legal and compliance'" in missing
    assert "team 'Web'" not in missing


def test_stage_names_match_by_name_then_by_kind() -> None:
    assert stage_for("ready", STAGES).id == 2
    assert stage_for("Review", STAGES).id == 4  # this board calls it "Legal sign-off"
    assert stage_for("Somewhere else", STAGES).id == 1
    with pytest.raises(ValueError, match="no stages"):
        stage_for("Backlog", [])


def test_template_validation_speaks_in_words() -> None:
    with pytest.raises(ValidationError, match="cannot be empty"):
        TemplateTask(title="  ")
    with pytest.raises(ValidationError):
        TemplateTask(title="x", duration=0)
    with pytest.raises(ValidationError):
        CampaignTemplate(name="x", colour="red")


def test_save_a_campaign_as_a_template_and_plan_it_again() -> None:
    campaign = Campaign(id=4, name="Spring webinar", launch_date=LAUNCH, end_date=date(2026, 6, 17))
    tasks = [
        Task(
            id=1,
            board_id=1,
            stage_id=5,
            title="Slides",
            persona_id=7,
            team_id=3,
            estimate_hours=6,
            start_date=date(2026, 6, 3),
            due_date=date(2026, 6, 8),
            checklist=(ChecklistItem(text="Dry run", done=True),),
        ),
        Task(id=2, board_id=1, stage_id=2, title="Follow-up", due_date=date(2026, 6, 12)),
        Task(id=3, board_id=1, stage_id=1, title="No dates"),
    ]
    template = template_from_campaign(
        campaign, tasks, STAGES, {7: "Orchestrator"}, {3: "Marketing ops"}, "Webinar (ours)"
    )
    assert template.name == "Webinar (ours)" and not template.builtin
    assert template.run_days == 5
    by_title = {t.title: t for t in template.tasks}
    slides = by_title["Slides"]
    assert (slides.offset, slides.duration) == (-2, 4)
    assert slides.stage == "Backlog"  # it was done: a new campaign starts it again
    assert slides.checklist == ("Dry run",)
    assert (slides.persona, slides.team) == ("Orchestrator", "Marketing ops")
    assert by_title["Follow-up"].stage == "Ready"
    assert (by_title["Follow-up"].offset, by_title["No dates"].offset) == (2, 0)
    replanned = {p.source.title: p for p in plan_campaign(template, "Again", LAUNCH).tasks}
    assert (replanned["Slides"].start, replanned["Slides"].due) == (
        date(2026, 6, 3),
        date(2026, 6, 8),
    )


# -- the built-ins' links -----------------------------------------------------------------------


def test_the_product_launch_is_a_chain_from_the_brief_to_the_send() -> None:
    after = {
        t.title: {(p.title, p.kind, p.lag_days) for p in t.after} for t in PRODUCT_LAUNCH.tasks
    }
    brief, plan = "Positioning and messaging brief", "Launch plan and timeline"
    copy, legal = (
        "Launch email and announcement sequence",
        "Legal and compliance review (CAN-SPAM, GDPR, CCPA)",
    )
    qa = "Email QA and seed tests"
    fs = LinkKind.FINISH_TO_START
    assert (brief, fs, 0) in after[plan]
    assert (plan, fs, 0) in after[copy]
    assert (copy, fs, 0) in after[legal]
    assert (legal, fs, 0) in after[qa]
    assert (qa, fs, 1) in after["Go live"]


def test_the_webinar_is_promoted_in_the_five_working_days_before_it() -> None:
    social = next(t for t in WEBINAR.tasks if t.title == "Social and partner promotion")
    assert social.after == (
        TemplatePredecessor(title="Run the webinar", kind=LinkKind.START_TO_START, lag_days=-5),
    )
    plan = plan_campaign(WEBINAR, "Intent webinar", LAUNCH, calendars={})
    by_title = {p.source.title: p for p in plan.tasks}
    # Wednesday 10 June; five working days before: Wednesday 3 June, running to Tuesday 9.
    assert by_title["Run the webinar"].start == LAUNCH
    assert (
        by_title["Social and partner promotion"].start,
        by_title["Social and partner promotion"].due,
    ) == (
        date(2026, 6, 3),
        date(2026, 6, 9),
    )


@pytest.mark.parametrize("template", BUILTIN_TEMPLATES, ids=lambda t: t.builtin_key)
def test_every_builtin_is_linked_and_its_offsets_are_the_dates_its_chain_gives(
    template: CampaignTemplate,
) -> None:
    links = template_links(template)
    assert len(links) >= len(template.tasks) - 2
    # Planned along the links on weekdays, and from the offsets alone: the same dates.
    linked = plan_campaign(template, "Linked", LAUNCH, calendars={})
    alone = plan_campaign(template, "Offsets", LAUNCH)
    assert [(p.source.title, p.start, p.due) for p in linked.tasks] == [
        (p.source.title, p.start, p.due) for p in alone.tasks
    ]
    # And every link holds: a successor starts after its predecessor is due (plus the lag),
    # or, start to start, `lag` working days after it starts.
    placed = {p.index: p for p in linked.tasks}
    for before, after, kind, lag in links:
        if kind is LinkKind.FINISH_TO_START:
            earliest = WEEKDAYS_ONLY.add_working_days(placed[before].due, 1 + lag)
        else:
            earliest = WEEKDAYS_ONLY.add_working_days(placed[before].start, lag)
        assert placed[after].start >= earliest, (template.name, placed[after].source.title)
    # The launch (the send, the webinar, the event's first day) is on the launch day.
    assert any(LAUNCH in (p.start, p.due) for p in linked.tasks)

"""Templates carry their links: a template's tasks name the tasks they wait for by title, and a
plan made with the teams' calendars is scheduled backwards along them. Dates counted by hand
(25 December 2026 and 1 January 2027 are Fridays, US public holidays)."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from mopsboard.domain.link_rules import LinkKind
from mopsboard.domain.templates import (
    CampaignTemplate,
    TemplatePredecessor,
    TemplateTask,
    plan_campaign,
    plan_links,
    template_links,
)
from mopsboard.domain.workdays import team_calendar

LAUNCH = date(2027, 1, 5)  # a Tuesday


def after(
    title: str, lag: int = 0, kind: LinkKind = LinkKind.FINISH_TO_START
) -> TemplatePredecessor:
    return TemplatePredecessor(title=title, lag_days=lag, kind=kind)


CHAIN = CampaignTemplate(
    name="Year-end send",
    tasks=(
        TemplateTask(title="Send", team="Email", offset=0),
        TemplateTask(title="Legal review", team="Legal", duration=2, after=(after("Copy", 2),)),
        TemplateTask(title="Brief", team="Email", duration=2, offset=-30),
        TemplateTask(title="Copy", team="email", duration=3, after=(after("brief", -2),)),
    ),
)
CHAIN = CHAIN.model_copy(
    update={
        "tasks": (
            CHAIN.tasks[0].model_copy(update={"after": (after("Legal review"),)}),
            *CHAIN.tasks[1:],
        )
    }
)


def dates(plan_tasks: object) -> dict[str, tuple[date, date]]:
    return {p.source.title: (p.start, p.due) for p in plan_tasks}  # type: ignore[attr-defined]


def test_a_linked_template_is_scheduled_backwards_over_the_teams_holidays() -> None:
    CampaignTemplate.model_validate(CHAIN.model_dump())
    us = team_calendar(["US"])
    plan = plan_campaign(CHAIN, "Year end", LAUNCH, calendars={"email": us, "legal": us})
    assert dates(plan.tasks) == {
        "Send": (date(2027, 1, 5), date(2027, 1, 5)),
        # Due the working day before Send; two days back over New Year.
        "Legal review": (date(2026, 12, 31), date(2027, 1, 4)),
        # 1 + 2 working days before the 31st: the 28th; three days back over Christmas.
        "Copy": (date(2026, 12, 23), date(2026, 12, 28)),
        # Lag -2: due one working day after Copy starts; its own offset is overruled.
        "Brief": (date(2026, 12, 23), date(2026, 12, 24)),
    }
    links = plan_links(plan)
    titles = [p.source.title for p in plan.tasks]
    assert sorted((titles[a], titles[b], lag) for a, b, _kind, lag in links) == [
        ("Brief", "Copy", -2),
        ("Copy", "Legal review", 2),
        ("Legal review", "Send", 0),
    ]


def test_a_team_the_workspace_lacks_works_weekdays_and_so_lands_on_christmas() -> None:
    plan = plan_campaign(CHAIN, "Year end", LAUNCH, calendars={})
    found = dates(plan.tasks)
    assert found["Legal review"] == (date(2027, 1, 1), date(2027, 1, 4))
    # 1 + 2 weekdays before Friday 1 January: the 29th; three back: Christmas Day.
    assert found["Copy"] == (date(2026, 12, 25), date(2026, 12, 29))


def test_without_calendars_the_old_offsets_apply() -> None:
    plan = plan_campaign(CHAIN, "Year end", LAUNCH)
    # Thirty weekdays, six weeks, before Tuesday 5 January.
    assert dates(plan.tasks)["Brief"][1] == date(2026, 11, 24)


def test_an_old_template_without_links_still_loads() -> None:
    task = TemplateTask.model_validate({"title": "Brief", "offset": -5, "duration": 2})
    assert task.after == ()
    assert template_links(CampaignTemplate(name="Old", tasks=(task,))) == []


def test_links_that_name_no_task_or_loop_are_refused_in_words() -> None:
    with pytest.raises(ValidationError, match="waits for 'Copy', and the template has no task"):
        CampaignTemplate(name="T", tasks=(TemplateTask(title="Send", after=(after("Copy"),)),))
    with pytest.raises(ValidationError, match="in a loop"):
        CampaignTemplate(
            name="T",
            tasks=(
                TemplateTask(title="A", after=(after("B"),)),
                TemplateTask(title="B", after=(after("A"),)),
            ),
        )
    with pytest.raises(ValidationError, match="cannot wait for itself"):
        CampaignTemplate(name="T", tasks=(TemplateTask(title="A", after=(after("a"),)),))

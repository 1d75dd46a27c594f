"""Campaigns and personas."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from pydantic import ValidationError

from mopsboard.domain.errors import ConflictError, NotFoundError
from mopsboard.domain.models import Campaign, CampaignStatus, Persona, Task
from mopsboard.store.workspace import Workspace


def test_add_and_read_campaign(ws: Workspace) -> None:
    added = ws.add_campaign(
        Campaign(
            name="Spring launch",
            objective="500 MQLs",
            channel="Email",
            start_date=date(2025, 3, 1),
            launch_date=date(2025, 4, 1),
            end_date=date(2025, 4, 30),
            budget=12_500,
            colour="#EF4444",
        )
    )
    assert added.id is not None and added.version == 1
    stored = ws.campaign(added.id)
    assert stored.model_dump(exclude={"updated_at"}) == added.model_dump(exclude={"updated_at"})
    assert stored.colour == "#ef4444"
    assert stored.status is CampaignStatus.PLANNED
    assert ws.campaign_named("SPRING launch ").id == added.id


def test_campaigns_are_ordered_by_launch_and_hide_archived(ws: Workspace) -> None:
    ws.add_campaign(Campaign(name="Late", launch_date=date(2025, 9, 1)))
    ws.add_campaign(Campaign(name="Undated"))
    ws.add_campaign(Campaign(name="Early", launch_date=date(2025, 2, 1)))
    old = ws.add_campaign(Campaign(name="Old", launch_date=date(2024, 1, 1), archived=True))
    assert [c.name for c in ws.campaigns()] == ["Undated", "Early", "Late"]
    assert [c.name for c in ws.campaigns(include_archived=True)][1] == old.name


def test_update_campaign_and_conflict(ws: Workspace) -> None:
    campaign = ws.add_campaign(Campaign(name="Webinar"))
    ws.update_campaign(campaign.model_copy(update={"status": CampaignStatus.ACTIVE}))
    assert ws.campaign(campaign.key).status is CampaignStatus.ACTIVE
    with pytest.raises(ConflictError):
        ws.update_campaign(campaign.model_copy(update={"name": "Stale"}))


def test_update_campaign_validates_the_copy(ws: Workspace) -> None:
    campaign = ws.add_campaign(Campaign(name="Webinar", start_date=date(2025, 5, 1)))
    with pytest.raises(ValidationError):
        ws.update_campaign(campaign.model_copy(update={"launch_date": date(2025, 4, 1)}))
    with pytest.raises(ValidationError):
        ws.update_campaign(campaign.model_copy(update={"colour": "red"}))
    stored = ws.campaign(campaign.key)
    assert (stored.version, stored.launch_date, stored.colour) == (1, None, campaign.colour)


def test_add_campaign_validates_the_copy(ws: Workspace) -> None:
    bad = Campaign(name="ok").model_copy(update={"name": "  "})
    with pytest.raises(ValidationError):
        ws.add_campaign(bad)
    assert ws.campaigns(include_archived=True) == []


def test_missing_campaign(ws: Workspace) -> None:
    with pytest.raises(NotFoundError, match="no campaign with id 7"):
        ws.campaign(7)
    with pytest.raises(NotFoundError, match="no campaign named"):
        ws.campaign_named("Nope")


def test_add_persona_goes_last(ws: Workspace) -> None:
    added = ws.add_persona(Persona(name="Budget holder", x=0.9, y=1.0, position=0))
    assert added.position == 4
    assert [p.name for p in ws.personas()][-1] == "Budget holder"
    assert ws.persona(added.key).y == 1.0
    assert ws.persona_named("budget HOLDER").id == added.id


def test_rename_and_archive_persona(ws: Workspace) -> None:
    scientist = ws.persona_named("Scientist")
    ws.update_persona(scientist.model_copy(update={"name": "Experimenter"}))
    assert [p.name for p in ws.personas()][-1] == "Experimenter"
    current = ws.persona(scientist.key)
    ws.update_persona(current.model_copy(update={"archived": True}))
    assert "Experimenter" not in [p.name for p in ws.personas()]
    assert "Experimenter" in [p.name for p in ws.personas(include_archived=True)]
    with pytest.raises(ConflictError):
        ws.update_persona(scientist.model_copy(update={"x": 0.1}))


def test_persona_off_the_grid_is_refused(ws: Workspace) -> None:
    persona = ws.personas()[0]
    with pytest.raises(ValidationError):
        ws.update_persona(persona.model_copy(update={"x": 1.5}))
    with pytest.raises(ValidationError):
        ws.add_persona(persona.model_copy(update={"id": None, "y": -2.0}))
    assert ws.persona(persona.key).x == persona.x
    assert len(ws.personas()) == 4


def test_missing_persona(ws: Workspace) -> None:
    with pytest.raises(NotFoundError):
        ws.persona(99)
    with pytest.raises(NotFoundError):
        ws.persona_named("Nobody")


def test_tasks_keep_their_campaign_and_persona(ws: Workspace, add: Callable[..., Task]) -> None:
    campaign = ws.add_campaign(Campaign(name="Spring"))
    persona = ws.persona_named("Psychologist")
    task = add("Intent data pull", campaign_id=campaign.id, persona_id=persona.id)
    stored = ws.task(task.key)
    assert (stored.campaign_id, stored.persona_id) == (campaign.id, persona.id)

"""Campaigns and personas: what tasks are for, and which hat the work wears."""

from __future__ import annotations

from mopsboard.domain.campaign_log import CampaignEditKind
from mopsboard.domain.errors import NotFoundError
from mopsboard.domain.ids import CampaignId, PersonaId
from mopsboard.domain.models import Campaign, Persona
from mopsboard.store.campaign_log import CampaignLogStore
from mopsboard.store.salvage import keep_unread


class CatalogStore(CampaignLogStore):
    def campaigns(self, *, include_archived: bool = False) -> list[Campaign]:
        where = "" if include_archived else "archived = 0"
        return self._all(Campaign, "campaigns", where, order="COALESCE(launch_date, ''), id")

    def campaign(self, campaign_id: CampaignId) -> Campaign:
        return self._get(Campaign, "campaigns", campaign_id, "campaign")

    def campaign_named(self, name: str) -> Campaign:
        wanted = name.strip().casefold()
        for campaign in self.campaigns(include_archived=True):
            if campaign.name.casefold() == wanted:
                return campaign
        raise NotFoundError(f"There is no campaign named '{name}'.")

    def add_campaign(self, campaign: Campaign) -> Campaign:
        with self._write():
            return self._insert("campaigns", Campaign.model_validate(campaign.model_dump()))

    def update_campaign(self, campaign: Campaign) -> Campaign:
        """Saves an edited campaign (ConflictError when it changed since it was read); the
        fields it changed go in the campaign's log, in the same unit."""
        checked = Campaign.model_validate(campaign.model_dump())
        with self._write() as db:
            before = self.campaign(checked.key)
            saved = self._update("campaigns", checked, "campaign")
            self._log_campaign_fields(before, checked, CampaignEditKind.EDITED)
            return keep_unread(db, "campaigns", campaign, saved)

    def personas(self, *, include_archived: bool = False) -> list[Persona]:
        where = "" if include_archived else "archived = 0"
        return self._all(Persona, "personas", where, order="position, id")

    def persona(self, persona_id: PersonaId) -> Persona:
        return self._get(Persona, "personas", persona_id, "persona")

    def persona_named(self, name: str) -> Persona:
        wanted = name.strip().casefold()
        for persona in self.personas(include_archived=True):
            if persona.name.casefold() == wanted:
                return persona
        raise NotFoundError(f"There is no persona named '{name}'.")

    def add_persona(self, persona: Persona) -> Persona:
        with self._write() as db:
            last = db.execute("SELECT COALESCE(MAX(position), -1) FROM personas").fetchone()[0]
            persona = Persona.model_validate(persona.model_dump() | {"position": last + 1})
            return self._insert("personas", persona)

    def update_persona(self, persona: Persona) -> Persona:
        checked = Persona.model_validate(persona.model_dump())
        with self._write() as db:
            saved = self._update("personas", checked, "persona")
            return keep_unread(db, "personas", persona, saved)

"""The action that saves a template edited task by task (ui/campaigns/template_editor.py): one
transaction and one undo step; undo and redo check that nobody else changed it meanwhile."""

from __future__ import annotations

from mopsboard.domain.templates import CampaignTemplate
from mopsboard.qt.common.actions import EntityActions
from mopsboard.qt.common.conflicts import Table, changed_fields

EDITABLE = ("name", "description", "channel", "audience", "colour", "run_days", "tasks")


class TemplateActions(EntityActions):
    @property
    def _templates(self) -> Table[CampaignTemplate]:
        ws = self.workspace
        return Table.one(ws, "campaign_templates", ws.template, ws.update_template)

    def update_template(self, edited: CampaignTemplate) -> CampaignTemplate | None:
        """Saves a saved template's edits; None (and `failed`, in words) when refused, as a
        built-in template is."""
        if edited.id is None:
            self.history.failed.emit("A built-in template cannot be changed; duplicate it first.")
            return None
        values = {name: getattr(edited, name) for name in EDITABLE}
        done = self._attempt(lambda: self._templates.set_one(edited.key, values))
        if done is None:
            return None
        before, after = done
        fields = changed_fields(before, after, EDITABLE)
        if fields:
            self._push_fields(
                f"Edit template '{after.name}'", self._templates, fields, [before], [after]
            )
        return after

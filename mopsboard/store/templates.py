"""Campaign templates: the built-in ones (read-only, from the code) and those saved in the file."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from mopsboard.domain.errors import MopsboardError, NotFoundError
from mopsboard.domain.ids import TemplateId
from mopsboard.store.base import StoreBase, inserted_id, now_text

if TYPE_CHECKING:
    # Loaded where templates are used: the built-in ones are made when their module loads,
    # which a command or a window that never plans a campaign should not wait for.
    from mopsboard.domain.templates import CampaignTemplate

_COLUMNS = ("name", "description", "channel", "audience", "colour", "run_days", "tasks", "archived")


def _row(template: CampaignTemplate) -> dict[str, Any]:
    data = template.model_dump(mode="json")
    return {
        "name": data["name"],
        "description": data["description"],
        "channel": data["channel"],
        "audience": data["audience"],
        "colour": data["colour"],
        "run_days": data["run_days"],
        "tasks": json.dumps(data["tasks"], ensure_ascii=False),
        "archived": int(data["archived"]),
    }


def _template(row: dict[str, Any]) -> CampaignTemplate:
    from mopsboard.domain.templates import CampaignTemplate, TemplateTask

    values = dict(row)
    values["tasks"] = tuple(TemplateTask.model_validate(t) for t in json.loads(row["tasks"]))
    values["archived"] = bool(row["archived"])
    return CampaignTemplate.model_validate(values)


class TemplateStore(StoreBase):
    def templates(self, *, include_builtin: bool = True) -> list[CampaignTemplate]:
        """The built-in templates first, then the saved ones by name."""
        from mopsboard.domain.builtin_templates import BUILTIN_TEMPLATES

        rows = self._rows(
            "SELECT * FROM campaign_templates WHERE archived = 0 ORDER BY name COLLATE NOCASE, id"
        )
        saved = [_template(row) for row in rows]
        return [*(BUILTIN_TEMPLATES if include_builtin else ()), *saved]

    def template(self, template_id: TemplateId) -> CampaignTemplate:
        rows = self._rows("SELECT * FROM campaign_templates WHERE id = ?", [template_id])
        if not rows:
            raise NotFoundError(f"There is no campaign template with id {template_id}.")
        return _template(rows[0])

    def add_template(self, template: CampaignTemplate) -> CampaignTemplate:
        """Saves a template (a built-in one is saved as an editable copy); keeps a given id, so
        a deleted template can be put back."""
        from mopsboard.domain.templates import CampaignTemplate

        template = CampaignTemplate.model_validate(template.model_dump() | {"builtin_key": ""})
        row = _row(template)
        if template.id is not None:
            row["id"] = template.id
        row["version"] = 1
        row["updated_at"] = now_text()
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        with self._write() as db:
            cursor = db.execute(
                f"INSERT INTO campaign_templates ({columns}) VALUES ({marks})",  # noqa: S608
                list(row.values()),
            )
            new_id = inserted_id(cursor, template.id)
            self._changed("campaign_templates", [new_id], "inserted")
        return template.model_copy(update={"id": new_id, "version": 1})

    def update_template(self, template: CampaignTemplate) -> CampaignTemplate:
        template_id = template.id
        if template_id is None:
            raise MopsboardError("A built-in template cannot be changed; duplicate it first.")
        from mopsboard.domain.templates import CampaignTemplate

        template = CampaignTemplate.model_validate(template.model_dump())
        row = _row(template)
        assignments = ", ".join(f"{name} = ?" for name in _COLUMNS)
        with self._write() as db:
            cursor = db.execute(
                f"UPDATE campaign_templates SET {assignments}, updated_at = ?, "  # noqa: S608
                "version = version + 1 WHERE id = ? AND version = ?",
                [*row.values(), now_text(), template_id, template.version],
            )
            if cursor.rowcount == 0:
                self._raise_missing_or_conflict("campaign_templates", template_id, "template")
            self._changed("campaign_templates", [template_id], fields=_COLUMNS)
        return template.model_copy(update={"version": template.version + 1})

    def delete_template(self, template_id: TemplateId) -> CampaignTemplate:
        """Deletes a saved template; returns it as it was, so the delete can be undone."""
        with self._write() as db:
            template = self.template(template_id)
            db.execute("DELETE FROM campaign_templates WHERE id = ?", [template_id])
            self._changed("campaign_templates", [template_id], "deleted")
        return template

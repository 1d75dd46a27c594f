"""Undoable changes to personas: add, edit (name, description, colour, grid position), archive,
and moving a persona on the map. Same pattern as WorkspaceActions: write, then push."""

from __future__ import annotations

from pydantic import ValidationError

from mopsboard.domain.errors import MopsboardError
from mopsboard.domain.models import Persona
from mopsboard.qt.common.commands import ActionGroup
from mopsboard.qt.common.conflicts import Swap, changed_fields

_FIELDS = ("name", "description", "colour", "x", "y", "archived")


class PersonaActions(ActionGroup):
    def _set(self, persona_id: int, source: Persona) -> None:
        current = self.workspace.persona(persona_id)
        update = {name: getattr(source, name) for name in _FIELDS}
        self.workspace.update_persona(current.model_copy(update=update))

    def _swap(self, fields: list[str]) -> Swap[Persona]:
        ws = self.workspace
        return Swap.one(ws, "personas", ws.persona, ws.update_persona, fields)

    def add_persona(self, persona: Persona) -> Persona | None:
        """A new persona; undo archives it (tasks may already name it), redo restores it."""
        try:
            created = self.workspace.add_persona(persona)
        except (MopsboardError, ValidationError) as error:
            self._fail(error)
            return None
        hidden = created.model_copy(update={"archived": True})
        swap = self._swap(["archived"])
        self._push(f"Add persona '{created.name}'", swap.to([created]), swap.to([hidden]))
        return created

    def edit_persona(self, edited: Persona, text: str | None = None) -> Persona | None:
        persona_id = edited.id or 0
        try:
            original = self.workspace.persona(persona_id)
            self._set(persona_id, edited)
            saved = self.workspace.persona(persona_id)
        except (MopsboardError, ValidationError) as error:
            self._fail(error)
            return None
        fields = changed_fields(original, saved, _FIELDS)
        if not fields:
            return saved
        swap = self._swap(fields)
        self._push(text or f"Edit persona '{saved.name}'", swap.to([saved]), swap.to([original]))
        return saved

    def move_persona(self, persona_id: int, x: float, y: float) -> Persona | None:
        """Places a persona on the grid (x: technology -1 to creativity +1; y: emotional -1 to
        rational +1), clamped to the grid."""
        try:
            current = self.workspace.persona(persona_id)
        except MopsboardError as error:
            self._fail(error)
            return None
        x = round(max(-1.0, min(1.0, x)), 3)
        y = round(max(-1.0, min(1.0, y)), 3)
        return self.edit_persona(
            current.model_copy(update={"x": x, "y": y}), f"Move persona '{current.name}'"
        )

    def set_archived(self, persona_id: int, archived: bool = True) -> Persona | None:
        try:
            current = self.workspace.persona(persona_id)
        except MopsboardError as error:
            self._fail(error)
            return None
        word = "Archive" if archived else "Restore"
        return self.edit_persona(
            current.model_copy(update={"archived": archived}), f"{word} persona '{current.name}'"
        )

"""Actions on personas: add, edit (name, description, colour, grid position), archive, and
moving a persona on the map. Written as every action is (qt/common/actions.py)."""

from __future__ import annotations

from mopsboard.domain.ids import PersonaId
from mopsboard.domain.models import Persona
from mopsboard.qt.common.actions import EntityActions
from mopsboard.qt.common.conflicts import Table, changed_fields

_FIELDS = ("name", "description", "colour", "x", "y", "archived")


class PersonaActions(EntityActions):
    @property
    def _personas(self) -> Table[Persona]:
        ws = self.workspace
        return Table.one(ws, "personas", ws.persona, ws.update_persona)

    def add_persona(self, persona: Persona) -> Persona | None:
        """A new persona; undo archives it (tasks may already name it), redo restores it."""
        created = self._attempt(lambda: self.workspace.add_persona(persona))
        if created is None:
            return None
        hidden = created.model_copy(update={"archived": True})
        text = f"Add persona '{created.name}'"
        self._push_fields(text, self._personas, ["archived"], [hidden], [created])
        return created

    def edit_persona(
        self, edited: Persona, text: str | None = None, *, conflicts_to_caller: bool = False
    ) -> Persona | None:
        """Gives the persona, as it is now, the edited persona's fields. With
        `conflicts_to_caller` (the persona editor), a persona changed elsewhere since `edited`
        was read raises ConflictError instead, for the editor to ask."""
        persona_id = edited.key
        values = {name: getattr(edited, name) for name in _FIELDS}

        def write() -> tuple[Persona, Persona]:
            if conflicts_to_caller:
                # The store checks the version in the same transaction as the write.
                original = self.workspace.persona(persona_id)
                return original, self.workspace.update_persona(edited)
            original, _ = self._personas.set_one(persona_id, values)
            return original, self.workspace.persona(persona_id)

        done = self._attempt(write, conflicts_to_caller=conflicts_to_caller)
        if done is None:
            return None
        original, saved = done
        fields = changed_fields(original, saved, _FIELDS)
        if fields:
            text = text or f"Edit persona '{saved.name}'"
            self._push_fields(text, self._personas, fields, [original], [saved])
        return saved

    def move_persona(self, persona_id: PersonaId, x: float, y: float) -> Persona | None:
        """Places a persona on the grid (x: technology -1 to creativity +1; y: emotional -1 to
        rational +1), clamped to the grid."""
        current = self._attempt(lambda: self.workspace.persona(persona_id))
        if current is None:
            return None
        x = round(max(-1.0, min(1.0, x)), 3)
        y = round(max(-1.0, min(1.0, y)), 3)
        return self.edit_persona(
            current.model_copy(update={"x": x, "y": y}), f"Move persona '{current.name}'"
        )

    def set_archived(self, persona_id: PersonaId, archived: bool = True) -> Persona | None:
        current = self._attempt(lambda: self.workspace.persona(persona_id))
        if current is None:
            return None
        word = "Archive" if archived else "Restore"
        return self.edit_persona(
            current.model_copy(update={"archived": archived}), f"{word} persona '{current.name}'"
        )

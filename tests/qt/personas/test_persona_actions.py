"""Persona changes: one undo step each, the file as the truth."""

from __future__ import annotations

from pathlib import Path

from mopsboard.domain.models import Persona
from mopsboard.qt.personas.persona_actions import PersonaActions
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.store.workspace import Workspace


def on_file(ws: Workspace) -> Workspace:
    return Workspace.open(Path(ws.path))


def test_persona_changes_are_undoable(actions: WorkspaceActions) -> None:
    ws = actions.workspace
    personas = PersonaActions(actions)
    failures: list[str] = []
    actions.failed.connect(failures.append)
    buyer = personas.add_persona(Persona(name="Economic buyer", colour="#123456", x=0.2, y=0.9))
    assert buyer is not None
    renamed = personas.edit_persona(buyer.model_copy(update={"name": "CFO", "description": "$"}))
    assert renamed is not None
    assert personas.move_persona(buyer.key, 1.7, -0.25) is not None
    with on_file(ws) as fresh:
        stored = fresh.persona(buyer.key)
        assert (stored.name, stored.x, stored.y) == ("CFO", 1.0, -0.25)
    assert personas.set_archived(buyer.key) is not None
    assert "CFO" not in {p.name for p in ws.personas()}
    assert personas.edit_persona(buyer.model_copy(update={"colour": "blue"})) is None
    assert failures and "Colour must be a colour like #3366cc" in failures[-1]
    stack = actions.undo_stack
    assert stack.count() == 4
    for _ in range(3):
        stack.undo()
    with on_file(ws) as fresh:
        stored = fresh.persona(buyer.key)
        assert (stored.name, stored.x, stored.y, stored.archived) == (
            "Economic buyer",
            0.2,
            0.9,
            False,
        )
    stack.undo()
    assert "Economic buyer" not in {p.name for p in ws.personas()}

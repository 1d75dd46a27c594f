"""The persona dialog: problems in words, what its OK gives back, a colour the file holds in a
form it cannot read."""

from __future__ import annotations

import sqlite3

from pytestqt.qtbot import QtBot

from mopsboard.domain.models import Persona
from mopsboard.store.workspace import Workspace
from mopsboard.ui.personas.persona_dialog import PersonaDialog


def test_persona_dialog(qtbot: QtBot) -> None:
    dialog = PersonaDialog(Persona(name="Buyer"))
    qtbot.addWidget(dialog)
    dialog.name.setText("")
    assert dialog.errors["name"].isVisibleTo(dialog) and not dialog.save_button.isEnabled()
    dialog.name.setText("Economic buyer")
    dialog.grid_x.setValue(0.25)
    dialog.grid_y.setValue(-0.75)
    dialog.colour.set_colour("#112233")
    dialog.save_button.click()
    assert dialog.result_persona is not None
    assert (dialog.result_persona.x, dialog.result_persona.y) == (0.25, -0.75)
    assert dialog.result_persona.colour == "#112233"


def test_the_persona_editor_holds_a_colour_it_cannot_read(
    qtbot: QtBot, board_ws: Workspace
) -> None:
    persona = board_ws.personas()[0]
    conn = sqlite3.connect(board_ws.path)
    try:
        conn.execute("UPDATE personas SET colour = 'violet' WHERE id = ?", [persona.id])
        conn.commit()
    finally:
        conn.close()
    dialog = PersonaDialog(board_ws.persona(persona.key))
    qtbot.addWidget(dialog)
    dialog.show()
    assert "not 'violet'" in dialog.errors["colour"].text()
    assert not dialog.save_button.isEnabled()
    dialog.name.setText("Modernizer (EMEA)")
    assert not dialog.save_button.isEnabled()

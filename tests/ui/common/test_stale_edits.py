"""One stale-edit behaviour for every editor: a campaign, a persona (and a task, a team or a
person, tested beside their editors) changed elsewhere while its editor was open gets the same
question, and the answer decides what the file holds."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QDialog

from mopsboard.qt.common.conflicts import Choice, Conflict
from mopsboard.store.workspace import Workspace
from mopsboard.ui.campaigns.campaign_dialog import CampaignDialog
from mopsboard.ui.campaigns.campaigns_view import CampaignsView
from mopsboard.ui.common import conflict_dialog
from mopsboard.ui.personas.persona_dialog import PersonaDialog
from mopsboard.ui.personas.persona_view import PersonasView
from mopsboard.ui.shell.main_window import MainWindow


def _answer(monkeypatch: pytest.MonkeyPatch, answer: Choice) -> list[Conflict]:
    asked: list[Conflict] = []

    def choose(_parent: object, conflict: Conflict) -> Choice:
        asked.append(conflict)
        return answer

    monkeypatch.setattr(conflict_dialog, "ask", choose)
    return asked


def _edit_while_someone_else_does(
    monkeypatch: pytest.MonkeyPatch,
    dialog_class: type[QDialog],
    elsewhere: Callable[[Workspace], None],
    mine: Callable[[QDialog], None],
    path: object,
) -> None:
    """The editor opens; meanwhile another program changes the record; then the user edits a
    field and saves."""

    def exec_(dialog: QDialog) -> int:
        with Workspace.open(path) as other:  # type: ignore[arg-type]
            elsewhere(other)
        mine(dialog)
        dialog._save()  # type: ignore[attr-defined]
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(dialog_class, "exec", exec_)


@pytest.mark.parametrize("answer", [Choice.THEIRS, Choice.MINE])
def test_a_stale_campaign_edit_asks(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, answer: Choice
) -> None:
    asked = _answer(monkeypatch, answer)
    assert window.show_view("campaigns")
    page = window.pages["campaigns"]
    assert isinstance(page, CampaignsView)
    campaign = window.workspace.campaign_named("Spring launch")

    def theirs(other: Workspace) -> None:
        current = other.campaign(campaign.key)
        other.update_campaign(current.model_copy(update={"owner": "Their owner"}))

    def mine(dialog: QDialog) -> None:
        assert isinstance(dialog, CampaignDialog)
        dialog.objective.setPlainText("My objective")

    _edit_while_someone_else_does(monkeypatch, CampaignDialog, theirs, mine, window.workspace.path)
    page.editing.edit(campaign.key)
    assert [c.title for c in asked] == ["Campaign changed elsewhere"]
    with Workspace.open(window.workspace.path, read_only=True) as ws:
        stored = ws.campaign(campaign.key)
    if answer is Choice.THEIRS:
        assert (stored.owner, stored.objective) == ("Their owner", campaign.objective)
    else:
        assert stored.objective == "My objective"


@pytest.mark.parametrize("answer", [Choice.THEIRS, Choice.MINE])
def test_a_stale_persona_edit_asks(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, answer: Choice
) -> None:
    asked = _answer(monkeypatch, answer)
    assert window.show_view("personas")
    page = window.pages["personas"]
    assert isinstance(page, PersonasView)
    page.persona_table.selectRow(0)
    persona = page.selected()
    assert persona is not None

    def theirs(other: Workspace) -> None:
        current = other.persona(persona.key)
        other.update_persona(current.model_copy(update={"name": "Renamed by them"}))

    def mine(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonaDialog)
        dialog.description.setPlainText("My description")

    _edit_while_someone_else_does(monkeypatch, PersonaDialog, theirs, mine, window.workspace.path)
    page.edit_selected()
    # Before, the persona editor wrote over the other change without a word.
    assert [c.title for c in asked] == ["Persona changed elsewhere"]
    with Workspace.open(window.workspace.path, read_only=True) as ws:
        stored = ws.persona(persona.key)
    if answer is Choice.THEIRS:
        assert (stored.name, stored.description) == ("Renamed by them", persona.description)
    else:
        assert stored.description == "My description"

"""A campaign from the built-in Product launch, saved as a template through the campaigns table
(the name typed into the real question): the saved template waits as the campaign did, the
template editor lists it, and a campaign from the saved template gets the same 18 links."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from mopsboard.domain.ids import BoardId
from mopsboard.qt.campaigns.template_actions import TemplateActions
from mopsboard.store.workspace import Workspace
from mopsboard.ui.campaigns.campaigns_view import CampaignsView
from mopsboard.ui.campaigns.template_dialog import TemplateDialog
from mopsboard.ui.campaigns.template_editor import TemplateEditor
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.campaigns.test_template_links import _dates


def _new_campaign(qtbot: QtBot, page: CampaignsView, template: str, name: str) -> None:
    board_id = BoardId(page.editing.workspace.boards()[0].key)
    dialog = TemplateDialog(page.editing.campaigns, board_id, today=date(2026, 11, 2))
    qtbot.addWidget(dialog)
    assert dialog.select_template(template)
    qtbot.keyClicks(dialog.name, name)
    dialog.launch.setDate(QDate(2027, 3, 10))
    dialog.create_button.click()
    assert dialog.prepared is not None
    assert page.editing.campaigns.new_from_template(dialog.prepared) is not None


def _answer_name(qtbot: QtBot, name: str) -> None:
    """Types `name` into the "Save as template" question once it is open, and presses Enter."""

    def answer() -> None:
        asked = QApplication.activeModalWidget()
        if not isinstance(asked, QInputDialog):
            QTimer.singleShot(20, answer)
            return
        line = asked.findChild(type(asked.focusWidget()))
        assert line is not None
        qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(line, name)
        qtbot.keyClick(line, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)


def test_save_as_template_keeps_the_links_and_a_campaign_from_it_has_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    path = Path(window.workspace.path)
    assert window.show_view("campaigns")
    page = window.pages["campaigns"]
    assert isinstance(page, CampaignsView)
    _new_campaign(qtbot, page, "Product launch", "Sensor launch")
    _dates_first, first = _dates(path, "Sensor launch")
    assert len(first) == 18

    sensor = window.workspace.campaign_named("Sensor launch")
    qtbot.waitUntil(lambda: page.select(sensor.key))
    _answer_name(qtbot, "Our launch")
    page.buttons["save"].click()

    with Workspace.open(path) as fresh:
        saved = next(t for t in fresh.templates(include_builtin=False) if t.name == "Our launch")
    assert sum(len(task.after) for task in saved.tasks) == 18
    editor = TemplateEditor(TemplateActions(window.workspace_actions), saved)
    qtbot.addWidget(editor)
    waiting = next(row for row, t in enumerate(saved.tasks) if t.after)
    editor.table.selectRow(waiting)
    assert editor.links.table.rowCount() == len(saved.tasks[waiting].after) > 0
    assert editor.table.item(waiting, 6).text() != ""

    _new_campaign(qtbot, page, "Our launch", "Sensor relaunch")
    _dates_again, again = _dates(path, "Sensor relaunch")
    assert sorted(again) == sorted(first)

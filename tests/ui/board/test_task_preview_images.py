"""The task editor's Preview tab, where a description names images: each shows as its alt text
(nothing is read or fetched, so no broken-image icon either)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextFormat
from PySide6.QtWidgets import QTabWidget
from pytestqt.qtbot import QtBot

from mopsboard.ui.board.task_dialog import TaskDialog
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.board.editor_driver import edit_in_window

DESCRIPTION = (
    "Banner: ![Spring banner](banner.png)\n\n"
    'Hero: ![Hero shot](https://example.com/hero.png "The hero")\n\n'
    "Logo: [![Brightline logo](logo.png)](https://example.com)\n\n"
    "| Variant | Picture |\n|---|---|\n| A | ![Variant A](a.png) |\n"
)


def formats(dialog: TaskDialog) -> list[QTextCharFormat]:
    """The character formats of the preview's text, piece by piece."""
    found = []
    block = dialog.preview.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            found.append(fragments.fragment().charFormat())
            fragments += 1
        block = block.next()
    return found


def images_left(dialog: TaskDialog) -> int:
    """Image objects the preview still holds (each would be painted, or be a broken-image icon
    when it cannot be read)."""
    image = QTextFormat.ObjectTypes.ImageObject
    return sum(1 for f in formats(dialog) if f.objectType() == image)


def test_the_preview_shows_alt_texts_where_images_were_written(
    qtbot: QtBot, window: MainWindow
) -> None:
    seen: dict[str, object] = {}

    def steps(dialog: TaskDialog) -> None:
        tabs = dialog.findChild(QTabWidget, "taskTabs")
        assert tabs is not None
        for line in DESCRIPTION.split("\n"):
            qtbot.keyClicks(dialog.description, line)
            qtbot.keyClick(dialog.description, Qt.Key.Key_Return)
        preview_tab = next(i for i in range(tabs.count()) if tabs.tabText(i) == "Preview")
        bar = tabs.tabBar()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(preview_tab).center())
        dialog.preview.viewport().grab()  # laid out and painted, as on screen
        seen["text"] = dialog.preview.toPlainText()
        seen["images"] = images_left(dialog)
        seen["requested"] = list(dialog.preview.requested_resources)
        seen["hero_tooltip"] = any("The hero" in f.toolTip() for f in formats(dialog))

    edit_in_window(window, "E", steps)
    text = str(seen["text"])
    for shown in (
        "Banner: [image: Spring banner]",
        "Hero: [image: Hero shot]",
        "Logo: [image: Brightline logo]",
        "[image: Variant A]",
    ):
        assert shown in text
    assert seen["images"] == 0
    assert seen["requested"] == []
    assert seen["hero_tooltip"] is True

"""Every page can be worked from the keyboard: Tab walks through all of its controls and comes
back round (no control keeps Tab to itself), the page's own view is one of the stops (the board's
columns, the capacity map, the campaigns table, the timeline, the persona map), and every stop
has a name a screen reader can say and shows that it has the focus: what it looks like changes
when Tab moves on. In both colour schemes, with the app's style sheet."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from mopsboard.ui.common.colour_scheme import Appearance, ColourScheme
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.common.scheme_support import installed

__all__ = ["installed"]  # the fixture, for pytest to find

# The control each page is about, by object name (the board's are its columns).
PAGE_VIEWS = {
    "board": "stageList-",
    "capacity": "capacityMap",
    "campaigns": "campaignTable",
    "timeline": "timeline",
    "personas": "personaMap",
    "scenarios": "scenarioList",
}
MOST_STOPS = 80


def spoken_name(widget: QWidget) -> str:
    if widget.accessibleName():
        return widget.accessibleName()
    return widget.text() if isinstance(widget, QAbstractButton) else ""


def tab(qtbot: QtBot, window: MainWindow) -> QWidget:
    focused = QApplication.focusWidget()
    qtbot.keyClick(focused or window, Qt.Key.Key_Tab)
    now = QApplication.focusWidget()
    assert now is not None, "Tab left the window"
    return now


def walk(qtbot: QtBot, window: MainWindow) -> list[tuple[QWidget, QImage, QImage]]:
    """Each Tab stop once, in order, with how it looked with the focus and once Tab moved on."""
    stops: list[QWidget] = []
    looks: dict[int, QImage] = {}
    seen: list[tuple[QWidget, QImage, QImage]] = []
    for _ in range(MOST_STOPS):
        before = stops[-1] if stops else None
        now = tab(qtbot, window)
        if now is before:
            continue  # a date field's sections: Tab goes through them first
        if before is not None:
            seen.append((before, looks[id(before)], before.grab().toImage()))
        if now in stops:
            return seen
        stops.append(now)
        looks[id(now)] = now.grab().toImage()
    raise AssertionError(f"Tab did not come back round in {MOST_STOPS} presses")


@pytest.mark.parametrize("appearance", [Appearance.LIGHT, Appearance.DARK])
@pytest.mark.parametrize("page", list(PAGE_VIEWS))
def test_tab_reaches_every_control_and_shows_where_it_is(
    qtbot: QtBot,
    installed: ColourScheme,
    window: MainWindow,
    page: str,
    appearance: Appearance,
) -> None:
    installed.set_appearance(appearance, save=False)
    assert window.show_view(page)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    seen = walk(qtbot, window)
    names = [widget.objectName() for widget, _, _ in seen]
    assert any(name.startswith(PAGE_VIEWS[page]) for name in names), names
    unnamed = [type(w).__name__ + ":" + w.objectName() for w, _, _ in seen if not spoken_name(w)]
    assert unnamed == []
    unseen = [spoken_name(w) for w, focused, left in seen if focused == left]
    assert unseen == [], "no sign of the focus on these"

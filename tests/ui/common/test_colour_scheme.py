"""Light or dark: the setting and the environment choose, the desktop's scheme is followed live
while the setting says System, and View > Appearance switches the whole open window at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMenu
from pytestqt.qtbot import QtBot

from mopsboard.qt.common import palette
from mopsboard.ui.board.card_delegate import MARGIN
from mopsboard.ui.common import colour_scheme, theme
from mopsboard.ui.common.colour_scheme import (
    ENVIRONMENT_KEY,
    SETTINGS_KEY,
    Appearance,
    ColourScheme,
    chosen_appearance,
    follow_scheme,
    scheme_for,
)
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.board.screen import on_screen
from tests.ui.board.test_board_window import task_id, view_of
from tests.ui.board.test_card_redraw import card_rect
from tests.ui.common.scheme_support import installed

__all__ = ["installed"]  # the fixture, for pytest to find

SYSTEM_DARK, SYSTEM_LIGHT = Qt.ColorScheme.Dark, Qt.ColorScheme.Light
UNKNOWN = Qt.ColorScheme.Unknown


def card_colour(window: MainWindow) -> QColor:
    """What the screen shows inside card B's frame, away from its text."""
    backlog = view_of(window, "Backlog")
    rect = card_rect(backlog, task_id(window, "B"))
    return on_screen(backlog.viewport(), rect).pixelColor(rect.width() - MARGIN - 4, MARGIN + 3)


def desktop_says(scheme: Qt.ColorScheme) -> None:
    """The desktop switching its scheme, as the platform tells Qt (offscreen has no desktop)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.styleHints().colorSchemeChanged.emit(scheme)


def test_the_environment_then_the_setting_choose(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENVIRONMENT_KEY, raising=False)
    settings = QSettings()
    try:
        settings.remove(SETTINGS_KEY)
        assert chosen_appearance() is Appearance.SYSTEM
        settings.setValue(SETTINGS_KEY, "dark")
        assert chosen_appearance() is Appearance.DARK
        monkeypatch.setenv(ENVIRONMENT_KEY, "Light")
        assert chosen_appearance() is Appearance.LIGHT
        monkeypatch.setenv(ENVIRONMENT_KEY, "purple")  # not a word it knows: the setting's
        assert chosen_appearance() is Appearance.DARK
        settings.setValue(SETTINGS_KEY, "sepia")
        assert chosen_appearance() is Appearance.SYSTEM
    finally:
        settings.remove(SETTINGS_KEY)


@pytest.mark.parametrize(
    ("appearance", "desktop", "desktop_looks_dark", "shown"),
    [
        (Appearance.SYSTEM, SYSTEM_DARK, False, theme.DARK),
        (Appearance.SYSTEM, SYSTEM_LIGHT, True, theme.LIGHT),
        (Appearance.SYSTEM, UNKNOWN, True, theme.DARK),
        (Appearance.SYSTEM, UNKNOWN, False, theme.LIGHT),
        (Appearance.LIGHT, SYSTEM_DARK, True, theme.LIGHT),
        (Appearance.DARK, SYSTEM_LIGHT, False, theme.DARK),
    ],
)
def test_which_scheme_shows(
    appearance: Appearance,
    desktop: Qt.ColorScheme,
    desktop_looks_dark: bool,
    shown: theme.Scheme,
) -> None:
    assert scheme_for(appearance, desktop, desktop_looks_dark) is shown


def test_dark_from_the_environment_styles_the_whole_app(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, installed: ColourScheme
) -> None:
    monkeypatch.setenv(ENVIRONMENT_KEY, "dark")
    assert colour_scheme.install(qapp) is installed  # one per application
    assert theme.current() is theme.DARK and palette.current() is palette.DARK
    assert qapp.palette().color(QPalette.ColorRole.Window) == QColor(theme.DARK.window)
    assert qapp.palette().color(QPalette.ColorRole.Base) == QColor(theme.DARK.base)
    assert qapp.styleSheet() == theme.style_sheet(theme.DARK)
    assert QSettings().value(SETTINGS_KEY) is None, "the environment is for this run only"


def test_the_desktop_scheme_is_followed_live(
    qtbot: QtBot, installed: ColourScheme, window: MainWindow
) -> None:
    qtbot.wait(20)
    assert card_colour(window) == QColor(theme.LIGHT.card)
    desktop_says(SYSTEM_DARK)
    qtbot.wait(20)
    assert theme.current() is theme.DARK
    assert card_colour(window) == QColor(theme.DARK.card)
    desktop_says(SYSTEM_LIGHT)
    qtbot.wait(20)
    # The light card image painted first comes back: the cache keeps one per scheme.
    assert card_colour(window) == QColor(theme.LIGHT.card)


def test_a_forced_scheme_stays_whatever_the_desktop_does(
    qtbot: QtBot, installed: ColourScheme
) -> None:
    installed.set_appearance(Appearance.LIGHT)
    desktop_says(SYSTEM_DARK)
    assert theme.current() is theme.LIGHT
    installed.set_appearance(Appearance.DARK)
    desktop_says(SYSTEM_LIGHT)
    assert theme.current() is theme.DARK


def appearance_action(window: MainWindow, appearance: Appearance) -> tuple[QMenu, QPoint]:
    """The View > Appearance menu, open, and where its `appearance` item is."""
    menu = window.findChild(QMenu, "appearanceMenu")
    assert isinstance(menu, QMenu)
    menu.popup(window.mapToGlobal(QPoint(100, 100)))
    action = next(a for a in menu.actions() if a.objectName() == f"appearance-{appearance}")
    return menu, menu.actionGeometry(action).center()


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_view_appearance_switches_the_open_window_and_is_kept(
    qtbot: QtBot, installed: ColourScheme, window: MainWindow
) -> None:
    window.banner.show_message("Refused: the Review gate needs a legal sign-off")
    menu, dark = appearance_action(window, Appearance.DARK)
    qtbot.waitExposed(menu)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=dark)
    qtbot.wait(20)
    assert QSettings().value(SETTINGS_KEY) == "dark"
    assert theme.current() is theme.DARK
    assert card_colour(window) == QColor(theme.DARK.card)
    banner = on_screen(window.banner)
    assert banner.pixelColor(2, 2) == QColor(theme.DARK.error_bg)
    checked = [a.objectName() for a in menu.actions() if a.isChecked()]
    assert checked == ["appearance-dark"]
    menu, system = appearance_action(window, Appearance.SYSTEM)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=system)
    qtbot.wait(20)
    assert QSettings().value(SETTINGS_KEY) == "system"
    assert theme.current() is theme.LIGHT  # what the offscreen desktop looks like
    assert card_colour(window) == QColor(theme.LIGHT.card)
    assert on_screen(window.banner).pixelColor(2, 2) == QColor(theme.LIGHT.error_bg)


def test_a_restyled_widget_may_go_before_the_scheme_changes(
    qtbot: QtBot, installed: ColourScheme
) -> None:
    seen: list[str] = []
    label = QLabel("gone soon")
    follow_scheme(label, lambda s: seen.append(s.name))
    kept = QLabel("kept")
    qtbot.addWidget(kept)
    follow_scheme(kept, lambda s: kept.setText(s.name))
    label.deleteLater()
    qtbot.wait(10)
    installed.set_appearance(Appearance.DARK, save=False)
    assert seen == ["light"]
    assert kept.text() == "dark"

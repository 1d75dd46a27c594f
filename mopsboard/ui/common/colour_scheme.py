"""Light or dark: the desktop's colour scheme, followed live, unless the user forces one.

The choice is the setting `appearance` (system, light or dark; View > Appearance), and the
environment variable MOPSBOARD_APPEARANCE overrides it for one run (screenshots, tests). The
scheme in use sets three things at once: the theme's colours that painters read
(`theme.current()`), the widgets' palette (Fusion draws inputs, tables, menus and dialogs from
it) and the app's style sheet. Widgets that style themselves call `follow_scheme`."""

from __future__ import annotations

import os
from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QActionGroup, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from mopsboard.ui.common import theme
from mopsboard.ui.common.theme import Scheme

SETTINGS_KEY = "appearance"
ENVIRONMENT_KEY = "MOPSBOARD_APPEARANCE"
_OBJECT_NAME = "mopsboardColourScheme"


class Appearance(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


APPEARANCE_TITLES = {
    Appearance.SYSTEM: "&System",
    Appearance.LIGHT: "&Light",
    Appearance.DARK: "&Dark",
}


def _parse(value: object) -> Appearance | None:
    try:
        return Appearance(str(value).strip().lower())
    except ValueError:
        return None


def chosen_appearance() -> Appearance:
    """What the user chose: the environment's word for this run, else the setting, else the
    system's. A word that is none of the three counts as unset."""
    forced = _parse(os.environ.get(ENVIRONMENT_KEY, ""))
    if forced is not None:
        return forced
    return _parse(QSettings().value(SETTINGS_KEY, Appearance.SYSTEM.value)) or Appearance.SYSTEM


def scheme_for(appearance: Appearance, system: Qt.ColorScheme, system_is_dark: bool) -> Scheme:
    """The scheme to show for `appearance` on a desktop whose scheme is `system`; where the
    desktop does not say (`Unknown`), `system_is_dark` (its palette's look) decides."""
    if appearance is Appearance.LIGHT:
        return theme.LIGHT
    if appearance is Appearance.DARK:
        return theme.DARK
    if system == Qt.ColorScheme.Dark:
        return theme.DARK
    if system == Qt.ColorScheme.Light:
        return theme.LIGHT
    return theme.DARK if system_is_dark else theme.LIGHT


def widget_palette(s: Scheme) -> QPalette:
    """The palette Fusion draws the standard widgets with, in scheme `s`."""
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: s.window,
        QPalette.ColorRole.WindowText: s.window_text,
        QPalette.ColorRole.Base: s.base,
        QPalette.ColorRole.AlternateBase: s.alternate_base,
        QPalette.ColorRole.Text: s.text,
        QPalette.ColorRole.Button: s.button,
        QPalette.ColorRole.ButtonText: s.window_text,
        QPalette.ColorRole.BrightText: s.on_dark,
        QPalette.ColorRole.Highlight: s.highlight,
        QPalette.ColorRole.HighlightedText: s.highlighted_text,
        QPalette.ColorRole.PlaceholderText: s.placeholder,
        QPalette.ColorRole.ToolTipBase: s.tooltip_base,
        QPalette.ColorRole.ToolTipText: s.window_text,
        QPalette.ColorRole.Link: s.link,
        QPalette.ColorRole.LinkVisited: s.link_visited,
        QPalette.ColorRole.Light: s.bevel_light,
        QPalette.ColorRole.Midlight: s.bevel_midlight,
        QPalette.ColorRole.Mid: s.bevel_mid,
        QPalette.ColorRole.Dark: s.bevel_dark,
        QPalette.ColorRole.Shadow: s.bevel_shadow,
        QPalette.ColorRole.Accent: s.accent,
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(disabled, role, QColor(s.disabled_text))
    p.setColor(disabled, QPalette.ColorRole.Base, QColor(s.window))
    p.setColor(disabled, QPalette.ColorRole.Highlight, QColor(s.bevel_mid))
    p.setColor(disabled, QPalette.ColorRole.Accent, QColor(s.bevel_mid))
    return p


class ColourScheme(QObject):
    """The app's colour scheme: one per application (made by `install`), following the
    desktop's while the appearance is System."""

    # The scheme's name ("light" or "dark"), after the app has been restyled in it.
    changed = Signal(str)

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName(_OBJECT_NAME)
        self._app = app
        # What the desktop's own palette looks like, for platforms that do not name a scheme;
        # read before this object gives the app its own.
        self._system_is_dark = app.palette().color(QPalette.ColorRole.Window).lightness() < 128
        self.appearance = chosen_appearance()
        self.scheme = theme.current()
        app.styleHints().colorSchemeChanged.connect(self._system_changed)

    def set_appearance(self, appearance: Appearance, *, save: bool = True) -> None:
        """Shows the app in `appearance` at once (and, if `save`, from now on)."""
        self.appearance = appearance
        if save:
            QSettings().setValue(SETTINGS_KEY, appearance.value)
        hints = self._app.styleHints()
        # The window frames and native dialogs follow where the platform lets the app choose
        # (Qt 6.8 and later).
        if not hasattr(hints, "setColorScheme"):
            pass
        elif appearance is Appearance.SYSTEM:
            hints.unsetColorScheme()
        else:
            hints.setColorScheme(
                Qt.ColorScheme.Dark if appearance is Appearance.DARK else Qt.ColorScheme.Light
            )
        self.apply(scheme_for(appearance, hints.colorScheme(), self._system_is_dark))

    def _system_changed(self, system: Qt.ColorScheme) -> None:
        if self.appearance is Appearance.SYSTEM:
            self.apply(scheme_for(self.appearance, system, self._system_is_dark))

    def apply(self, scheme: Scheme) -> None:
        """Restyles the whole app in `scheme`; painted views show it at their next paint,
        which the new palette and style sheet ask of every widget."""
        theme.use(scheme)
        changed = scheme is not self.scheme
        self.scheme = scheme
        self._app.setPalette(widget_palette(scheme))
        self._app.setStyleSheet(theme.style_sheet(scheme))
        if changed:
            self.changed.emit(scheme.name)
        for widget in self._app.allWidgets():
            widget.update()


def install(app: QApplication) -> ColourScheme:
    """Gives `app` its colour scheme (once; again, it is the same one), in the appearance the
    user chose."""
    found = scheme_of(app)
    scheme = found if found is not None else ColourScheme(app)
    scheme.set_appearance(chosen_appearance(), save=False)
    return scheme


def scheme_of(app: QCoreApplication | None = None) -> ColourScheme | None:
    """The app's colour scheme, if one was installed."""
    app = app or QCoreApplication.instance()
    return app.findChild(ColourScheme, _OBJECT_NAME) if app is not None else None


class _Follower(QObject):
    """Calls `restyle` on each change of scheme, for as long as its widget lives (it is the
    widget's child, so the connection goes with it)."""

    def __init__(self, widget: QWidget, restyle: Callable[[Scheme], None]) -> None:
        super().__init__(widget)
        self._restyle = restyle

    def follow(self, _name: str) -> None:
        self._restyle(theme.current())


def follow_scheme(widget: QWidget, restyle: Callable[[Scheme], None]) -> None:
    """Styles `widget` now with `restyle(scheme)`, and again whenever the scheme changes: for a
    widget with a style sheet or icons of its own, which the app's sheet cannot reach."""
    restyle(theme.current())
    scheme = scheme_of()
    if scheme is not None:
        scheme.changed.connect(_Follower(widget, restyle).follow)


def appearance_menu(parent: QWidget) -> QMenu:
    """View > Appearance: System, Light or Dark, one checked, applied at once and kept."""
    menu = QMenu("&Appearance", parent)
    menu.setObjectName("appearanceMenu")
    group = QActionGroup(menu)
    group.setExclusive(True)
    scheme = scheme_of()
    shown = scheme.appearance if scheme is not None else chosen_appearance()
    for appearance, title in APPEARANCE_TITLES.items():
        action = menu.addAction(title)
        action.setObjectName(f"appearance-{appearance.value}")
        action.setCheckable(True)
        action.setChecked(appearance is shown)
        group.addAction(action)
        action.triggered.connect(lambda _checked=False, a=appearance: _choose(a))
    return menu


def _choose(appearance: Appearance) -> None:
    scheme = scheme_of()
    if scheme is None:
        app = QGuiApplication.instance()
        if not isinstance(app, QApplication):
            return
        scheme = install(app)
    scheme.set_appearance(appearance)

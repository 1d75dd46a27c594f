"""The window's banner (a refusal, a warning, a damaged or read-only file) and its lazily
made pages."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QWidget

from mopsboard.ui.common import theme
from mopsboard.ui.common.colour_scheme import follow_scheme
from mopsboard.ui.common.theme import Scheme


def _colours(s: Scheme, warning: bool) -> tuple[str, str, str]:
    """background, text, border"""
    if warning:
        return s.warning_bg, s.warning_fg, s.warning_border
    return s.error_bg, s.error_fg, s.error_border


class LazyPages(dict[str, QWidget]):
    """The window's pages by view key; a page is made on first use."""

    def __init__(self, make: Callable[[str], QWidget | None]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, key: str) -> QWidget:
        page = self._make(key)
        if page is None:
            raise KeyError(key)
        self[key] = page
        return page


class Banner(QLabel):
    """A message across the top of the page that does not block work (refused drops, errors).

    It lies over the page rather than in its layout: showing it must not push the board down,
    or the cards would jump under the mouse just after a drop. A click puts it away."""

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self.setObjectName("banner")
        # Messages quote names users typed: show them as typed, never as markup.
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Click to close")
        self._warning = False
        follow_scheme(self, self._paint)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        page.installEventFilter(self)

    def _paint(self, scheme: Scheme) -> None:
        colours = _colours(scheme, self._warning)
        self.setStyleSheet(
            f"QLabel#banner {{ background: {colours[0]}; color: {colours[1]}; padding: 8px 12px;"
            f" border-bottom: 1px solid {colours[2]}; }}"
        )

    def show_message(self, text: str, *, warning: bool = False) -> None:
        self._warning = warning
        self._paint(theme.current())
        self.setText(text)
        self._fit()
        self.show()
        self.raise_()
        self._timer.start(10_000)

    def keep(self) -> None:
        """Leaves the message up until it is clicked away (a read-only file stays read-only)."""
        self._timer.stop()

    def _fit(self) -> None:
        page = self.parentWidget()
        if page is not None:
            width = page.width()
            self.setGeometry(0, 0, width, self.heightForWidth(width))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.parentWidget():
            self._fit()
        return False

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._timer.stop()
        self.hide()
        event.accept()

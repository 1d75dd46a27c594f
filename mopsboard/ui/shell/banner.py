"""The window's banner (a refusal, a warning, a damaged or read-only file) and its lazily
made pages."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from mopsboard.ui.common import theme

# background, text, border
WARNING_COLOURS = (theme.WARNING_BG, theme.WARNING_FG, theme.WARNING_BORDER)
ERROR_COLOURS = (theme.ERROR_BG, theme.ERROR_FG, theme.ERROR_BORDER)


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
    """A message across the top of the board that does not block work (refused drops, errors)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        # Messages quote names users typed: show them as typed, never as markup.
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setStyleSheet(
            f"QLabel#banner {{ background: {theme.ERROR_BG}; color: {theme.ERROR_FG};"
            f" padding: 8px 12px; border-bottom: 1px solid {theme.ERROR_BORDER}; }}"
        )
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)

    def show_message(self, text: str, *, warning: bool = False) -> None:
        colours = WARNING_COLOURS if warning else ERROR_COLOURS
        self.setStyleSheet(
            f"QLabel#banner {{ background: {colours[0]}; color: {colours[1]}; padding: 8px 12px;"
            f" border-bottom: 1px solid {colours[2]}; }}"
        )
        self.setText(text)
        self.show()
        self._timer.start(10_000)

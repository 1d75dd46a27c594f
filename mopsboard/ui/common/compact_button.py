"""A tool button that shows its text beside its icon when it has the room, and only its icon
(its text then in the tooltip) when its bar is narrow: the way a desktop toolbar stays whole in
a small window instead of cutting every label to "Fro...".

A layout may give the button anything from its icon's width to its full width; the button
draws itself to suit what it got, so a bar never shows a label cut short.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QResizeEvent
from PySide6.QtWidgets import QStyle, QStyleOptionToolButton, QToolButton, QWidget

_WITH_TEXT = Qt.ToolButtonStyle.ToolButtonTextBesideIcon
_ICON_ONLY = Qt.ToolButtonStyle.ToolButtonIconOnly


class CompactToolButton(QToolButton):
    def __init__(self, icon: QIcon, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(icon)
        self.setText(text)
        self.setToolTip(text.rstrip("\u2026"))
        self.setAccessibleName(text.rstrip("\u2026"))
        self.setToolButtonStyle(_WITH_TEXT)

    def _size_in(self, style: Qt.ToolButtonStyle) -> QSize:
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        option.toolButtonStyle = style
        metrics = self.fontMetrics()
        icon = self.iconSize()
        contents = QSize(icon)
        if style == _WITH_TEXT:
            # As QToolButton measures it: the text with a space either side, 4 px from the icon.
            text = metrics.size(Qt.TextFlag.TextShowMnemonic, self.text())
            text_width = text.width() + 2 * metrics.horizontalAdvance(" ")
            contents = QSize(icon.width() + 4 + text_width, max(icon.height(), text.height()))
        if self.popupMode() == QToolButton.ToolButtonPopupMode.MenuButtonPopup:
            contents.setWidth(
                contents.width()
                + self.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, option, self)
            )
        return self.style().sizeFromContents(
            QStyle.ContentsType.CT_ToolButton, option, contents, self
        )

    def sizeHint(self) -> QSize:
        return self._size_in(_WITH_TEXT)

    def minimumSizeHint(self) -> QSize:
        return self._size_in(_ICON_ONLY)

    @property
    def compact(self) -> bool:
        """True while only the icon shows."""
        return self.toolButtonStyle() == _ICON_ONLY

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wanted = _WITH_TEXT if event.size().width() >= self.sizeHint().width() else _ICON_ONLY
        if self.toolButtonStyle() != wanted:
            self.setToolButtonStyle(wanted)

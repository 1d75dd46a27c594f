"""A tool button that shows its text beside its icon, or, in a bar too narrow for the texts,
only its icon (its text then in the tooltip): the way a desktop toolbar stays whole in a small
window instead of cutting every label to "Fro...". The bar decides (ui/common/wrapping_bar.py),
from the widths this button says it needs either way.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
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

    @property
    def compact(self) -> bool:
        """True while only the icon shows."""
        return self.toolButtonStyle() == _ICON_ONLY

    def set_compact(self, compact: bool) -> None:
        self.setToolButtonStyle(_ICON_ONLY if compact else _WITH_TEXT)

    def size_when(self, *, compact: bool) -> QSize:
        """The size the button takes with only its icon, or with its text beside it."""
        style = _ICON_ONLY if compact else _WITH_TEXT
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        option.toolButtonStyle = style
        metrics = self.fontMetrics()
        contents = QSize(self.iconSize())
        if style == _WITH_TEXT:
            # As QToolButton measures it: the text with a space either side, 4 px from the icon.
            text = metrics.size(Qt.TextFlag.TextShowMnemonic, self.text())
            text_width = text.width() + 2 * metrics.horizontalAdvance(" ")
            contents = QSize(
                contents.width() + 4 + text_width, max(contents.height(), text.height())
            )
        if self.popupMode() == QToolButton.ToolButtonPopupMode.MenuButtonPopup:
            contents.setWidth(
                contents.width()
                + self.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, option, self)
            )
        return self.style().sizeFromContents(
            QStyle.ContentsType.CT_ToolButton, option, contents, self
        )

"""A picker that is as wide as the texts it must show whole, and elides the rest.

Qt's combo box is as wide as its longest entry (so a long campaign or team name widens a whole
bar) or, told a number of characters, cuts what does not fit without a sign. This one takes its
width from the texts named in `fit_texts` (a filter's "All campaigns"; a team picker's team
names, up to a cap), draws a longer choice with an ellipsis, names it whole in its tooltip,
and opens its list as wide as the widest entry.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)

# Room the list adds beside its entries: a scroll bar and the item padding.
_POPUP_EXTRA = 36


class ElidingComboBox(QComboBox):
    def __init__(self, parent: QWidget | None = None, *, max_text_width: int | None = None) -> None:
        super().__init__(parent)
        self._fit_texts: tuple[str, ...] = ()
        self._max_text_width = max_text_width
        self._tooltip = ""
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def fit_texts(self, *texts: str) -> None:
        """The texts the box is wide enough to show whole; without any, every entry's text."""
        self._fit_texts = texts
        self.updateGeometry()

    def setToolTip(self, text: str) -> None:
        self._tooltip = text
        super().setToolTip(text)

    # -- size -------------------------------------------------------------------------------------

    def _text_width(self) -> int:
        texts = self._fit_texts or tuple(self.itemText(n) for n in range(self.count()))
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(text) for text in texts), default=0)
        if self._max_text_width is not None:
            widest = min(widest, self._max_text_width)
        return widest

    def sizeHint(self) -> QSize:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        contents = QSize(self._text_width(), self.fontMetrics().height())
        if not self.itemIcon(self.currentIndex()).isNull():
            contents.setWidth(contents.width() + self.iconSize().width() + 4)
        return self.style().sizeFromContents(
            QStyle.ContentsType.CT_ComboBox, option, contents, self
        )

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def text_room(self) -> int:
        """How wide a text the box can show whole at its present size."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            self,
        )
        if not option.currentIcon.isNull():
            return field.width() - self.iconSize().width() - 4
        return field.width()

    def shown_text(self) -> str:
        """The current text as the box draws it: whole, or cut short with an ellipsis."""
        return self.fontMetrics().elidedText(
            self.currentText(), Qt.TextElideMode.ElideRight, max(0, self.text_room())
        )

    # -- painting and the list --------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.currentText = self.shown_text()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def showPopup(self) -> None:
        metrics = self.view().fontMetrics()
        widest = max(
            (metrics.horizontalAdvance(self.itemText(n)) for n in range(self.count())), default=0
        )
        self.view().setMinimumWidth(
            min(widest + _POPUP_EXTRA, self.screen().availableSize().width())
        )
        super().showPopup()

    def tooltip_text(self) -> str:
        """The tooltip, which names the choice whole when the box shows it cut short."""
        shown, whole = self.shown_text(), self.currentText()
        if shown == whole:
            return self._tooltip
        return f"{self._tooltip}: {whole}" if self._tooltip else whole

    def event(self, event: QEvent) -> bool:
        # Asked when the tooltip is about to show, so it follows every change of choice and
        # width, signals blocked or not.
        if event.type() == QEvent.Type.ToolTip:
            super().setToolTip(self.tooltip_text())
        return super().event(event)

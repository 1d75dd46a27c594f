"""Paints every card of a board in its own process, at the scale QT_SCALE_FACTOR gives it, and
prints as JSON what each card wrote where: every piece of text, the box it was given, the room
the text needs in the font it was written in, and the card's own edges (see
test_card_text_fits.py).

    QT_SCALE_FACTOR=2 python tests/ui/board/card_text_probe.py BOARD.mopsboard
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QRectF
from PySide6.QtGui import QFontMetricsF, QPainter, QPixmapCache
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from mopsboard.app import make_application
from mopsboard.store.workspace import Workspace
from mopsboard.ui.board.card_delegate import MARGIN, CardDelegate
from mopsboard.ui.shell.main_window import MainWindow


def _rect(rect: QRect | QRectF) -> list[float]:
    return [rect.x(), rect.y(), rect.width(), rect.height()]


class RecordingDelegate(CardDelegate):
    """The card delegate, noting each text it writes and the card it writes it on."""

    def __init__(self, parent: QObject, written: list[dict[str, object]]) -> None:
        super().__init__(parent)
        self.written = written
        self.cards = 0

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.cards += 1
        super().paint(painter, option, index)

    def _write(self, painter: QPainter, box: QRect, flags: int, text: str) -> None:
        device = painter.device()
        assert device is not None
        ratio = device.devicePixelRatioF()
        card = QRectF(0, 0, device.width() / ratio, device.height() / ratio).adjusted(
            MARGIN, MARGIN, -MARGIN, -MARGIN
        )
        needed = QFontMetricsF(painter.font(), device).boundingRect(QRectF(box), flags, text)
        self.written.append(
            {
                "text": text,
                "box": _rect(box),
                "needed": _rect(needed),
                "card": _rect(card),
                "ratio": ratio,
                "card_number": f"{id(self)}:{self.cards}",
            }
        )
        super()._write(painter, box, flags, text)


def main(path: Path) -> None:
    app = make_application([sys.argv[0], "-platform", "offscreen"])
    written: list[dict[str, object]] = []
    with Workspace.open(path) as workspace:
        window = MainWindow(workspace)
        window.resize(1366, 768)
        window.show()
        QApplication.processEvents()
        for view in window.board_view.views:
            view.setItemDelegate(RecordingDelegate(view, written))
        # Cards are cached as images: a fresh cache makes every card paint itself again.
        QPixmapCache.clear()
        for view in window.board_view.views:
            view.viewport().grab()
        print(json.dumps({"ratio": window.devicePixelRatio(), "written": written}))
        window.close()
    app.quit()


if __name__ == "__main__":
    main(Path(sys.argv[1]))

"""A stage's header over its column (name, gate mark, card count and hours, WIP badge), and how
a column looks over its WIP limit."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from mopsboard.qt.board.board_parts import StageSummary
from mopsboard.ui.common.elided_label import ElidedLabel
from mopsboard.ui.common.theme import Scheme


def set_state(widget: QWidget, name: str, state: bool | str) -> bool:
    """Sets a style-sheet property ("true"/"false" for a flag); re-styling costs milliseconds,
    so only when it changes. Returns whether it changed."""
    value = state if isinstance(state, str) else ("true" if state else "false")
    if widget.property(name) == value:
        return False
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    return True


def over_state(summary: StageSummary) -> str:
    """How far over its WIP limit a column looks: "false", "true" (soft: amber) or "hard" (red:
    the board refuses more)."""
    if not summary.over_limit:
        return "false"
    return "hard" if summary.stage.wip_hard else "true"


class ColumnTone(StrEnum):
    """The colour a column of an `over_state` is painted, which its card images carry, by role:
    the colour itself is the scheme's."""

    PLAIN = "false"
    OVER = "true"
    OVER_HARD = "hard"

    def colour(self, scheme: Scheme) -> str:
        return {
            ColumnTone.PLAIN: scheme.column,
            ColumnTone.OVER: scheme.column_over,
            ColumnTone.OVER_HARD: scheme.error_bg,
        }[self]


def column_background(state: str) -> ColumnTone:
    """The tone of a column of this `over_state`."""
    try:
        return ColumnTone(state)
    except ValueError:
        return ColumnTone.PLAIN


class StageHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A long stage name gives way to the counts beside it, with an ellipsis.
        self.title = ElidedLabel(elide=Qt.TextElideMode.ElideRight)
        self.title.setObjectName("stageTitle")
        self.stats = QLabel()
        self.stats.setObjectName("stageStats")
        self.wip = QLabel()
        self.wip.setObjectName("wipBadge")
        self._shown: StageSummary | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 2)
        layout.setSpacing(4)
        layout.addWidget(self.title, 1)
        layout.addWidget(self.stats)
        layout.addWidget(self.wip)

    def show_summary(self, summary: StageSummary) -> None:
        if summary == self._shown:
            return
        self._shown = summary
        stage = summary.stage
        gate = "  \u2691" if stage.is_gate else ""
        self.title.setText(stage.name + gate)
        count = (
            f"{summary.shown} of {summary.total}"
            if summary.shown != summary.total
            else str(summary.total)
        )
        self.stats.setText(f"{count} \u00b7 {summary.hours:g} h")
        self.stats.setToolTip(f"{summary.total} tasks, {summary.hours:g} estimated hours")
        if stage.wip_limit is not None:
            self.wip.setText(f"{summary.total} / {stage.wip_limit}")
            mode = "hard" if stage.wip_hard else "soft"
            self.wip.setToolTip(f"WIP limit {stage.wip_limit} ({mode})")
            self.wip.show()
        else:
            self.wip.hide()
        set_state(self.wip, "over", over_state(summary))
        self.setAccessibleName(f"{stage.name}: {summary.total} tasks")

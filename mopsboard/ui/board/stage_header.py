"""A stage's header over its column: name, gate mark, card count and hours, WIP badge."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from mopsboard.qt.board.board_parts import StageSummary


def set_state(widget: QWidget, name: str, on: bool) -> bool:
    """Sets a style-sheet property; re-styling costs milliseconds, so only when it changes.
    Returns whether it changed."""
    value = "true" if on else "false"
    if widget.property(name) == value:
        return False
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    return True


class StageHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("stageTitle")
        self.stats = QLabel()
        self.stats.setObjectName("stageStats")
        self.wip = QLabel()
        self.wip.setObjectName("wipBadge")
        self._shown: StageSummary | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 2)
        layout.addWidget(self.title)
        layout.addStretch(1)
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
        set_state(self.wip, "over", summary.over_limit)
        self.setAccessibleName(f"{stage.name}: {summary.total} tasks")

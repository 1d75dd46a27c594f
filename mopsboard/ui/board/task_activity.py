"""The task editor's Activity list: what happened to the task, newest first ("Moved from Backlog
to In progress, 3 Dec 14:02", "Edited: due date, estimate, 2 Dec 09:30")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from mopsboard.domain.activity import ActivityKind, TaskActivity
from mopsboard.ui.board.task_times import shown_time

# How the Activity list names a field, in the editor's words.
FIELD_WORDS: Mapping[str, str] = {
    "title": "title",
    "campaign_id": "campaign",
    "persona_id": "persona",
    "assignee_id": "assignee",
    "team_id": "team",
    "estimate_hours": "estimate",
    "start_date": "start date",
    "due_date": "due date",
    "priority": "priority",
    "labels": "labels",
    "description": "description",
    "checklist": "checklist",
}


def activity_text(entry: TaskActivity, stage_names: Mapping[int, str]) -> str:
    """What one line of the history says, without its time."""

    def stage(stage_id: int | None) -> str:
        if stage_id is None:
            return "a stage"
        return stage_names.get(stage_id, "a stage since deleted")

    if entry.kind is ActivityKind.CREATED:
        return f"Created in {stage(entry.to_stage_id)}"
    if entry.kind is ActivityKind.MOVED:
        return f"Moved from {stage(entry.from_stage_id)} to {stage(entry.to_stage_id)}"
    if entry.kind is ActivityKind.ARCHIVED:
        return "Archived"
    if entry.kind is ActivityKind.RESTORED:
        return "Restored from the archive"
    words = [FIELD_WORDS.get(f, f.removesuffix("_id").replace("_", " ")) for f in entry.fields]
    return f"Edited: {', '.join(words)}" if words else "Edited"


class ActivityList(QListWidget):
    def __init__(
        self,
        entries: Sequence[TaskActivity],
        stage_names: Mapping[int, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("taskActivity")
        self.setAccessibleName("Activity")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setWordWrap(True)
        for entry in reversed(entries):
            text = f"{activity_text(entry, stage_names)}, {shown_time(entry.at)}"
            item = QListWidgetItem(text)
            item.setToolTip(entry.at.astimezone().strftime("%A %d %B %Y, %H:%M:%S"))
            self.addItem(item)
        if not entries:
            self.addItem(QListWidgetItem("Nothing yet."))

    def lines(self) -> list[str]:
        return [self.item(n).text() for n in range(self.count())]

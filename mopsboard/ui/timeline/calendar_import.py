"""File \u25b8 Import calendar\u2026: an .ics file's events into the workspace, as product launches
(a campaign launching in the same week is warned of) or as other events (trade shows,
conferences, shown on the timeline). One undo step; a damaged file is refused in words and
changes nothing; what was imported is said when it is done."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.calendar_events import CalendarEventKind
from mopsboard.io.ical_import import CalendarRead, read_ics, repeats_words
from mopsboard.io.importers.source import ImportRefused
from mopsboard.qt.common.actions import ActionHistory
from mopsboard.qt.timeline.calendar_actions import CalendarEventActions, import_words
from mopsboard.store.calendar_events import CalendarImport
from mopsboard.ui.common.file_dialogs import ask_open_path, documents_folder

ICS_FILTER = "iCalendar file (*.ics *.ical *.ifb *.icalendar)"
TITLE = "Import calendar"
KIND_CHOICES = (
    (
        CalendarEventKind.PRODUCT_LAUNCH,
        "Product launches",
        "a campaign launching in the same week is warned of",
    ),
    (
        CalendarEventKind.OTHER,
        "Other events",
        "trade shows, conferences: shown on the timeline, no warnings",
    ),
)


class KindDialog(QDialog):
    """What the file's events are: asked once the file is chosen."""

    def __init__(self, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarKindDialog")
        self.setWindowTitle(TITLE)
        layout = QVBoxLayout(self)
        question = QLabel(f"Import the events of \u2018{file_name}\u2019 as:")
        question.setWordWrap(True)
        layout.addWidget(question)
        self.group = QButtonGroup(self)
        self.buttons: dict[CalendarEventKind, QRadioButton] = {}
        for kind, words, detail in KIND_CHOICES:
            button = QRadioButton(f"{words} ({detail})")
            button.setObjectName(f"calendarKind_{kind.value}")
            self.group.addButton(button)
            self.buttons[kind] = button
            layout.addWidget(button)
        self.buttons[CalendarEventKind.PRODUCT_LAUNCH].setChecked(True)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = box.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Import")
        ok.setObjectName("calendarImportButton")
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    @property
    def kind(self) -> CalendarEventKind:
        return next(k for k, b in self.buttons.items() if b.isChecked())


def ask_kind(parent: QWidget | None, file_name: str) -> CalendarEventKind | None:
    dialog = KindDialog(file_name, parent)
    try:
        return dialog.kind if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def summary(read: CalendarRead, done: CalendarImport, file_name: str) -> str:
    """What an import did, in words: counts, repeating events, what was skipped."""
    lines = [f"\u2018{read.name}\u2019 ({file_name}): {import_words(read, done)}."]
    repeats = repeats_words(read)
    if repeats:
        lines.append(f"{repeats}.")
    if read.skipped:
        lines.append("Skipped: " + "; ".join(read.skipped) + ".")
    if read.events and read.events[0].kind is CalendarEventKind.PRODUCT_LAUNCH:
        lines.append(
            "A campaign launching in the week of one of them is warned of in the Campaigns "
            "table and on the Timeline."
        )
    return "\n\n".join(lines)


def import_calendar(parent: QWidget, history: ActionHistory) -> CalendarImport | None:
    """Asks for a file and what its events are, imports them (one undo step) and says what was
    done; None when cancelled or refused (said in words)."""
    path = ask_open_path(parent, TITLE, documents_folder(), ICS_FILTER)
    if path is None:
        return None
    kind = ask_kind(parent, path.name)
    if kind is None:
        return None
    return import_calendar_file(parent, history, path, kind)


def import_calendar_file(
    parent: QWidget, history: ActionHistory, path: Path, kind: CalendarEventKind
) -> CalendarImport | None:
    try:
        read = read_ics(path, kind)
    except ImportRefused as refused:
        QMessageBox.warning(parent, TITLE, str(refused))
        return None
    if not read.events:
        skipped = "; ".join(read.skipped)
        QMessageBox.warning(
            parent,
            TITLE,
            f"{path.name}: none of its events could be imported, so nothing was"
            + (f" ({skipped})." if skipped else "."),
        )
        return None
    done = CalendarEventActions(history).import_calendar(read)
    if done is not None:
        QMessageBox.information(parent, "Calendar imported", summary(read, done, path.name))
    return done

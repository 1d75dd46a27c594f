"""File \u25b8 Import calendar\u2026 driven as a user would (the file dialog answers with a path;
the kind is picked in the real dialog), its undo, a damaged file refused in words; and on the
timeline, the warning sign of a warned campaign's row with its tooltip, and the imported events
drawn as bands with their names in the strip along the bottom."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QColor, QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QPushButton, QRadioButton
from pytestqt.qtbot import QtBot

from mopsboard.domain.calendar_events import CalendarEvent, CalendarEventKind
from mopsboard.store.workspace import Workspace
from mopsboard.ui.common import theme
from mopsboard.ui.shell.main_window import MainWindow
from mopsboard.ui.timeline import calendar_import
from mopsboard.ui.timeline.calendar_import import KindDialog
from mopsboard.ui.timeline.event_marks import kind_colour, strip_height
from mopsboard.ui.timeline.timeline_view import TimelineView

FIXTURES = Path(__file__).parent.parent.parent / "fixtures" / "ical"
MONDAY = date.today() + timedelta(days=14 - date.today().weekday())
Shown = list[tuple[str, str]]


@pytest.fixture
def window(open_window: Callable[..., MainWindow], planned_ws: Workspace) -> MainWindow:
    return open_window(planned_ws)


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> Shown:
    """What the information and warning boxes would have said: (title, text)."""
    said: Shown = []

    def record(_parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        said.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", record)
    monkeypatch.setattr(QMessageBox, "warning", record)
    return said


def pick_kind(button: str | None, tries: int = 200) -> list[str]:
    """Answers the kind dialog as soon as it is up: clicks the choice named by `button`'s
    object name and then Import, or (None) presses Esc. Returns the dialog's choices."""
    seen: list[str] = []

    def look(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, KindDialog):
            seen.extend(b.text() for b in dialog.buttons.values())
            if button is None:
                QTest.keyClick(dialog, Qt.Key.Key_Escape)
                return
            choice = dialog.findChild(QRadioButton, button)
            assert choice is not None, button
            QTest.mouseClick(choice, Qt.MouseButton.LeftButton)
            ok = dialog.findChild(QPushButton, "calendarImportButton")
            QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
        elif left:
            QTimer.singleShot(10, lambda: look(left - 1))

    QTimer.singleShot(0, lambda: look(tries))
    return seen


def events_in_file(path: Path) -> list[tuple[str, str]]:
    with Workspace.open(path) as fresh:
        return [(e.title, e.kind.value) for e in fresh.calendar_events()]


def import_from_menu(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path, button: str | None
) -> list[str]:
    monkeypatch.setattr(calendar_import, "ask_open_path", lambda *args: path)
    seen = pick_kind(button)
    action = window.findChild(QAction, "importCalendarAction")
    assert action is not None and action.isEnabled()
    action.trigger()
    return seen


def test_a_calendar_imported_from_the_file_menu_is_one_undo_step(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, shown: Shown
) -> None:
    texts = [a.text().replace("&", "") for a in window.menuBar().actions()[0].menu().actions()]
    assert "Import calendar\u2026" in texts
    seen = import_from_menu(window, monkeypatch, FIXTURES / "outlook.ics", "calendarKind_other")
    assert seen[0].startswith("Product launches") and seen[1].startswith("Other events")
    path = window.workspace.path
    assert events_in_file(path) == [
        ("Acme Cloud 5.0 GA", "other"),
        ("Acme Edge launch event", "other"),
        ("Acme World (conference and three launches)", "other"),
    ]
    ((title, text),) = shown
    assert title == "Calendar imported"
    assert text.startswith(
        "\u2018Product launches 2026\u2019 (outlook.ics): 3 other events added, 0 updated, "
        "0 unchanged."
    )
    stack = window.workspace_actions.undo_stack
    assert stack.count() == 1
    assert stack.undoText() == "Import calendar 'Product launches 2026'"
    stack.undo()
    assert events_in_file(path) == []
    stack.redo()
    assert len(events_in_file(path)) == 3


def test_a_damaged_calendar_is_refused_in_words_and_changes_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, shown: Shown
) -> None:
    import_from_menu(window, monkeypatch, FIXTURES / "truncated.ics", "calendarKind_product_launch")
    ((title, text),) = shown
    assert title == "Import calendar"
    assert "truncated.ics: the calendar is damaged or cut short" in text
    assert "nothing was imported" in text
    assert window.workspace_actions.undo_stack.count() == 0
    assert events_in_file(window.workspace.path) == []


def test_cancelling_the_kind_imports_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, shown: Shown
) -> None:
    import_from_menu(window, monkeypatch, FIXTURES / "outlook.ics", None)
    assert shown == []
    assert events_in_file(window.workspace.path) == []


def test_the_menu_entry_is_greyed_in_a_read_only_window(
    open_window: Callable[..., MainWindow], planned_ws: Workspace
) -> None:
    path = planned_ws.path
    planned_ws.close()
    read_only = Workspace.open(path, read_only=True)
    try:
        win = open_window(read_only)
        action = win.findChild(QAction, "importCalendarAction")
        assert action is not None and not action.isEnabled()
        assert "read-only" in action.toolTip()
    finally:
        read_only.close()


# -- on the timeline ----------------------------------------------------------------------------


def timeline_of(win: MainWindow) -> TimelineView:
    assert win.show_view("timeline")
    page = win.pages["timeline"]
    assert isinstance(page, TimelineView)
    return page


def same_week(ws: Workspace) -> None:
    """Spring launch and Intent webinar (whose tasks share a persona) launch in one week."""
    for name, day in (("Spring launch", MONDAY), ("Intent webinar", MONDAY + timedelta(days=2))):
        campaign = ws.campaign_named(name)
        ws.update_campaign(campaign.model_copy(update={"launch_date": day}))


def near(colour: QColor, wanted: str, slack: int = 40) -> bool:
    other = QColor(wanted)
    return all(
        abs(a - b) <= slack
        for a, b in zip(
            (colour.red(), colour.green(), colour.blue()),
            (other.red(), other.green(), other.blue()),
            strict=True,
        )
    )


def test_a_warned_campaign_row_has_a_sign_whose_tooltip_is_its_warnings(
    qtbot: QtBot, window: MainWindow
) -> None:
    ws = window.workspace
    page = timeline_of(window)
    timeline = page.timeline
    rows = page.rows
    spring = rows.row_of_campaign(ws.campaign_named("Spring launch").key)
    assert timeline.painter.warning_sign_at(spring) is None
    same_week(ws)
    rows.reload()
    for name in ("Spring launch", "Intent webinar"):
        row = rows.row_of_campaign(ws.campaign_named(name).key)
        sign = timeline.painter.warning_sign_at(row)
        assert sign is not None
        tip = timeline.tooltip_at(sign.center())
        assert tip.startswith("Warnings:\n\u26a0 'Spring launch' and 'Intent webinar' both launch")
        assert tip == timeline.painter.warning_words(row)
        # The row's own tooltip says them too.
        assert tip in timeline.painter.row_words(row)
    image = timeline.viewport().grab().toImage()
    sign = timeline.painter.warning_sign_at(spring)
    assert sign is not None
    low = image.pixelColor(sign.left() + 4, sign.bottom() - 1)
    assert near(low, theme.current().models.load_full_fg), low.name()
    # A row without warnings has no sign, and its label's right end is bare.
    ws.update_campaign(
        ws.campaign_named("Intent webinar").model_copy(
            update={"launch_date": MONDAY + timedelta(days=9)}
        )
    )
    rows.reload()
    assert timeline.painter.warning_sign_at(spring) is None
    bare = timeline.viewport().grab().toImage().pixelColor(sign.left() + 4, sign.bottom() - 1)
    assert not near(bare, theme.current().models.load_full_fg), bare.name()


def test_imported_events_are_drawn_with_their_names_in_the_bottom_strip(
    qtbot: QtBot, window: MainWindow
) -> None:
    ws = window.workspace
    page = timeline_of(window)
    timeline = page.timeline
    assert strip_height(timeline) == 0
    assert timeline.painter.events.layout() == []
    ws.import_calendar_events(
        [
            CalendarEvent(
                uid="p", title="Acme 5.0", first_day=MONDAY, last_day=MONDAY, source="a.ics"
            ),
            CalendarEvent(
                uid="o",
                title="Expo",
                first_day=MONDAY + timedelta(days=1),
                last_day=MONDAY + timedelta(days=3),
                kind=CalendarEventKind.OTHER,
            ),
        ]
    )
    page.rows.reload()
    timeline.scroll_to_day(MONDAY, 0.3)
    marks = {m.event.title: m for m in timeline.painter.events.layout()}
    assert set(marks) == {"Acme 5.0", "Expo"}
    height = timeline.viewport().height()
    assert strip_height(timeline) > 0
    image = timeline.viewport().grab().toImage()
    for title, kind in (
        ("Acme 5.0", CalendarEventKind.PRODUCT_LAUNCH),
        ("Expo", CalendarEventKind.OTHER),
    ):
        mark = marks[title]
        assert mark.tag is not None and mark.text == title
        # Tags sit in the strip, one lane each where they would overlap.
        assert mark.tag.top() >= height - strip_height(timeline)
        inside = image.pixelColor(mark.tag.left() + 2, mark.tag.center().y())
        assert near(inside, kind_colour(kind, theme.current()).name()), (title, inside.name())
        assert title in timeline.tooltip_at(mark.tag.center())
        # The band runs over the rows, from the event's first day to its last.
        assert mark.band.left() == timeline.x_of(mark.event.first_day)
        assert mark.band.right() + 1 == timeline.x_of(mark.event.last_day + timedelta(days=1))
    assert marks["Acme 5.0"].tag.top() != marks["Expo"].tag.top()  # type: ignore[union-attr]
    assert timeline.tooltip_at(marks["Acme 5.0"].tag.center()) == (  # type: ignore[union-attr]
        f"Product launch: Acme 5.0\n{MONDAY:%a %d %b %Y}\nFrom a.ics\nRight-click to remove it."
    )
    # The strip is no row: a click there selects nothing.
    assert timeline.row_at(height - 5) is None


# The offscreen platform says it cannot grab the keyboard for a popup menu; the menu works.
@pytest.mark.qt_log_ignore("does not support grabbing the keyboard", extend=True)
@pytest.mark.parametrize(
    ("choice", "left"),
    [("Remove \u2018Acme 5.0\u2019", ["Acme 6.0"]), ("Remove all 2 events from a.ics", [])],
)
def test_an_imported_event_is_removed_from_its_tag_menu_in_one_undo_step(
    window: MainWindow, choice: str, left: list[str]
) -> None:
    ws = window.workspace
    ws.import_calendar_events(
        [
            CalendarEvent(uid=t, title=t, first_day=day, last_day=day, source="a.ics")
            for t, day in (("Acme 5.0", MONDAY), ("Acme 6.0", MONDAY + timedelta(days=21)))
        ]
    )
    page = timeline_of(window)
    page.rows.reload()
    page.timeline.scroll_to_day(MONDAY, 0.3)
    mark = next(m for m in page.timeline.painter.events.layout() if m.event.title == "Acme 5.0")
    assert mark.tag is not None
    offered: list[list[str]] = []

    def pick(left: int = 200) -> None:
        # The real menu, once it is up: a click on the entry.
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            if left:
                QTimer.singleShot(10, lambda: pick(left - 1))
            return
        offered.append([a.text() for a in menu.actions()])
        entry = next(a for a in menu.actions() if a.text() == choice)
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(entry).center())

    QTimer.singleShot(0, pick)
    viewport = page.timeline.viewport()
    spot = mark.tag.center()
    QApplication.sendEvent(
        viewport,
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, spot, viewport.mapToGlobal(spot)),
    )
    assert offered == [["Remove \u2018Acme 5.0\u2019", "Remove all 2 events from a.ics"]]
    assert [t for t, _kind in events_in_file(ws.path)] == left
    assert {m.event.title for m in page.timeline.painter.events.layout()} <= set(left)
    stack = window.workspace_actions.undo_stack
    assert stack.count() == 1
    stack.undo()
    assert [t for t, _kind in events_in_file(ws.path)] == ["Acme 5.0", "Acme 6.0"]


def test_the_import_summary_says_each_repeating_event_and_refuses_a_daily_launch(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, shown: Shown, tmp_path: Path
) -> None:
    path = tmp_path / "launches.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
        "BEGIN:VEVENT\r\nUID:d\r\nSUMMARY:Night maintenance\r\n"
        f"DTSTART;VALUE=DATE:{MONDAY:%Y%m%d}\r\nRRULE:FREQ=DAILY\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:m\r\nSUMMARY:Monthly release\r\n"
        f"DTSTART;VALUE=DATE:{MONDAY:%Y%m%d}\r\nRRULE:FREQ=MONTHLY;COUNT=4\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n",
        encoding="utf-8",
    )
    import_from_menu(window, monkeypatch, path, "calendarKind_product_launch")
    ((title, text),) = shown
    assert title == "Calendar imported"
    assert "4 product launches added" in text
    assert "1 repeating event, taken as its occurrences from " in text
    assert ": 'Monthly release' 4 times." in text
    assert "Skipped: 'Night maintenance': it repeats " in text
    assert "more often than a product launch (at most 50)" in text
    assert [t for t, _kind in events_in_file(window.workspace.path)] == ["Monthly release"] * 4

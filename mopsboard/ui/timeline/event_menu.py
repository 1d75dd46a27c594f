"""The menu of an imported event's tag on the timeline: remove the event, or every event
imported from its file (a calendar imported by mistake, or one that has changed since). Each is
one undo step; importing the file again brings its events back."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu, QWidget

from mopsboard.domain.calendar_events import CalendarEvent
from mopsboard.qt.common.actions import ActionHistory
from mopsboard.qt.timeline.calendar_actions import CalendarEventActions


def show_event_menu(
    parent: QWidget, history: ActionHistory, event: CalendarEvent, where: QPoint
) -> None:
    if history.workspace.read_only:
        return
    actions = CalendarEventActions(history)
    same_file = (
        [e for e in history.workspace.calendar_events() if e.source == event.source]
        if event.source
        else [event]
    )
    menu = QMenu(parent)
    menu.setObjectName("calendarEventMenu")
    one = menu.addAction(f"Remove \u2018{event.title}\u2019")
    every = None
    if len(same_file) > 1:
        every = menu.addAction(f"Remove all {len(same_file)} events from {event.source}")
    chosen = menu.exec(where)
    menu.deleteLater()
    if chosen is one:
        actions.remove_events([event], f"Remove the imported event '{event.title}'")
    elif every is not None and chosen is every:
        actions.remove_events(same_file, f"Remove the events imported from '{event.source}'")

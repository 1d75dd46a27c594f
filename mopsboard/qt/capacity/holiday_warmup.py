"""The public holidays of the workspace's people, loaded while the window is idle after it
opens: the first capacity map (or a template scheduled on the teams' working days) then finds
them loaded instead of loading the holidays package and each country's rules while the user
waits for it (80-100 ms at the first click on Capacity). A country at a time, so input never
waits long behind it."""

from __future__ import annotations

import weakref
from datetime import date

from PySide6.QtCore import QObject, QTimer

from mopsboard.domain.calendar import holiday_ordinals
from mopsboard.domain.errors import MopsboardError
from mopsboard.store.workspace import Workspace

# After the window's first frame and the check of the file, before a user's first click.
START_MS = 700


def warm_holidays(workspace: Workspace, parent: QObject, today: date | None = None) -> None:
    """Loads, one country per turn of the event loop, this year's and next year's holidays of
    every active person's country; stops quietly if the workspace goes away."""
    held = weakref.ref(workspace)
    year = (today or date.today()).year
    pending: list[str] = []

    def next_country() -> None:
        ws = held()
        if ws is None:
            return
        if not pending:
            return
        code = pending.pop()
        for wanted in (year, year + 1):
            holiday_ordinals(code, wanted)
        if pending:
            QTimer.singleShot(0, parent, next_country)

    def start() -> None:
        ws = held()
        if ws is None:
            return
        try:
            codes = {m.holiday_country for m in ws.members() if m.active and m.holiday_country}
        except MopsboardError:
            return
        pending.extend(sorted(codes, reverse=True))
        next_country()

    QTimer.singleShot(START_MS, parent, start)

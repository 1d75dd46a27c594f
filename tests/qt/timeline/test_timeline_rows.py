"""The timeline's rows: campaigns first, their tasks loaded when expanded."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from mopsboard.qt.timeline.timeline_rows import TimelineRows
from mopsboard.store.workspace import Workspace


def test_timeline_rows_expand_lazily(qtbot: QtBot, board_ws: Workspace) -> None:
    # qtbot: the rows' follower starts a timer, which needs the application to exist.
    rows = TimelineRows(board_ws)
    rows.set_active(True)
    assert [r.campaign.name for r in rows.rows] == ["Intent webinar", "Spring launch"]
    assert rows.bars == {}
    spring = board_ws.campaign_named("Spring launch").key
    rows.set_expanded(spring, True)
    assert [r.bar.title for r in rows.rows if r.bar] == ["A", "C", "E", "F"]
    assert rows.row_of_task(rows.rows[2].bar.id if rows.rows[2].bar else 0) == 2
    rows.expand_all(True)
    assert len(rows.rows) == 2 + 6
    rows.expand_all(False)
    assert len(rows.rows) == 2
    assert rows.first < date.today() < rows.last
    assert QModelIndex().isValid() is False

"""The links the timeline lays out: rows of both bars, and by how many working days of the
successor's team a link is broken (hand-counted on December 2026: Christmas falls on Friday 25)."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from mopsboard.domain.link_rules import LinkKind
from mopsboard.domain.links import TaskLink
from mopsboard.domain.models import Member, StageKind, Task, Team
from mopsboard.qt.timeline.timeline_rows import TimelineRows
from mopsboard.store.workspace import Workspace


def task_named(ws: Workspace, title: str) -> Task:
    return next(t for t in ws.tasks() if t.title == title)


def dated(ws: Workspace, title: str, start: date, due: date, **more: object) -> Task:
    task = task_named(ws, title)
    return ws.update_task(task.model_copy(update={"start_date": start, "due_date": due, **more}))


def test_a_link_is_broken_by_the_working_days_of_the_successors_team(
    qtbot: QtBot, board_ws: Workspace
) -> None:
    ws = board_ws
    germany = ws.add_team(Team(name="Berlin studio"))
    ws.add_member(Member(team_id=germany.key, name="Jonas", holiday_country="DE"))
    a = dated(ws, "A", date(2026, 12, 21), date(2026, 12, 23))
    # Lag 2 after Wednesday 23: weekdays only, the 24th and 25th are waited and C may start on
    # Monday 28; in Germany the 25th is Christmas, so the 24th and the 28th: Tuesday 29.
    c = dated(ws, "C", date(2026, 12, 28), date(2026, 12, 30))
    e = dated(ws, "E", date(2026, 12, 28), date(2026, 12, 30), team_id=germany.key)
    for successor in (c, e):
        ws.add_link(TaskLink(predecessor_id=a.key, successor_id=successor.key, lag_days=2))
    rows = TimelineRows(ws)
    rows.set_active(True)
    rows.expand_all(True)
    by_successor = {shown.successor.title: shown for shown in rows.links.shown}
    assert set(by_successor) == {"C", "E"}
    assert (by_successor["C"].missing, by_successor["C"].allowed) == (0, date(2026, 12, 28))
    assert (by_successor["E"].missing, by_successor["E"].allowed) == (1, date(2026, 12, 29))
    for shown in by_successor.values():
        assert rows.rows[shown.predecessor_row].bar == shown.predecessor
        assert rows.rows[shown.successor_row].bar == shown.successor


def test_a_link_with_a_done_end_holds_and_a_collapsed_end_is_left_out(
    qtbot: QtBot, board_ws: Workspace
) -> None:
    ws = board_ws
    a = dated(ws, "A", date(2026, 12, 14), date(2026, 12, 18))
    c = dated(ws, "C", date(2026, 12, 15), date(2026, 12, 16))
    d = dated(ws, "D", date(2026, 12, 15), date(2026, 12, 16))
    ws.add_link(TaskLink(predecessor_id=a.key, successor_id=c.key))
    ws.add_link(TaskLink(predecessor_id=a.key, successor_id=d.key, kind=LinkKind.START_TO_START))
    rows = TimelineRows(ws)
    rows.set_active(True)
    spring = ws.campaign_named("Spring launch").key
    rows.set_expanded(spring, True)
    # D is in the webinar, collapsed: only A -> C is laid out, broken by the 15th to the 18th.
    assert [(s.predecessor.title, s.successor.title, s.missing) for s in rows.links.shown] == [
        ("A", "C", 4)
    ]
    done = next(s for s in ws.stages(a.board_id) if s.kind is StageKind.DONE)
    ws.update_task(ws.task(a.key).model_copy(update={"stage_id": done.key}))
    rows.reload()
    assert [(s.successor.title, s.missing) for s in rows.links.shown] == [("C", 0)]
    rows.expand_all(False)
    assert rows.links.shown == []

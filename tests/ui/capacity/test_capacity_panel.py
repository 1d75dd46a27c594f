"""The drill-down list beside the capacity map: its columns of hours, people and dates are as
wide as their widest words, as Qt's ResizeToContents would make them, however many tasks a
cell lists and whichever row holds the widest words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QHeaderView

from mopsboard.domain.calendar import Period
from mopsboard.domain.capacity import RowKind
from mopsboard.domain.models import Member, Task
from mopsboard.store.workspace import Workspace
from mopsboard.ui.capacity.capacity_panel import FITTED_COLUMNS, CellTasksView
from mopsboard.ui.capacity.capacity_view import CapacityView
from mopsboard.ui.shell.main_window import MainWindow

MON = date(2026, 3, 2)
LONG_NAME = "Maximiliana Wolkenstein-Oberhauser"


def contents_widths(view: CellTasksView) -> dict[int, int]:
    """What ResizeToContents gives each fitted column: Qt asks the delegate about every row."""
    header = view.horizontalHeader()
    widths = {}
    for column in FITTED_COLUMNS:
        size = max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
        widths[column] = max(header.minimumSectionSize(), min(size, header.maximumSectionSize()))
    return widths


@pytest.fixture
def busy_ws(capacity_ws: Workspace) -> Workspace:
    """Ana's first week holds 150 more tasks, and Content has a member with a long name whose
    one task has the fewest hours: on the team's total list (most hours first) her name, the
    widest words of the Who column, is in the last row."""
    ws = capacity_ws
    board = ws.boards()[0].key
    ready = ws.stages(board)[1].key
    ana = ws.member_named("Ana")
    tasks = []
    for n in range(150):
        # One day each, "02 Mar", but for one task over six weeks: "21 Jan \u2013 06 Mar".
        due = MON + timedelta(days=n % 5)
        tasks.append(
            Task(
                board_id=board,
                stage_id=ready,
                title=f"Task {n}",
                assignee_id=ana.key,
                estimate_hours=9999.75 if n == 137 else 1 + n % 4 + (0.25 if n % 7 else 0),
                start_date=MON - timedelta(days=40) if n == 149 else due,
                due_date=due,
            )
        )
    long_name = ws.add_member(Member(team_id=ana.team_id, name=LONG_NAME))
    tasks.append(
        Task(
            board_id=board,
            stage_id=ready,
            title="Proofread",
            assignee_id=long_name.key,
            estimate_hours=0.25,
            due_date=MON,
        )
    )
    ws.add_tasks(tasks)
    return ws


def test_the_lists_columns_fit_their_widest_words(
    open_window: Callable[..., MainWindow], busy_ws: Workspace
) -> None:
    window = open_window(busy_ws)
    assert window.show_view("capacity")
    view = window.pages["capacity"]
    assert isinstance(view, CapacityView)
    view.set_period(Period(MON, 3))
    listing = view.panel.tasks
    header = listing.horizontalHeader()
    for column in FITTED_COLUMNS:
        assert header.sectionResizeMode(column) == QHeaderView.ResizeMode.Fixed
    rows = view.model.capacity.rows
    ana = next(r for r in rows if r.label == "Ana")
    total = next(r for r in rows if r.kind is RowKind.TOTAL and r.team.name == "Content")
    for row, week in ((ana, 0), (total, 0), (ana, 2), (total, 1), (ana, 0)):
        view.cell_model.show_cell(row, week)
        assert listing.model().rowCount() == len(view.cell_model.tasks)
        # The Who column shows on a team's total only.
        assert listing.isColumnHidden(2) is (row.kind is not RowKind.TOTAL)
        shown = [column for column in FITTED_COLUMNS if not listing.isColumnHidden(column)]
        expected = contents_widths(listing)
        assert {c: header.sectionSize(c) for c in shown} == {c: expected[c] for c in shown}
    view.cell_model.show_cell(total, 0)
    who = view.cell_model.column_texts(2)
    assert len(who) > 150 and who.index(LONG_NAME) == len(who) - 1

"""The campaigns table and its filter, checked by Qt's model tester; sorting, filtering, and
following the store only while shown."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer

from mopsboard.domain.models import Campaign, CampaignStatus
from mopsboard.qt.campaigns.campaign_model import (
    COLUMNS,
    NAME,
    OVERDUE,
    PROGRESS,
    CampaignFilter,
    CampaignIdRole,
    CampaignTableModel,
)
from mopsboard.store.workspace import Workspace


def names(proxy: CampaignFilter) -> list[str]:
    return [proxy.index(r, NAME).data(Qt.ItemDataRole.DisplayRole) for r in range(proxy.rowCount())]


def test_campaign_model_passes_the_model_tester(qtmodeltester, qtbot, board_ws: Workspace) -> None:
    model = CampaignTableModel(board_ws)
    model.set_active(True)
    qtmodeltester.check(model, force_py=True)
    # The tester stays connected and checks every signal the model emits from here on.
    board_ws.add_campaign(Campaign(name="Added later"))
    model.reload()
    board_ws.update_campaign(
        board_ws.campaign_named("Added later").model_copy(update={"owner": "x"})
    )
    model.reload()
    assert model.columnCount() == len(COLUMNS)


def test_campaign_filter_passes_the_model_tester(qtmodeltester, qtbot, board_ws: Workspace) -> None:
    model = CampaignTableModel(board_ws)
    model.set_active(True)
    proxy = CampaignFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)
    board_ws.add_campaign(Campaign(name="Added later"))
    model.reload()
    proxy.sort(PROGRESS, Qt.SortOrder.DescendingOrder)
    proxy.set_filter("a", None)
    proxy.set_filter("", None, show_archived=True)


def test_campaign_figures_in_the_table(board_ws: Workspace) -> None:
    model = CampaignTableModel(board_ws)
    model.set_active(True)
    row = model.row_of(board_ws.campaign_named("Spring launch").key)
    cell = {COLUMNS[c]: model.index(row, c).data() for c in range(len(COLUMNS))}
    # A (3 h, overdue), C, E (1.5 h), F (4 h): none done.
    assert (cell["Tasks"], cell["Open"], cell["Overdue"], cell["Progress"]) == ("4", "4", "1", "0%")
    assert model.index(row, OVERDUE).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert (
        model.index(row, NAME).data(CampaignIdRole) == board_ws.campaign_named("Spring launch").id
    )


def test_sorting_keeps_empty_values_last_and_filtering(board_ws: Workspace) -> None:
    board_ws.add_campaign(
        Campaign(name="Budgeted", budget=5000, status=CampaignStatus.ACTIVE, owner="Field team")
    )
    archived = board_ws.add_campaign(Campaign(name="Old one", budget=10))
    board_ws.update_campaign(archived.model_copy(update={"archived": True}))
    model = CampaignTableModel(board_ws)
    model.set_active(True)
    proxy = CampaignFilter()
    proxy.setSourceModel(model)
    budget = COLUMNS.index("Budget")
    proxy.sort(budget, Qt.SortOrder.AscendingOrder)
    assert names(proxy)[0] == "Budgeted"
    proxy.sort(budget, Qt.SortOrder.DescendingOrder)
    assert names(proxy)[0] == "Budgeted"
    proxy.set_filter("", None, show_archived=True)
    assert names(proxy)[:2] == ["Budgeted", "Old one  (archived)"]
    proxy.set_filter("field", None)
    assert names(proxy) == ["Budgeted"]
    proxy.set_filter("", CampaignStatus.PLANNED)
    assert sorted(names(proxy)) == ["Intent webinar", "Spring launch"]


def test_a_hidden_table_waits_until_shown(qtbot, board_ws: Workspace) -> None:
    model = CampaignTableModel(board_ws)
    model.set_active(True)
    model.set_active(False)
    rows = model.rowCount()
    # The change is reported (the watcher tells every view) and the hidden table marks itself
    # stale; then the event loop turns once (a zero timer queued after the report has run, as a
    # reload scheduled "soon" would have): the table has still not re-read the file.
    with qtbot.waitSignal(model.follower.watcher.changed, timeout=1000):
        board_ws.add_campaign(Campaign(name="While hidden"))
    assert model.follower.stale
    with qtbot.waitCallback(timeout=1000) as turned:
        QTimer.singleShot(0, turned)
    assert model.rowCount() == rows
    model.set_active(True)
    assert model.rowCount() == rows + 1
    board_ws.add_campaign(Campaign(name="While shown"))
    qtbot.waitUntil(lambda: model.rowCount() == rows + 2)

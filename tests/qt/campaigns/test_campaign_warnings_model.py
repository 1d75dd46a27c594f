"""The campaigns table marks a campaign whose launch is warned of: a warning icon in the name
column (instead of the plain colour), the warnings in words in its tooltip and its own role, and
it follows imported calendars and the campaigns' edits."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon
from pytestqt.modeltest import ModelTester

from mopsboard.domain.calendar_events import CalendarEvent, CalendarEventKind
from mopsboard.qt.campaigns.campaign_model import NAME, CampaignTableModel, WarningsRole
from mopsboard.store.workspace import Workspace


def _same_week(ws: Workspace) -> date:
    """Both of the board workspace's campaigns launch in one week, for the same audience."""
    monday = date.today() + timedelta(days=14 - date.today().weekday())
    for name, day in (("Spring launch", monday), ("Intent webinar", monday + timedelta(days=2))):
        campaign = ws.campaign_named(name)
        ws.update_campaign(
            campaign.model_copy(
                update={"launch_date": day, "audience": "RevOps leads", "end_date": None}
            )
        )
    return monday


def _row(model: CampaignTableModel, name: str) -> int:
    return next(n for n, r in enumerate(model.rows) if r.campaign.name == name)


def test_a_warned_campaign_shows_an_icon_and_says_why(qtbot, qtmodeltester: ModelTester, board_ws):
    monday = _same_week(board_ws)
    board_ws.import_calendar_events(
        [
            CalendarEvent(
                uid="x",
                title="Acme 5.0",
                first_day=monday + timedelta(days=3),
                last_day=monday + timedelta(days=3),
                source="acme.ics",
            )
        ]
    )
    model = CampaignTableModel(board_ws)
    model.reload()
    qtmodeltester.check(model)
    spring = model.index(_row(model, "Spring launch"), NAME)
    icon = spring.data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(icon, QIcon) and not icon.isNull()
    warnings = spring.data(WarningsRole)
    assert len(warnings) == 2
    assert warnings[0].startswith("'Spring launch' and 'Intent webinar' both launch in week ")
    assert "the product launch 'Acme 5.0'" in warnings[1]
    tip = spring.data(Qt.ItemDataRole.ToolTipRole)
    assert "Warnings:\n\u26a0 'Spring launch' and 'Intent webinar'" in tip
    assert f"\u26a0 {warnings[1]}" in tip


def test_a_campaign_without_warnings_keeps_its_colour(qtbot, qtmodeltester: ModelTester, board_ws):
    model = CampaignTableModel(board_ws)
    model.reload()
    qtmodeltester.check(model)
    for row in range(model.rowCount()):
        index = model.index(row, NAME)
        assert isinstance(index.data(Qt.ItemDataRole.DecorationRole), QColor)
        assert index.data(WarningsRole) == ()
        assert "Warnings" not in index.data(Qt.ItemDataRole.ToolTipRole)


def test_the_table_follows_an_imported_calendar(qtbot, board_ws):
    monday = _same_week(board_ws)
    webinar = board_ws.campaign_named("Intent webinar")
    board_ws.update_campaign(webinar.model_copy(update={"launch_date": monday + timedelta(7)}))
    model = CampaignTableModel(board_ws)
    model.set_active(True)
    row = _row(model, "Spring launch")
    assert model.index(row, NAME).data(WarningsRole) == ()
    board_ws.import_calendar_events(
        [
            CalendarEvent(
                uid="show",
                title="Expo",
                first_day=monday,
                last_day=monday,
                kind=CalendarEventKind.OTHER,
            ),
            CalendarEvent(uid="launch", title="Acme 5.0", first_day=monday, last_day=monday),
        ]
    )
    qtbot.waitUntil(lambda: bool(model.index(row, NAME).data(WarningsRole)))
    (warning,) = model.index(row, NAME).data(WarningsRole)
    assert "the product launch 'Acme 5.0'" in warning

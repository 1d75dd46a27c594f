"""The timeline's rows: campaigns first, their tasks loaded when expanded."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from mopsboard.domain.campaign_work import TaskBar, campaign_span
from mopsboard.domain.ids import CampaignId, TaskId
from mopsboard.domain.models import Campaign
from mopsboard.qt.timeline.timeline_rows import (
    TimelineRow,
    TimelineRowList,
    TimelineRows,
    bars_span,
)
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


# -- the rows as a view over the campaigns and their bars ----------------------------------------

_days = st.one_of(st.none(), st.dates(date(2025, 1, 1), date(2027, 12, 31)))


@st.composite
def _blocks(draw: st.DrawFn) -> list[tuple[Campaign, list[TaskBar]]]:
    blocks = []
    next_task = 1
    for number in range(draw(st.integers(0, 6))):
        # A campaign's dates come in order (start, launch, end), whichever it has.
        dated = iter(sorted(d for d in draw(st.lists(_days, min_size=3, max_size=3)) if d))
        start, launch, end = (next(dated, None) if draw(st.booleans()) else None for _ in "sle")
        campaign = Campaign(
            id=CampaignId(number + 1),
            name=f"C{number}",
            start_date=start,
            launch_date=launch,
            end_date=end,
        )
        bars = []
        for _ in range(draw(st.integers(0, 5))):
            bars.append(
                TaskBar(TaskId(next_task), campaign.key, "t", draw(_days), draw(_days), False, None)
            )
            next_task += 1
        blocks.append((campaign, bars))
    return blocks


def _eager(blocks: list[tuple[Campaign, list[TaskBar]]]) -> list[TimelineRow]:
    """The rows as a plain list, made the way the timeline made them before it made them lazily."""
    rows: list[TimelineRow] = []
    for campaign, bars in blocks:
        rows.append(TimelineRow(campaign))
        rows += [TimelineRow(campaign, bar) for bar in bars]
    return rows


@settings(max_examples=200, deadline=None)
@given(_blocks())
def test_the_row_list_reads_as_the_list_of_every_row(
    blocks: list[tuple[Campaign, list[TaskBar]]],
) -> None:
    lazy, eager = TimelineRowList(blocks), _eager(blocks)
    assert len(lazy) == len(eager)
    assert list(lazy) == eager
    assert [lazy[n] for n in range(len(eager))] == eager
    assert [lazy[-n] for n in range(1, len(eager) + 1)] == [
        eager[-n] for n in range(1, len(eager) + 1)
    ]
    assert lazy[1:-1:2] == eager[1:-1:2]
    with pytest.raises(IndexError):
        lazy[len(eager)]
    positions = {c.key: {b.id: n for n, b in enumerate(bars)} for c, bars in blocks}
    for number, row in enumerate(eager):
        if row.bar is None:
            assert lazy.row_of_campaign(row.campaign.key) == number
        else:
            assert lazy.row_of_task(row.bar.id, positions.__getitem__) == number
    assert lazy.row_of_campaign(999) == -1
    assert lazy.row_of_task(999, positions.__getitem__) == -1


@settings(max_examples=300, deadline=None)
@given(_blocks())
def test_a_campaigns_span_over_its_bars_is_the_domains(
    blocks: list[tuple[Campaign, list[TaskBar]]],
) -> None:
    for campaign, bars in blocks:
        assert bars_span(campaign, bars) == campaign_span(campaign, bars)

"""The capacity map's CSV: names that look like formulas, or hold separators, read back whole."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from mopsboard.domain.calendar import Period
from mopsboard.domain.models import Member, Team
from mopsboard.io.capacity_export import capacity_rows, write_capacity_csv
from mopsboard.io.csv_safe import read_rows
from mopsboard.store.workspace import Workspace

HOSTILE_TEAM = '=HYPERLINK("http://example.invalid"); "x", y'
HOSTILE_MEMBER = "'Ana \uff0b\u200b"


def test_the_csv_reads_back_cell_for_cell(tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "w.mopsboard") as ws:
        team = ws.add_team(Team(name=HOSTILE_TEAM))
        ws.add_member(Member(team_id=team.key, name=HOSTILE_MEMBER))
        ws.add_member(Member(team_id=team.key, name="\u200b-1"))
        period = Period.of(date(2026, 3, 2), 2)
        capacity = ws.capacity_inputs(period).compute(period)
    target = tmp_path / "map.csv"
    write_capacity_csv(capacity, target)
    with target.open(encoding="utf-8", newline="") as handle:
        back = read_rows(handle)
    expected = [["" if v is None else str(v) for v in row] for row in capacity_rows(capacity)]
    assert back == expected
    assert {row[1] for row in back[1:]} >= {HOSTILE_MEMBER, "\u200b-1"}
    with target.open(encoding="utf-8", newline="") as handle:
        raw = list(csv.reader(handle))
    assert {row[0] for row in raw[1:]} == {"'" + HOSTILE_TEAM}
    assert {row[1] for row in raw[1:]} >= {"'" + HOSTILE_MEMBER, "'\u200b-1"}
    # A spreadsheet that splits at ";" keeps the team's name in one cell.
    text = target.read_text("utf-8")
    assert '"\'=HYPERLINK(""http://example.invalid""); ""x"", y"' in text

"""A card's words fit their places at any screen scale: painted at 1, 1.25, 1.5 and 2 (each in a
process of its own, QT_SCALE_FACTOR set as a user's desktop would), every piece of text needs no
more room than its box gives (so nothing is cut at an edge), every box lies on its card, and no
two boxes on a card overlap."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from mopsboard.domain.models import Campaign, ChecklistItem, Member, Persona, Priority, Task, Team
from mopsboard.store.workspace import Workspace

PROBE = Path(__file__).with_name("card_text_probe.py")
TODAY = date.today()


def make_crowded_board(path: Path) -> None:
    """Cards with everything a card can show, and the widest of it: wide initials, long words
    and names, every footer piece at once."""
    with Workspace.create(path) as ws:
        board = ws.boards()[0].key
        stages = ws.stages(board)
        campaign = ws.add_campaign(
            Campaign(name="Intercontinental partner enablement programme", colour="#7c3aed")
        )
        persona = ws.add_persona(Persona(name="Psychologist of the buying committee"))
        team = ws.add_team(Team(name="Marketing operations and automation"))
        wide = ws.add_member(Member(team_id=team.key, name="Wanda Mwangi", wip_limit=1))
        titles = [
            "Supercalifragilisticexpialidocious-onboarding-journey-redesign",
            "WWWW MMMM WWWW MMMM WWWW MMMM WWWW MMMM",
            "Legal review: GDPR consent wording, CAN-SPAM footer and CCPA notice",
            "Go",
        ]
        for number, title in enumerate(titles * 2):
            ws.add_task(
                Task(
                    board_id=board,
                    stage_id=stages[number % 3].key,
                    title=title,
                    campaign_id=campaign.id,
                    persona_id=persona.id,
                    assignee_id=wide.id if number % 2 == 0 else None,
                    team_id=team.id,
                    priority=Priority.URGENT if number % 2 else Priority.HIGH,
                    estimate_hours=12.5,
                    due_date=TODAY - timedelta(days=3) if number % 3 else TODAY,
                    checklist=(
                        ChecklistItem(text="one", done=True),
                        ChecklistItem(text="two", done=False),
                    ),
                    labels=("compliance-and-legal", "WWWWWWWWWWWW", "email"),
                )
            )


def probe(path: Path, scale: str) -> dict[str, Any]:
    env = {**os.environ, "QT_SCALE_FACTOR": scale, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(PROBE), str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def overflow(inner: list[float], outer: list[float]) -> float:
    """How far `inner` (x, y, width, height) reaches past `outer`, at its worst side."""
    ix, iy, iw, ih = inner
    ox, oy, ow, oh = outer
    return max(ox - ix, oy - iy, (ix + iw) - (ox + ow), (iy + ih) - (oy + oh))


def overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


@pytest.mark.parametrize("scale", ["1", "1.25", "1.5", "2"])
def test_no_text_on_a_card_is_cut_at_any_scale(tmp_path: Path, scale: str) -> None:
    path = tmp_path / "crowded.mopsboard"
    make_crowded_board(path)
    shown = probe(path, scale)
    assert shown["ratio"] == float(scale)
    written = shown["written"]
    assert {w["ratio"] for w in written} == {float(scale)}, "cards are painted at the screen's"
    cards: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for piece in written:
        cards[piece["card_number"]].append(piece)
    assert len(cards) >= 8
    assert any(p["text"] == "WM" for p in written), "the widest initials were drawn"
    cut = [
        (p["text"], p["box"], p["needed"])
        for p in written
        if overflow(p["needed"], p["box"]) > 0.01
    ]
    assert cut == [], cut
    off_card = [(p["text"], p["box"]) for p in written if overflow(p["box"], p["card"]) > 0]
    assert off_card == []
    crowded = [
        (a["text"], b["text"])
        for pieces in cards.values()
        for a, b in itertools.combinations(pieces, 2)
        if overlap(a["box"], b["box"])
    ]
    assert crowded == []

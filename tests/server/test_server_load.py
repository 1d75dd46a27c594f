"""A few planners at once on one server workspace (make stress runs 20 of 250 actions each):
nothing acknowledged is lost, conflicts are surfaced as conflicts, no lock error reaches anyone."""

from __future__ import annotations

from load_harness import run


def test_planners_at_once_lose_nothing_and_meet_only_conflicts(server_url: str) -> None:
    figures = run(server_url, planners=4, actions=40)
    assert figures.failures == []
    assert figures.acknowledged > 40
    assert figures.conflicts > 0  # stale copies were edited: each one was caught
    assert figures.moves_ms

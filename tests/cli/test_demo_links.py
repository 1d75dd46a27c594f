"""The demo's links, rates and logged hours: each campaign's chain, blocked cards, hours logged
in the past weeks on the assignees' working days, rates for people and the agency, so a new
user sees them at once; the same seed gives the same ones."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from mopsboard.domain.link_rules import LinkKind
from mopsboard.domain.models import StageKind, TeamKind
from mopsboard.io.demo import build_demo
from mopsboard.io.demo_links import CHAINS, LOGGED_DAYS
from mopsboard.store.workspace import Workspace

TODAY = date(2026, 6, 15)


def _demo(path: Path, **options: Any) -> Workspace:
    ws = Workspace.create(path)
    build_demo(ws, today=TODAY, **options)
    return ws


@pytest.fixture(scope="module")
def demo_ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    ws = _demo(tmp_path_factory.mktemp("demo") / "demo.mopsboard")
    yield ws
    ws.close()


def _links_by_title(ws: Workspace) -> set[tuple[str, str, LinkKind, int]]:
    titles = {t.key: t.title for t in ws.tasks()}
    return {
        (titles[k.predecessor_id], titles[k.successor_id], k.kind, k.lag_days) for k in ws.links()
    }


def test_each_campaign_is_linked_along_its_chain(demo_ws: Workspace) -> None:
    links = _links_by_title(demo_ws)
    assert links == {link for chain in CHAINS.values() for link in chain}
    assert len(CHAINS) == len(demo_ws.campaigns())
    # The launch's: brief before copy, copy before the build, the build before legal review,
    # legal before the go/no-go; and one negative lag.
    fs = LinkKind.FINISH_TO_START
    for step in (
        ("Launch brief and messaging framework", "Write launch announcement email", fs, 0),
        ("Write launch announcement email", "Build and QA launch email in the MAP", fs, 0),
        (
            "Build and QA launch email in the MAP",
            "Legal review: launch email and landing page",
            fs,
            0,
        ),
        (
            "Legal review: launch email and landing page",
            "Go-live runbook and go/no-go check",
            fs,
            0,
        ),
    ):
        assert step in links
    assert any(lag < 0 for *_ends, lag in links)
    # Links stay inside their campaign.
    tasks = {t.key: t for t in demo_ws.tasks()}
    for link in demo_ws.links():
        assert tasks[link.predecessor_id].campaign_id == tasks[link.successor_id].campaign_id


def test_some_cards_are_blocked_by_open_predecessors(demo_ws: Workspace) -> None:
    ids = [t.key for t in demo_ws.tasks()]
    blocked = demo_ws.blocked_task_ids(ids)
    assert 5 <= len(blocked) < len(ids) // 2
    done = demo_ws.done_task_ids(ids)
    for link in demo_ws.links():
        if link.kind is LinkKind.FINISH_TO_START and link.predecessor_id not in done:
            assert link.successor_id in blocked


def test_people_and_the_agency_have_rates(demo_ws: Workspace) -> None:
    teams = {t.key: t for t in demo_ws.teams()}
    agency = next(t for t in teams.values() if t.kind is TeamKind.AGENCY)
    assert agency.hourly_rate == 140
    for member in demo_ws.members():
        if member.team_id == agency.key:
            assert member.hourly_rate is None  # billed at the agency's rate
        else:
            assert member.hourly_rate is not None and 50 <= member.hourly_rate <= 150


def test_hours_are_logged_in_the_past_weeks_on_started_work(demo_ws: Workspace) -> None:
    tasks = {t.key: t for t in demo_ws.tasks()}
    members = {m.key: m for m in demo_ws.members()}
    stages = {s.key: s for b in demo_ws.boards() for s in demo_ws.stages(b.key)}
    logged = demo_ws.logged_hours()
    assert len(logged) >= 15 and sum(logged.values()) >= 100
    off = {
        (o.member_id, o.start_date + timedelta(days=n))
        for o in demo_ws.time_off()
        for n in range((o.end_date - o.start_date).days + 1)
    }
    for task_id in logged:
        task = tasks[task_id]
        assert stages[task.stage_id].kind is not StageKind.BACKLOG
        for log in demo_ws.time_logs(task_id):
            assert TODAY - timedelta(days=LOGGED_DAYS) <= log.day < TODAY
            assert task.start_date is not None and task.start_date <= log.day
            assert log.member_id == task.assignee_id and log.member_id is not None
            member = members[log.member_id]
            assert str(log.day.isoweekday()) in member.working_days
            assert (member.key, log.day) not in off
            assert 0.25 <= log.hours <= 8
    # Finished work is logged near its estimate; work in flight, part of it.
    for task_id, hours in logged.items():
        task = tasks[task_id]
        assert task.estimate_hours is not None
        assert hours <= task.estimate_hours * 1.6


def test_the_same_seed_logs_the_same_hours(tmp_path: Path, demo_ws: Workspace) -> None:
    def hours(ws: Workspace) -> list[tuple[str, date, float]]:
        titles = {t.key: t.title for t in ws.tasks()}
        return sorted(
            (titles[i], log.day, log.hours) for i in ws.logged_hours() for log in ws.time_logs(i)
        )

    with _demo(tmp_path / "again.mopsboard") as again:
        assert hours(again) == hours(demo_ws)
        assert _links_by_title(again) == _links_by_title(demo_ws)


def test_a_large_demo_links_and_logs_only_its_hand_written_tasks(tmp_path: Path) -> None:
    with _demo(tmp_path / "big.mopsboard", tasks=2000) as ws:
        titles = {t.key: t.title for t in ws.tasks()}
        links = ws.links()
        chained = {title for chain in CHAINS.values() for link in chain for title in link[:2]}
        assert links and {titles[k.successor_id] for k in links} <= chained
        assert ws.logged_hours()


def test_no_work_has_moved_on_ahead_of_what_it_waits_for(demo_ws: Workspace) -> None:
    stages = {s.key: s for b in demo_ws.boards() for s in demo_ws.stages(b.key)}
    tasks = {t.key: t for t in demo_ws.tasks()}
    started = (StageKind.REVIEW, StageKind.DONE)
    for link in demo_ws.links():
        before, after = tasks[link.predecessor_id], tasks[link.successor_id]
        if (
            link.kind is LinkKind.FINISH_TO_START
            and stages[before.stage_id].kind is not StageKind.DONE
        ):
            assert stages[after.stage_id].kind not in started, (before.title, after.title)
            assert stages[after.stage_id].name != "In progress", (before.title, after.title)

"""Shared by every test: keep the user's real settings and files out of reach, Qt offscreen."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from mopsboard.domain.models import Campaign, ChecklistItem, Member, Task, Team
from mopsboard.store.workspace import Workspace
from tests.pg_server import Cluster

if TYPE_CHECKING:  # the tests of domain/, store/ and io/ run without Qt: import it only when used
    from mopsboard.qt.workspace_actions import WorkspaceActions
# Before the first QApplication exists: render offscreen, and keep QSettings and the default
# workspace in a throw-away folder so tests never read or write the user's own.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SANDBOX = tempfile.mkdtemp(prefix="mopsboard-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_SANDBOX, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_SANDBOX, "data")
os.environ["MOPSBOARD_HOME"] = os.path.join(_SANDBOX, "home")


TODAY = date.today()

_cluster = Cluster()
_cluster_started = False


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """A throwaway PostgreSQL server for the whole session, started by the first test that asks
    (tests/pg_server.py); a test asking for it skips, with the reason, where none can start."""
    global _cluster_started
    if not _cluster_started:
        _cluster_started = True
        _cluster.start()
    if _cluster.url is None:
        pytest.skip(f"{_NO_SERVER}: {_cluster.reason}")
    yield _cluster


_NO_SERVER = "no PostgreSQL server"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> object:
    # Every server test skips for the one reason: one line of the summary, not one per test.
    report = yield
    longrepr = getattr(report, "longrepr", None)
    if report.skipped and isinstance(longrepr, tuple) and _NO_SERVER in str(longrepr[2]):
        report.longrepr = ("tests/pg_server.py", 1, longrepr[2])
    return report


def pytest_sessionfinish(session: pytest.Session) -> None:
    _cluster.stop()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    # Said where it is seen: a run whose server tests all skipped must not look like a pass.
    if _cluster_started and _cluster.url is None:
        terminalreporter.write_line(
            f"PostgreSQL server tests SKIPPED: {_cluster.reason}", yellow=True, bold=True
        )
    elif _cluster_started:
        terminalreporter.write_line("PostgreSQL server tests ran against a throwaway cluster.")


@pytest.fixture
def server_url(pg_cluster: Cluster) -> Iterator[str]:
    """The URL of a new, empty database on the test server, dropped after the test."""
    url = pg_cluster.new_database()
    yield url
    pg_cluster.drop_database(url)


def make_board(path: Path) -> Workspace:
    """Backlog: A, B, C; Ready: D; In progress: E; Review: F (open checklist item); Done: G."""
    ws = Workspace.create(path)
    board = ws.boards()[0].key
    stages = {s.name: s.key for s in ws.stages(board)}
    launch = ws.add_campaign(Campaign(name="Spring launch", colour="#ef4444"))
    webinar = ws.add_campaign(Campaign(name="Intent webinar", colour="#3b82f6"))
    team = ws.add_team(Team(name="Content"))
    ana = ws.add_member(Member(team_id=team.key, name="Ana Lima"))
    persona = ws.personas()[0].id
    specs = [
        ("A", "Backlog", launch.id, ana.id, 3.0, TODAY - timedelta(days=2), ()),
        ("B", "Backlog", webinar.id, None, 2.0, None, ()),
        ("C", "Backlog", launch.id, None, None, TODAY + timedelta(days=20), ()),
        ("D", "Ready", webinar.id, ana.id, 5.0, TODAY + timedelta(days=1), ()),
        ("E", "In progress", launch.id, None, 1.5, None, ()),
        (
            "F",
            "Review",
            launch.id,
            None,
            4.0,
            None,
            (
                ChecklistItem(text="GDPR consent wording", done=False),
                ChecklistItem(text="CAN-SPAM footer", done=True),
            ),
        ),
        ("G", "Done", None, None, 1.0, None, ()),
    ]
    for title, stage, campaign, assignee, estimate, due, checklist in specs:
        ws.add_task(
            Task(
                board_id=board,
                stage_id=stages[stage],
                title=title,
                campaign_id=campaign,
                assignee_id=assignee,
                persona_id=persona,
                estimate_hours=estimate,
                due_date=due,
                checklist=checklist,
                labels=("legal",) if title == "F" else (),
            )
        )
    return ws


@pytest.fixture
def board_ws(tmp_path: Path) -> Iterator[Workspace]:
    ws = make_board(tmp_path / "board.mopsboard")
    yield ws
    ws.close()


def _titles_by_stage(path: Path) -> dict[str, list[str]]:
    """What the file says, read through a connection of its own."""
    with Workspace.open(path) as ws:
        board = ws.boards()[0].key
        names = {s.id: s.name for s in ws.stages(board)}
        result: dict[str, list[str]] = {name: [] for name in names.values()}
        for task in ws.tasks(board):
            result[names[task.stage_id]].append(task.title)
        return result


@pytest.fixture
def titles_by_stage() -> Callable[[Path], dict[str, list[str]]]:
    """Reads the board as the file holds it, through a connection of its own."""
    return _titles_by_stage


CAPACITY_MONDAY = date(2026, 3, 2)


def make_capacity(path: Path) -> Workspace:
    """Content: a 40 h member and a 20 h one (Mon, Wed, Fri); Web: one 40 h member. From Monday
    2 March 2026:

    week 1: the first member 44 / 40 (over), the second 6 / 20; week 2: the first 4 / 40,
    Content unassigned 10, Web's member 34 / 40 (80 to 100%). Two tasks are not counted."""
    ws = Workspace.create(path)
    board = ws.boards()[0].key
    ready = ws.stages(board)[1].key
    content = ws.add_team(Team(name="Content", colour="#f97316"))
    web = ws.add_team(Team(name="Web"))
    ana = ws.add_member(Member(team_id=content.key, name="Ana", wip_limit=1))
    luis = ws.add_member(
        Member(team_id=content.key, name="Luis", weekly_hours=20, working_days="135")
    )
    ben = ws.add_member(Member(team_id=web.key, name="Ben"))

    def task(
        title: str, who: Member | Team | None, hours: float | None, start: int | None, due: int
    ) -> None:
        owner = (
            {"assignee_id": who.id}
            if isinstance(who, Member)
            else {"team_id": who.id if who else None}
        )
        ws.add_task(
            Task.model_validate(
                {
                    "board_id": board,
                    "stage_id": ready,
                    "title": title,
                    "estimate_hours": hours,
                    "start_date": date.fromordinal(CAPACITY_MONDAY.toordinal() + start)
                    if start is not None
                    else None,
                    "due_date": date.fromordinal(CAPACITY_MONDAY.toordinal() + due),
                    **owner,
                }
            )
        )

    task("Launch email", ana, 8, 3, 8)  # Thu to Tue: 4 days of 2 h
    task("Landing page", ana, 40, 0, 4)
    task("Blog post", luis, 6, None, 2)
    task("Newsletter", content, 10, 7, 11)
    task("Site audit", ben, 34, 7, 11)
    task("Persona research", ana, None, None, 1)
    task("Vendor review", None, 2, None, 2)
    return ws


@pytest.fixture
def capacity_ws(tmp_path: Path) -> Iterator[Workspace]:
    """A small workspace for the capacity map (see make_capacity)."""
    ws = make_capacity(tmp_path / "capacity.mopsboard")
    yield ws
    ws.close()


@pytest.fixture
def make_actions(qtbot: object) -> Iterator[Callable[[Workspace], WorkspaceActions]]:
    """Makes the undoable actions over a workspace, as a window would; empties their history
    after the test."""
    from mopsboard.qt.workspace_actions import WorkspaceActions

    made: list[WorkspaceActions] = []

    def make(ws: Workspace) -> WorkspaceActions:
        made.append(WorkspaceActions(ws))
        return made[-1]

    yield make
    # Commands hold Python callables: empty the stacks while Python still owns both sides, rather
    # than leave the garbage collector to tear the cycles down in any order (it can crash).
    while made:
        made.pop().undo_stack.clear()


@pytest.fixture
def actions(
    board_ws: Workspace, make_actions: Callable[[Workspace], WorkspaceActions]
) -> WorkspaceActions:
    """The undoable actions over the board workspace (see make_board). The workspace is asked
    for first, so the history is emptied before it closes."""
    return make_actions(board_ws)


def plan_dates(ws: Workspace) -> None:
    """Gives the board workspace's campaigns and their tasks dates around today."""
    for campaign, offset in (("Spring launch", 0), ("Intent webinar", 20)):
        current = ws.campaign_named(campaign)
        ws.update_campaign(
            current.model_copy(
                update={
                    "start_date": TODAY - timedelta(days=10 - offset),
                    "launch_date": TODAY + timedelta(days=10 + offset),
                    "end_date": TODAY + timedelta(days=30 + offset),
                }
            )
        )
    for task in ws.tasks():
        if task.campaign_id is not None:
            due = task.due_date or TODAY + timedelta(days=5)
            ws.update_task(
                task.model_copy(update={"start_date": due - timedelta(days=3), "due_date": due})
            )


@pytest.fixture
def planned_ws(board_ws: Workspace) -> Workspace:
    """The board workspace (see make_board) with its campaigns and their tasks dated around
    today, for the timeline, the persona map and the campaigns table."""
    plan_dates(board_ws)
    return board_ws

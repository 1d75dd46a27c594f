"""The `mopsboard` command: in-process through main() and, where the process matters (exit
status, stderr, no Qt), as a real `python -m mopsboard` process."""

from __future__ import annotations

import gc
import sys
import types
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cli_support import TODAY, Run, assert_one_line_error, rows, run_process

from mopsboard import __version__
from mopsboard.io.demo import create_demo_file
from mopsboard.store.workspace import Workspace
from tests.values import present

# -- init and demo ----------------------------------------------------------------------------


def test_init_creates_a_workspace_and_refuses_to_overwrite(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "new.mopsboard"
    status, out, _ = cli("init", path)
    assert status == 0 and str(path) in out
    with Workspace.open(path) as ws:
        assert [b.name for b in ws.boards()] == ["Campaign board"]
        assert ws.count_tasks() == 0
    before = path.read_bytes()
    status, _, err = cli("init", path)
    assert status == 1
    assert_one_line_error(err, "exists")
    assert path.read_bytes() == before


def test_demo_scales_and_refuses_to_overwrite(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "demo.mopsboard"
    assert cli("demo", path, "--tasks", "300", "--seed", "3")[0] == 0
    with Workspace.open(path) as ws:
        assert ws.count_tasks() == 300
        assert len(ws.boards()) == 5
    before = path.read_bytes()
    status, _, err = cli("demo", path)
    assert status == 1
    assert_one_line_error(err, "exists")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.mopsboard"]


def test_demo_puts_every_task_on_the_boards_asked_for(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "one.mopsboard"
    assert cli("demo", path, "--tasks", "301", "--boards", "1")[0] == 0
    with Workspace.open(path) as ws:
        [board] = ws.boards()
        assert len(ws.tasks(board.key)) == ws.count_tasks() == 301
    two = tmp_path / "two.mopsboard"
    assert cli("demo", two, "--tasks", "301", "--boards", "2")[0] == 0
    with Workspace.open(two) as ws:
        assert sorted(len(ws.tasks(b.key)) for b in ws.boards()) == [150, 151]


@pytest.mark.parametrize(
    ("argv", "words"),
    [(["--boards", "6", "--tasks", "9"], "between 1 and 5"), (["--boards", "2"], "--tasks")],
)
def test_demo_refuses_a_number_of_boards_it_cannot_make(
    cli: Run, tmp_path: Path, argv: list[str], words: str
) -> None:
    path = tmp_path / "w.mopsboard"
    status, _, err = cli("demo", path, *argv)
    assert status != 0 and words in err
    assert not path.exists()


def test_init_in_a_missing_folder(cli: Run, tmp_path: Path) -> None:
    status, _, err = cli("init", tmp_path / "no" / "such" / "w.mopsboard")
    assert status == 1
    assert_one_line_error(err, "no such folder")


# -- tasks ------------------------------------------------------------------------------------


def test_tasks_json_uses_names(cli: Run, demo: Path) -> None:
    status, out, err = cli("tasks", demo, "--json")
    assert status == 0 and err == ""
    tasks = rows(out)
    with Workspace.open(demo) as ws:
        assert len(tasks) == ws.count_tasks()
        campaigns = {c.name for c in ws.campaigns()}
        members = {m.name for m in ws.members()}
    required = {"id", "title", "board", "stage", "campaign", "persona", "assignee", "team"}
    required |= {"estimate_hours", "start_date", "due_date", "priority", "labels", "archived"}
    for task in tasks:
        assert required <= task.keys()
        assert task["board"] == "Campaign board"
        assert task["archived"] is False
        assert task["campaign"] is None or task["campaign"] in campaigns
        assert task["assignee"] is None or task["assignee"] in members
        assert date.fromisoformat(task["due_date"])
    assert any(t["assignee"] is None and t["team"] for t in tasks)
    assert any(t["campaign"] is None for t in tasks)
    legal = next(t for t in tasks if t["title"].startswith("Legal review"))
    assert legal["persona"] == "Orchestrator" and "legal" in legal["labels"]


def test_tasks_table_and_board_filter(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "big.mopsboard"
    create_demo_file(path, tasks=50, today=TODAY)
    status, out, _ = cli("tasks", path, "--board", "content STUDIO")
    assert status == 0
    lines = out.strip().splitlines()
    assert lines[0].split()[:3] == ["ID", "STAGE", "TITLE"]
    assert lines[-1] == "10 tasks"
    status, out, _ = cli("tasks", path)
    assert "BOARD" in out.splitlines()[0] and out.strip().endswith("50 tasks")
    status, _, err = cli("tasks", path, "--board", "Nope")
    assert status == 1
    assert_one_line_error(err, "no board named")


# -- add-task and move-task -------------------------------------------------------------------


def test_add_task_with_every_option(cli: Run, demo: Path) -> None:
    status, out, err = cli(
        "add-task", demo, "--title", "Refresh the consent banner", "--board", "CAMPAIGN BOARD",
        "--stage", "in progress", "--campaign", "brand refresh", "--persona", "modernizer",
        "--assignee", "aiko", "--estimate", "2.5", "--start", "2026-03-02", "--due", "2026-03-06",
    )  # fmt: skip
    assert status == 0 and err == ""
    task_id = int(out.strip())
    with Workspace.open(demo) as ws:
        task = ws.task(task_id)
        assert task.title == "Refresh the consent banner"
        assert ws.stage(task.stage_id).name == "In progress"
        assert ws.campaign(present(task.campaign_id)).name == "Brand refresh"
        assert ws.persona(present(task.persona_id)).name == "Modernizer"
        assert ws.member(present(task.assignee_id)).name == "Aiko"
        assert ws.team(present(task.team_id)).name == "Web"
        assert task.estimate_hours == 2.5
        assert (task.start_date, task.due_date) == (date(2026, 3, 2), date(2026, 3, 6))


def test_add_task_defaults_to_first_board_and_stage(cli: Run, demo: Path) -> None:
    status, out, _ = cli("add-task", demo, "--title", "Triage", "--team", "design")
    assert status == 0
    with Workspace.open(demo) as ws:
        task = ws.task(int(out))
        assert ws.stage(task.stage_id).name == "Backlog"
        assert task.assignee_id is None
        assert ws.team(present(task.team_id)).name == "Design"


@pytest.mark.parametrize(
    ("options", "status", "words"),
    [
        (["--title", "x", "--campaign", "Nope"], 1, "no campaign named"),
        (["--title", "x", "--stage", "Nope"], 1, "no stage named"),
        (["--title", "x", "--assignee", "Maya", "--team", "Web"], 1, "not in the team"),
        (["--title", "x", "--estimate", "-3"], 1, "estimate cannot be negative"),
        (["--title", "x", "--start", "2026-03-09", "--due", "2026-03-02"], 1, "before the start"),
        (["--title", "   "], 1, "title cannot be empty"),
        (["--title", "x", "--due", "2026-02-30"], 2, "not a date"),
        (["--title", "x", "--estimate", "lots"], 2, "invalid float"),
        (["--campaign", "Brand refresh"], 2, "--title"),
    ],
)
def test_add_task_refusals(
    cli: Run, demo: Path, options: list[str], status: int, words: str
) -> None:
    before = demo.read_bytes()
    code, out, err = cli("add-task", demo, *options)
    assert code == status and out == ""
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("mopsboard: ")
    assert words.lower() in err.lower()
    assert demo.read_bytes() == before


def _by_stage(path: Path) -> dict[str, list[int]]:
    with Workspace.open(path) as ws:
        names = {s.id: s.name for s in ws.stages(ws.boards()[0].key)}
        result: dict[str, list[int]] = {}
        for task in ws.tasks():
            result.setdefault(names[task.stage_id], []).append(task.key)
        return result


def test_move_task_to_a_stage_and_before_a_task(cli: Run, demo: Path) -> None:
    stages = _by_stage(demo)
    moving, anchor = stages["Backlog"][0], stages["Ready"][1]
    status, out, _ = cli("move-task", demo, moving, "--stage", "ready", "--before", anchor)
    assert status == 0 and "Ready" in out
    after = _by_stage(demo)["Ready"]
    assert after.index(moving) == after.index(anchor) - 1
    status, _, _ = cli("move-task", demo, moving, "--stage", "Backlog")
    assert status == 0
    assert _by_stage(demo)["Backlog"][-1] == moving


def test_move_task_refused_by_the_review_gate(cli: Run, demo: Path) -> None:
    tasks = rows(cli("tasks", demo, "--json")[1])
    gated = next(
        t for t in tasks if t["stage"] != "Done" and any(not i["done"] for i in t["checklist"])
    )
    before = demo.read_bytes()
    status, out, err = cli("move-task", demo, gated["id"], "--stage", "Done")
    assert status == 1 and out == ""
    assert_one_line_error(err, "review gate", gated["title"])
    assert demo.read_bytes() == before


@pytest.mark.parametrize(
    ("argv", "status", "words"),
    [
        (["999999", "--stage", "Done"], 1, "no task with id 999999"),
        (["1", "--stage", "Somewhere"], 1, "no stage named"),
        (["1", "--stage", "Done", "--before", "999999"], 1, "no task with id 999999"),
        (["one", "--stage", "Done"], 2, "not a task id"),
        (["1"], 2, "--stage"),
    ],
)
def test_move_task_refusals(cli: Run, demo: Path, argv: list[str], status: int, words: str) -> None:
    code, _, err = cli("move-task", demo, *argv)
    assert code == status
    assert "Traceback" not in err and words.lower() in err.lower()


# -- the process: version, usage, GUI path, no Qt -----------------------------------------------


def test_version_and_usage(cli: Run) -> None:
    assert cli("--version") == (0, f"mopsboard {__version__}\n", "")
    status, _, err = cli("--view", "kitchen")
    assert status == 2 and "invalid choice" in err
    status, _, err = cli("tasks")
    assert status == 2 and "FILE" in err
    status, out, _ = cli("--help")
    assert status == 0 and "add-task" in out


@pytest.fixture
def fake_app(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, dict[str, Any]]]:
    """Stands in for mopsboard.app so the GUI path runs without Qt."""
    calls: list[tuple[Any, dict[str, Any]]] = []
    module = types.ModuleType("mopsboard.app")

    def run_gui(path: Any, **options: Any) -> int:
        # Start-up runs with the collector off; the real app turns it on at the first paint.
        calls.append((path, options | {"collecting": gc.isenabled()}))
        gc.enable()
        return 0

    module.run_gui = run_gui  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "mopsboard.app", module)
    return calls


def test_gui_path_passes_the_options(
    cli: Run, demo: Path, fake_app: list[tuple[Any, dict[str, Any]]]
) -> None:
    status, _, _ = cli(demo, "--view", "capacity", "--size", "800x600", "--screenshot", "s.png")
    assert status == 0
    options = {
        "screenshot": Path("s.png"),
        "view": "capacity",
        "size": (800, 600),
        "collecting": False,
    }
    assert fake_app == [(demo, options)]
    assert cli(demo, "--size", "wide")[0] == 2
    status, _, err = cli("frobnicate")
    assert status == 1 and "no such file" in err and "add-task" in err


def test_gui_without_a_file_creates_the_default_workspace(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_app: list[Any]
) -> None:
    monkeypatch.setenv("MOPSBOARD_HOME", str(tmp_path / "home"))
    assert cli()[0] == 0
    ((path, _),) = fake_app
    assert path.parent == tmp_path / "home" and path.exists()
    with Workspace.open(path) as ws:
        assert ws.count_tasks() > 50
    modified = path.stat().st_mtime_ns
    assert cli("--view", "timeline")[0] == 0
    assert fake_app[1][0] == path and path.stat().st_mtime_ns == modified


NO_QT = """
import sys
from mopsboard.cli import main
status = main(sys.argv[1:])
loaded = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "mopsboard.app")))
print("LOADED:" + ",".join(loaded), file=sys.stderr)
raise SystemExit(status)
"""


def test_headless_commands_never_load_qt(tmp_path: Path) -> None:
    path = tmp_path / "w.mopsboard"
    commands: list[tuple[int, list[Any]]] = [
        (0, ["demo", path, "--tasks", "20"]),
        (0, ["tasks", path, "--json"]),
        (0, ["add-task", path, "--title", "Headless"]),
        (0, ["move-task", path, "1", "--stage", "Backlog"]),
        (1, ["tasks", tmp_path / "missing.mopsboard"]),
        (0, ["--version"]),
    ]
    for status, argv in commands:
        result = run_process(*argv, code=NO_QT)
        assert result.returncode == status, result.stderr
        assert "LOADED:\n" in result.stderr, result.stderr


def test_real_process_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "w.mopsboard"
    assert run_process("init", path).returncode == 0
    added = run_process("add-task", path, "--title", "Set up UTMs", "--persona", "Orchestrator")
    assert added.returncode == 0 and added.stderr == ""
    listed = run_process("tasks", path, "--json")
    (task,) = rows(listed.stdout)
    assert task["id"] == int(added.stdout) and task["persona"] == "Orchestrator"
    usage = run_process("add-task", path)
    assert usage.returncode == 2 and "Traceback" not in usage.stderr

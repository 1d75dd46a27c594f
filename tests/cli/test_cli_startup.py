"""A headless command loads only what it uses, so it starts fast (issue 13: within twice the start
of a bare Python that reads the file; the figures are in `make bench`, startup_bench).

These check which modules a real process loaded, never how long it took."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import run_process

from mopsboard.io.demo import create_demo_file

LOADED = """
import json, sys
from mopsboard.cli import main
status = main(sys.argv[1:])
print("LOADED:" + json.dumps(sorted(sys.modules)), file=sys.stderr)
raise SystemExit(status)
"""

# What only writing, migrating, importing, exporting or the window needs.
NOT_FOR_READING = (
    "sqlite_utils",
    "click",
    "pluggy",
    "dateutil",
    "icalendar",
    "holidays",
    "markdown_it",
    "PySide6",
    "shiboken6",
    "mopsboard.app",
    "mopsboard.io.importers",
    "mopsboard.io.workspace_json",
    "mopsboard.io.ical",
)
# What answering --help, --version or a usage error needs none of.
NOT_FOR_ANSWERING = (*NOT_FOR_READING, "pydantic", "mopsboard.store", "mopsboard.domain.models")


def loaded(*argv: str | Path) -> set[str]:
    result = run_process(*argv, code=LOADED)
    line = next(x for x in result.stderr.splitlines() if x.startswith("LOADED:"))
    return set(json.loads(line.removeprefix("LOADED:")))


def found(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if m.startswith(names) and m.split(".")[0] != "__editable__")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("startup") / "demo.mopsboard"
    create_demo_file(path)
    return path


@pytest.mark.parametrize("argv", [[], ["--json"], ["--board", "Campaign board"]])
def test_listing_the_tasks_of_a_sound_file_builds_no_model(
    workspace: Path, argv: list[str]
) -> None:
    modules = loaded("tasks", workspace, *argv)
    assert "mopsboard.store.task_listing" in modules  # the command did read the file
    assert found(modules, (*NOT_FOR_READING, "pydantic", "mopsboard.domain.models")) == []


@pytest.mark.parametrize(
    ("argv", "uses"),
    [
        # Launch at risk walks each linked chain on its teams' working days: their holidays.
        (["campaigns"], ("holidays", "dateutil")),
        # The members' public holidays (python-holidays is built on dateutil).
        (["capacity", "--from", "2026-03-02"], ("holidays", "dateutil")),
    ],
)
def test_a_read_loads_nothing_it_does_not_use(
    workspace: Path, argv: list[str], uses: tuple[str, ...]
) -> None:
    modules = loaded(argv[0], workspace, *argv[1:])
    assert "mopsboard.store.workspace" in modules  # the command did read the file
    unused = tuple(name for name in NOT_FOR_READING if name not in uses)
    assert found(modules, unused) == []


def test_the_task_list_loads_no_rules_of_other_views(workspace: Path) -> None:
    modules = loaded("tasks", workspace)
    others = (
        "mopsboard.domain.builtin_templates",
        "mopsboard.domain.templates",
        "mopsboard.domain.capacity",
        "mopsboard.domain.workload",
        "mopsboard.domain.campaign_work",
        "mopsboard.domain.persona_hours",
    )
    assert found(modules, others) == []


def test_a_write_loads_sqlite_utils_where_it_writes(workspace: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.mopsboard"
    copy.write_bytes(workspace.read_bytes())
    modules = loaded("add-task", copy, "--title", "Written")
    assert "sqlite_utils" in modules
    assert found(modules, ("PySide6", "mopsboard.app", "icalendar", "holidays")) == []


@pytest.mark.parametrize(
    "argv", [["--help"], ["--version"], ["tasks", "--help"], ["tasks", "--board"], ["--size", "x"]]
)
def test_answering_the_shell_loads_neither_the_store_nor_pydantic(argv: list[str]) -> None:
    modules = loaded(*argv)
    assert "mopsboard.cli" in modules
    assert found(modules, NOT_FOR_ANSWERING) == []

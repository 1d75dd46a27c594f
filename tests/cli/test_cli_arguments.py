"""Arguments out of range are usage errors in words (status 2), never "unexpected errors", and
never reach the workspace: ids SQLite can hold in ASCII digits, ISO dates the app can store,
periods that end inside that range."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from cli_support import Run, run_process
from pydantic import ValidationError

from mopsboard.cli.args import FIRST_DAY, LAST_DAY, MAX_ROW_ID
from mopsboard.domain.fields import INT64_MAX
from mopsboard.domain.models import Task
from mopsboard.store.workspace import Workspace


def assert_usage_error(err: str, *words: str) -> None:
    assert "Traceback" not in err and "unexpected error" not in err
    messages = [line for line in err.strip().splitlines() if line.startswith("mopsboard: ")]
    assert len(messages) == 1, err
    assert err.strip().splitlines()[-1] == messages[0]
    for word in words:
        assert word.lower() in messages[0].lower(), messages[0]


BAD_IDS = [
    str(2**63),
    "9" * 30,
    "9" * 5000,  # more digits than int() converts by default
    "0",
    "000",
    "-1",
    "+3",
    " 3",
    "3 ",
    "3.0",
    "1e3",
    "0x3",
    "\u0663",  # Arabic-Indic three
    "\uff13",  # full-width three
    "\u00b3",  # superscript three: isdigit() says yes, int() says no
    "\u0663\u0663",
    "",
]


@pytest.mark.parametrize("text", BAD_IDS, ids=lambda t: ascii(t)[:24])
def test_bad_task_ids_are_usage_errors(cli: Run, demo: Path, text: str) -> None:
    before = demo.read_bytes()
    for argv in ([text, "--stage", "Done"], ["1", "--stage", "Done", "--before", text]):
        status, out, err = cli("move-task", demo, *argv)
        assert (status, out) == (2, "")
        assert_usage_error(err, "not a task id")
    assert demo.read_bytes() == before


def test_the_largest_id_sqlite_holds_is_looked_up(cli: Run, demo: Path) -> None:
    assert MAX_ROW_ID == INT64_MAX
    status, _, err = cli("move-task", demo, str(MAX_ROW_ID), "--stage", "Done")
    assert status == 1 and f"no task with id {MAX_ROW_ID}" in err.lower()
    # Leading zeros are still the number: "0003" is task 3 (already done, so this reorders it).
    status, out, err = cli("move-task", demo, "0003", "--stage", "Done")
    assert (status, out, err) == (0, "Moved task 3 to 'Done'.\n", "")


def test_non_ascii_digits_never_address_a_task(tmp_path: Path) -> None:
    path = tmp_path / "w.mopsboard"
    assert run_process("demo", path, "--tasks", "20").returncode == 0
    before = path.read_bytes()
    for three in ("\u0663", "\uff13"):
        result = run_process("move-task", path, three, "--stage", "Done")
        assert result.returncode == 2, result.stderr
        assert_usage_error(result.stderr, "not a task id")
    assert path.read_bytes() == before


BAD_DAYS = [
    "9999-12-31",
    "0001-01-01",
    "1899-12-31",
    "3000-01-01",
    "20260302",  # date.fromisoformat accepts the basic format too
    "2026-W10-1",
    "2026-3-2",
    "2026-02-30",
    "\uff12\uff10\uff12\uff16-03-02",
    "",
]


@pytest.mark.parametrize("text", BAD_DAYS, ids=lambda t: ascii(t)[:24])
def test_bad_days_are_usage_errors_in_every_command(cli: Run, demo: Path, text: str) -> None:
    before = demo.read_bytes()
    commands = (
        ["capacity", demo, "--from", text],
        ["add-task", demo, "--title", "x", "--due", text],
        ["add-task", demo, "--title", "x", "--start", text],
        ["new-campaign", demo, "--template", "Webinar", "--name", "X", "--launch", text],
    )
    for argv in commands:
        status, out, err = cli(*argv)
        assert (status, out) == (2, ""), argv
        assert_usage_error(err, "date", text)
    assert demo.read_bytes() == before


def test_the_day_range_is_the_one_tasks_may_hold() -> None:
    for day in (FIRST_DAY, LAST_DAY):
        Task(board_id=1, stage_id=1, title="x", due_date=day)
    for day in (FIRST_DAY - timedelta(days=1), LAST_DAY + timedelta(days=1)):
        with pytest.raises(ValidationError):
            Task(board_id=1, stage_id=1, title="x", due_date=day)


@pytest.mark.parametrize(
    "weeks", ["0", "-1", "105", "99999999999999999999", "9" * 5000, "\u0663", "\uff13", "2.0"]
)
def test_bad_week_counts_are_usage_errors(cli: Run, demo: Path, weeks: str) -> None:
    status, out, err = cli("capacity", demo, "--weeks", weeks)
    assert (status, out) == (2, "")
    assert_usage_error(err, "number of weeks")


@pytest.mark.parametrize(
    ("first", "weeks"), [("2999-12-31", "1"), ("2999-12-01", "8"), ("2998-06-01", "104")]
)
def test_a_period_past_the_last_day_is_refused_in_words(
    cli: Run, demo: Path, first: str, weeks: str
) -> None:
    status, out, err = cli("capacity", demo, "--from", first, "--weeks", weeks)
    assert (status, out) == (2, "")
    assert_usage_error(err, "2999-12-31", "weeks")


def test_the_last_weeks_the_app_knows_are_shown(cli: Run, demo: Path) -> None:
    # 2999-12-23 is a Monday; its week ends on 2999-12-29, the next one in year 3000.
    assert date(2999, 12, 23).weekday() == 0
    status, out, err = cli("capacity", demo, "--from", "2999-12-25", "--weeks", "1")
    assert (status, err) == (0, "")
    assert "2999-12-23" in out
    status, _, err = cli("capacity", demo, "--from", "1900-01-01", "--weeks", "104", "--json")
    assert (status, err) == (0, "")


@pytest.mark.parametrize("tasks", ["\u0663", "\uff13", "-1", "1000001", "9" * 5000])
def test_bad_demo_sizes_are_usage_errors(cli: Run, tmp_path: Path, tasks: str) -> None:
    status, _, err = cli("demo", tmp_path / "d.mopsboard", "--tasks", tasks)
    assert status == 2
    assert_usage_error(err, "number of tasks")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("size", ["\uff18\uff10\uff10x600", "800x\u0666\u0660\u0660", "0x600"])
def test_bad_window_sizes_are_usage_errors(cli: Run, tmp_path: Path, size: str) -> None:
    # A missing file: were the size taken, the command would fail there, not open a window.
    status, _, err = cli(tmp_path / "missing.mopsboard", "--size", size)
    assert status == 2
    assert_usage_error(err, "not a window size")


def test_an_old_date_the_template_cannot_schedule_is_refused_in_words(cli: Run, demo: Path) -> None:
    before = demo.read_bytes()
    status, _, err = cli(
        "new-campaign", demo, "--template", "Webinar", "--name", "X", "--launch", "1900-01-02"
    )
    assert status == 1
    assert "Traceback" not in err and "unexpected" not in err
    assert "1900" in err
    assert demo.read_bytes() == before
    with Workspace.open(demo) as ws:
        assert "X" not in {c.name for c in ws.campaigns(include_archived=True)}

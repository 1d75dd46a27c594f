"""Fixtures of the CLI tests: a demo workspace per test, and main() run in this process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cli_support import FAST_LOCK, TODAY, Run

from mopsboard.cli import main
from mopsboard.io.demo import create_demo_file


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.mopsboard"
    create_demo_file(path, today=TODAY)
    return path


@pytest.fixture
def demo(demo_master: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "demo.mopsboard"
    shutil.copyfile(demo_master, copy)
    return copy


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """main() in this process; returns (status, stdout, stderr)."""
    for key, value in FAST_LOCK.items():
        monkeypatch.setenv(key, value)

    def run(*argv: str | Path) -> tuple[int, str, str]:
        status = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return status, out, err

    return run

"""`make install-desktop` (packaging/install_desktop.sh) into a throw-away XDG data folder: every
file lands where desktops look, the entry runs the program it is told, and, where the XDG tools
are installed, a workspace is known as application/x-mopsboard (by name and by content) and a
file manager's "open" (xdg-open) starts mopsboard on it."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from mopsboard.app_id import DESKTOP_APP_ID, WORKSPACE_MIME_TYPE
from mopsboard.store.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "packaging" / "install_desktop.sh"
SOURCE = ROOT / "mopsboard" / "resources" / "desktop"


def shipped() -> list[str]:
    return sorted(
        p.relative_to(SOURCE).as_posix()
        for p in SOURCE.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )


def environment(home: Path) -> dict[str, str]:
    # A display name only: xdg-open asks for one before it looks for an application.
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "DISPLAY": ":99",
    }


def install(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(SCRIPT), *args],
        env=environment(home),
        capture_output=True,
        text=True,
        timeout=120,
    )


def entry_line(home: Path, key: str) -> str:
    text = (home / "data" / "applications" / f"{DESKTOP_APP_ID}.desktop").read_text("utf-8")
    [line] = [line for line in text.splitlines() if line.startswith(f"{key}=")]
    return line


def needs(*commands: str) -> None:
    missing = [command for command in commands if shutil.which(command) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (.ci/run installs them)")


@pytest.fixture
def opener(tmp_path: Path) -> Path:
    """A stand-in for mopsboard that writes down the arguments it was started with."""
    script = tmp_path / "opened-with"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{tmp_path}/opened.txt"\n')
    script.chmod(0o755)
    return script


def test_every_file_lands_in_the_xdg_data_folder(tmp_path: Path, opener: Path) -> None:
    done = install(tmp_path, "--exec", str(opener))
    assert done.returncode == 0, done.stderr
    data = tmp_path / "data"
    for name in shipped():
        assert (data / name).is_file(), name
    assert (data / "applications" / f"{DESKTOP_APP_ID}.desktop").is_file()
    assert (data / "metainfo" / f"{DESKTOP_APP_ID}.metainfo.xml").is_file()
    assert (data / "mime" / "packages" / f"{DESKTOP_APP_ID}.xml").is_file()
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / f"{DESKTOP_APP_ID}.png").is_file()
    assert entry_line(tmp_path, "Exec") == f"Exec={opener} %f"


def test_the_desktop_caches_are_refreshed(tmp_path: Path) -> None:
    needs("update-mime-database", "update-desktop-database")
    assert install(tmp_path).returncode == 0
    data = tmp_path / "data"
    # What GIO, KDE and file managers read, rather than the files themselves.
    assert (data / "mime" / WORKSPACE_MIME_TYPE).with_suffix(".xml").is_file()
    cache = (data / "applications" / "mimeinfo.cache").read_text("utf-8").splitlines()
    assert f"{WORKSPACE_MIME_TYPE}={DESKTOP_APP_ID}.desktop;" in cache


def test_the_entry_runs_mopsboard_from_path_by_default(tmp_path: Path) -> None:
    assert install(tmp_path).returncode == 0
    assert entry_line(tmp_path, "Exec") == "Exec=mopsboard %f"


def test_a_program_in_a_folder_with_a_space_is_quoted(tmp_path: Path) -> None:
    assert install(tmp_path, "--exec", "/opt/my apps/mopsboard").returncode == 0
    assert entry_line(tmp_path, "Exec") == 'Exec="/opt/my apps/mopsboard" %f'
    if shutil.which("desktop-file-validate"):
        entry = tmp_path / "data" / "applications" / f"{DESKTOP_APP_ID}.desktop"
        checked = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True)
        assert (checked.returncode, checked.stdout) == (0, b"")


def test_a_name_a_desktop_entry_cannot_hold_is_refused(tmp_path: Path) -> None:
    refused = install(tmp_path, "--exec", "/opt/$HOME/mopsboard")
    assert refused.returncode == 2
    assert not (tmp_path / "data" / "applications").exists()


def test_uninstall_takes_every_file_away(tmp_path: Path, opener: Path) -> None:
    assert install(tmp_path, "--exec", str(opener)).returncode == 0
    assert install(tmp_path, "--uninstall").returncode == 0
    data = tmp_path / "data"
    assert [name for name in shipped() if (data / name).exists()] == []


def filetype(home: Path, path: Path) -> str:
    query = ["xdg-mime", "query", "filetype", str(path)]
    return subprocess.run(
        query, env=environment(home), capture_output=True, text=True, check=True
    ).stdout.strip()


def test_the_desktop_knows_a_workspace_by_name_and_by_content(tmp_path: Path) -> None:
    needs("xdg-mime", "update-mime-database")
    assert install(tmp_path).returncode == 0
    workspace = tmp_path / "plan.mopsboard"
    Workspace.create(workspace).close()
    unnamed = tmp_path / "plan-sent-by-mail"
    shutil.copyfile(workspace, unnamed)
    other = tmp_path / "other.db"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()

    assert filetype(tmp_path, workspace) == WORKSPACE_MIME_TYPE
    assert filetype(tmp_path, unnamed) == WORKSPACE_MIME_TYPE
    assert filetype(tmp_path, other) == "application/vnd.sqlite3"


def test_opening_a_workspace_from_a_file_manager_starts_mopsboard_on_it(
    tmp_path: Path, opener: Path
) -> None:
    needs("xdg-mime", "xdg-open", "update-mime-database", "update-desktop-database")
    assert install(tmp_path, "--exec", str(opener)).returncode == 0
    workspace = tmp_path / "Q3 plan.mopsboard"
    Workspace.create(workspace).close()

    default = subprocess.run(
        ["xdg-mime", "query", "default", WORKSPACE_MIME_TYPE],
        env=environment(tmp_path),
        capture_output=True,
        text=True,
    )
    assert default.stdout.strip() == f"{DESKTOP_APP_ID}.desktop"
    opened = subprocess.run(
        ["xdg-open", str(workspace)], env=environment(tmp_path), capture_output=True, timeout=60
    )
    assert opened.returncode == 0, opened.stderr
    assert (tmp_path / "opened.txt").read_text("utf-8").splitlines() == [str(workspace)]

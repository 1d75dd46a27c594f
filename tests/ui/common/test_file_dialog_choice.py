"""The desktop's own file dialog is shown only where it runs in another process (the XDG desktop
portal); everywhere else the dialog is Qt's widget dialog, reading names only. The choice as a
table, then for real in processes of their own: Qt's portal plugin on a private session bus,
with no portal, with a stand-in that answers as the portal does, and with one that only holds
its name (Qt then gives its own dialog, which must still read names only)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mopsboard.ui.common.file_dialogs import (
    DialogPlatform,
    has_portal_plugin,
    native_dialog_allowed,
    platform_theme_name,
)

HERE = Path(__file__).parent


def platform(**changes: Any) -> DialogPlatform:
    facts = {
        "system": "linux",
        "platform_theme": "xdgdesktopportal",
        "sandboxed": False,
        "portal_plugin": True,
        "portal_running": True,
    }
    return DialogPlatform(**{**facts, **changes})


@pytest.mark.parametrize(
    ("facts", "native"),
    [
        ({}, True),
        ({"platform_theme": "", "sandboxed": True}, True),  # Flatpak or Snap
        ({"platform_theme": "flatpak"}, True),
        ({"platform_theme": "gtk3"}, False),  # GTK's dialog runs in this process
        ({"platform_theme": "kde"}, False),
        ({"platform_theme": ""}, False),
        ({"portal_running": False}, False),  # Qt would fall back on a dialog in this process
        ({"portal_plugin": False}, False),
        ({"system": "win32"}, False),
        ({"system": "darwin", "sandboxed": True}, False),
    ],
)
def test_which_dialog_is_allowed(facts: dict[str, Any], native: bool) -> None:
    assert native_dialog_allowed(platform(**facts)) is native


def test_the_platform_theme_is_the_first_one_named() -> None:
    assert platform_theme_name({"QT_QPA_PLATFORMTHEME": "XdgDesktopPortal:gtk3"}) == (
        "xdgdesktopportal"
    )
    assert platform_theme_name({"QT_QPA_PLATFORMTHEME": "gtk3;xdgdesktopportal"}) == "gtk3"
    assert platform_theme_name({}) == ""


@pytest.fixture
def session_bus(tmp_path: Path) -> Iterator[str]:
    """A session bus of the test's own (never the user's)."""
    if shutil.which("dbus-daemon") is None or not has_portal_plugin():
        pytest.skip("needs dbus-daemon and Qt's xdgdesktopportal plugin")
    config = tmp_path / "bus.conf"
    config.write_text(
        "<busconfig><type>session</type>"
        f"<listen>unix:path={tmp_path / 'bus'}</listen>"
        "<policy context='default'><allow send_destination='*'/><allow eavesdrop='true'/>"
        "<allow own='*'/></policy></busconfig>"
    )
    daemon = subprocess.Popen(
        ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert daemon.stdout is not None
        yield daemon.stdout.readline().strip()
    finally:
        daemon.terminate()
        daemon.wait(10)


def environment(bus: str) -> dict[str, str]:
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": bus, "QT_QPA_PLATFORM": "offscreen"}
    env["QT_QPA_PLATFORMTHEME"] = "xdgdesktopportal"
    env.pop("SNAP", None)
    return env


def probe(bus: str, folder: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(HERE / "file_dialog_probe.py"), str(folder)],
        env=environment(bus),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def with_portal(bus: str, *flags: str) -> subprocess.Popen[str]:
    portal = subprocess.Popen(
        [sys.executable, str(HERE / "fake_portal.py"), *flags],
        env=environment(bus),
        stdout=subprocess.PIPE,
        text=True,
    )
    assert portal.stdout is not None
    assert portal.stdout.readline().strip() == "ready"
    return portal


def test_with_no_portal_the_dialog_is_qts_reading_names_only(
    session_bus: str, tmp_path: Path
) -> None:
    shown = probe(session_bus, tmp_path)
    assert shown["platform"]["platform_theme"] == "xdgdesktopportal"
    assert shown["platform"]["portal_running"] is False
    assert shown["ours_is_widget"] and shown["ours_refuses_native"] and shown["names_only"]
    assert shown["folder"] == str(tmp_path)


def test_with_the_portal_the_dialog_is_the_desktops(session_bus: str, tmp_path: Path) -> None:
    portal = with_portal(session_bus)
    try:
        shown = probe(session_bus, tmp_path)
    finally:
        portal.terminate()
        portal.wait(10)
    assert shown["qt_alone_is_widget"] is False, "Qt chose the portal's dialog"
    assert shown["ours_is_widget"] is False
    assert shown["ours_refuses_native"] is False
    assert shown["folder"] == str(tmp_path)


def test_a_portal_qt_does_not_take_leaves_qts_dialog_reading_names_only(
    session_bus: str, tmp_path: Path
) -> None:
    portal = with_portal(session_bus, "--name-only")
    try:
        shown = probe(session_bus, tmp_path)
    finally:
        portal.terminate()
        portal.wait(10)
    assert shown["platform"]["portal_running"] is True  # the app's facts say yes...
    assert shown["qt_alone_is_widget"] is True  # ...but Qt would give its own dialog
    assert shown["ours_is_widget"] and shown["ours_refuses_native"] and shown["names_only"]

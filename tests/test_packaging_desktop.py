"""The desktop entry, the AppStream metainfo and the MIME type: one application id everywhere,
the desktops' own validators accept them, and the MIME magic knows a real workspace file."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import sqlite3
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mopsboard import __version__
from mopsboard.app_id import DESKTOP_APP_ID, WORKSPACE_MIME_TYPE
from mopsboard.store.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
DESKTOP = ROOT / "mopsboard" / "resources" / "desktop"
ENTRY = DESKTOP / "applications" / f"{DESKTOP_APP_ID}.desktop"
METAINFO = DESKTOP / "metainfo" / f"{DESKTOP_APP_ID}.metainfo.xml"
MIME = DESKTOP / "mime" / "packages" / f"{DESKTOP_APP_ID}.xml"
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
SCREENSHOT_URL = "https://raw.githubusercontent.com/mopsboard/mopsboard/main/"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(ENTRY, encoding="utf-8")
    return parser["Desktop Entry"]


def metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def mime_type() -> ET.Element:
    [element] = ET.parse(MIME).getroot().findall("m:mime-type", MIME_NS)
    return element


def test_the_application_id_is_reverse_dns() -> None:
    assert re.fullmatch(r"[a-z]+(\.[a-z0-9]+)+\.[A-Z][A-Za-z0-9]*", DESKTOP_APP_ID)


def test_the_desktop_entry_names_the_id_the_type_and_the_command() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Icon"] == DESKTOP_APP_ID
    assert entry["Exec"] == "mopsboard %f"
    assert entry["MimeType"].split(";") == [WORKSPACE_MIME_TYPE, ""]
    assert entry["Categories"] == "Office;ProjectManagement;"


def test_the_metainfo_names_the_same_id_licence_and_version() -> None:
    root = metainfo()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == DESKTOP_APP_ID
    launchable = root.find("launchable")
    assert launchable is not None
    assert (launchable.get("type"), launchable.text) == ("desktop-id", ENTRY.name)
    assert root.findtext("provides/mediatype") == WORKSPACE_MIME_TYPE
    assert root.findtext("provides/binary") == "mopsboard"
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert root.findtext("project_license") == pyproject["project"]["license"]
    newest = root.find("releases/release")
    assert newest is not None
    assert newest.get("version") == __version__
    rating = root.find("content_rating")
    assert rating is not None
    assert rating.get("type") == "oars-1.1"


def test_every_metainfo_screenshot_is_a_picture_in_docs() -> None:
    images = [image.text or "" for image in metainfo().iterfind("screenshots/screenshot/image")]
    assert len(images) >= 3
    for url in images:
        assert url.startswith(SCREENSHOT_URL), url
        picture = ROOT / url.removeprefix(SCREENSHOT_URL)
        assert picture.is_relative_to(ROOT / "docs"), url
        header = picture.read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n", picture
        width, height = struct.unpack(">II", header[16:24])
        # AppStream asks for 16:9 pictures at least 1024 px wide (software centres scale down).
        assert width >= 1024, picture
        assert abs(width / height - 16 / 9) < 0.05, picture


def test_the_mime_type_names_the_id_and_the_suffix() -> None:
    element = mime_type()
    assert element.get("type") == WORKSPACE_MIME_TYPE
    icon = element.find("m:icon", MIME_NS)
    assert icon is not None
    assert icon.get("name") == DESKTOP_APP_ID
    globs = [glob.get("pattern") for glob in element.iterfind("m:glob", MIME_NS)]
    assert globs == ["*.mopsboard"]
    parent = element.find("m:sub-class-of", MIME_NS)
    assert parent is not None
    assert parent.get("type") == "application/vnd.sqlite3"


def magic_matches(header: bytes) -> bool:
    """What shared-mime-info's magic rules (a match and the matches nested in it) say of a file
    starting with `header`."""
    [outer] = mime_type().iterfind("m:magic/m:match", MIME_NS)
    [inner] = list(outer)
    assert (outer.get("type"), inner.get("type")) == ("string", "big32")
    signature = (outer.get("value") or "").encode().decode("unicode_escape").encode("latin-1")
    start = int(outer.get("offset") or "")
    at = int(inner.get("offset") or "")
    expected = int(inner.get("value") or "", 16)
    return (
        header[start : start + len(signature)] == signature
        and struct.unpack(">I", header[at : at + 4])[0] == expected
    )


def test_the_magic_knows_a_workspace_and_no_other_sqlite_file(tmp_path: Path) -> None:
    workspace = tmp_path / "plan.mopsboard"
    Workspace.create(workspace).close()
    other = tmp_path / "other.db"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()

    assert magic_matches(workspace.read_bytes()[:100])
    assert not magic_matches(other.read_bytes()[:100])
    signature = [m.get("value") for m in mime_type().iterfind("m:magic/m:match", MIME_NS)]
    assert signature == ["SQLite format 3\\0"]


def validator(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (.ci/run installs it)")
    return found


def test_desktop_file_validate_accepts_the_entry() -> None:
    run = subprocess.run(
        [validator("desktop-file-validate"), str(ENTRY)], capture_output=True, text=True
    )
    # It exits 0 on hints and warnings too, which it prints: none is accepted.
    assert (run.returncode, run.stdout + run.stderr) == (0, "")


def test_appstreamcli_accepts_the_metainfo() -> None:
    run = subprocess.run(
        [validator("appstreamcli"), "validate", "--no-net", "--pedantic", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    # Errors and warnings fail; pedantic notes and infos are shown. The id's capital M is the
    # reverse-DNS convention (pedantic); AppStream before 1.0 does not know <developer> (info).
    problems = [line for line in run.stdout.splitlines() if line[:2] in {"E:", "W:"}]
    assert problems == []


def test_the_app_names_its_desktop_entry_to_the_desktop() -> None:
    # Wayland compositors match a window to its .desktop file (icon, name) by this name alone.
    # A process of its own: in this one the tests' QApplication is made already.
    probe = (
        "from mopsboard.app import make_application; print(make_application().desktopFileName())"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == DESKTOP_APP_ID

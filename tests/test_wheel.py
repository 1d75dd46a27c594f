"""The wheel `python -m build` makes carries every subpackage and every resource (a feature
folder or an icon left out of the package list would install a mopsboard that fails on first
use), builds without a setuptools warning, and installs into a fresh venv where it runs."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from mopsboard import __version__
from mopsboard.app_id import DESKTOP_APP_ID

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "mopsboard"
DESKTOP = "mopsboard/resources/desktop"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


@dataclass(frozen=True)
class Built:
    wheel: Path
    names: frozenset[str]
    log: str


def quiet_env() -> dict[str, str]:
    """The environment of a build: without PYTHONDONTWRITEBYTECODE, which makes setuptools warn
    that it skips byte-compiling (that warning says nothing about the project)."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    out = tmp_path_factory.mktemp("wheel")
    # Without isolation: the venv's setuptools and no download, so the test runs offline.
    run = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "-o", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
        env=quiet_env(),
        cwd=out,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    [wheel] = out.glob("mopsboard-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = frozenset(archive.namelist())
    return Built(wheel, names, run.stdout + run.stderr)


# The build's lines that only name a file it copies or adds (modules may be named after warnings).
_FILE_LINES = ("copying ", "adding ", "creating ", "byte-compiling ", "removing ")


def test_the_build_gives_no_warning(built: Built) -> None:
    warnings = [
        line
        for line in built.log.splitlines()
        if "warning" in line.lower() and not line.lstrip().startswith(_FILE_LINES)
    ]
    assert warnings == []


def test_the_licence_is_an_spdx_expression_with_its_file(built: Built) -> None:
    with zipfile.ZipFile(built.wheel) as archive:
        metadata = archive.read(f"mopsboard-{__version__}.dist-info/METADATA").decode()
    assert "License-Expression: MIT" in metadata.splitlines()
    assert f"mopsboard-{__version__}.dist-info/licenses/LICENSE" in built.names


def test_every_subpackage_is_in_the_wheel(built: Built) -> None:
    packages = sorted(init.parent for init in PACKAGE.rglob("__init__.py"))
    assert len(packages) > 15
    for package in packages:
        for module in package.glob("*.py"):
            name = module.relative_to(ROOT).as_posix()
            assert name in built.names, f"{name} is missing from the wheel"


def test_every_resource_is_in_the_wheel(built: Built) -> None:
    resources = [
        p
        for p in (PACKAGE / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    ]
    assert any(p.suffix == ".svg" for p in resources)
    for resource in resources:
        name = resource.relative_to(ROOT).as_posix()
        assert name in built.names, f"{name} is missing from the wheel"


def test_the_desktop_files_and_every_icon_size_are_in_the_wheel(built: Built) -> None:
    expected = {
        f"{DESKTOP}/applications/{DESKTOP_APP_ID}.desktop",
        f"{DESKTOP}/metainfo/{DESKTOP_APP_ID}.metainfo.xml",
        f"{DESKTOP}/mime/packages/{DESKTOP_APP_ID}.xml",
        f"{DESKTOP}/icons/hicolor/scalable/apps/{DESKTOP_APP_ID}.svg",
        "mopsboard/resources/mopsboard.svg",
        "mopsboard/ui/common/theme.py",
    } | {f"{DESKTOP}/icons/hicolor/{n}x{n}/apps/{DESKTOP_APP_ID}.png" for n in ICON_SIZES}
    assert expected - built.names == set()


def test_the_wheel_installs_into_a_fresh_venv_and_runs(built: Built, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    # The dependencies are read from this test venv's site-packages, so that no test downloads
    # anything (.ci/run installs the wheel with its dependencies from the index, and with pipx).
    # A path file adds the folder only: the editable mopsboard's own path file there is not run.
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    (site / "test_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    pip = [sys.executable, "-m", "pip", "--python", str(python), "--disable-pip-version-check"]
    install = subprocess.run(
        [*pip, "install", "--no-deps", "--no-index", "--quiet", str(built.wheel)],
        capture_output=True,
        text=True,
        timeout=300,
        env=quiet_env(),
    )
    assert install.returncode == 0, install.stderr
    assert "warning" not in (install.stdout + install.stderr).lower()

    command = venv / "bin" / "mopsboard"
    env = {**quiet_env(), "MOPSBOARD_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(command), *args], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=99
        )

    assert run("--version").stdout.strip() == f"mopsboard {__version__}"
    where = subprocess.run(
        [str(python), "-c", "import mopsboard; print(mopsboard.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    ).stdout
    assert Path(where).resolve().is_relative_to(venv.resolve()), where
    workspace = tmp_path / "demo.mopsboard"
    assert run("demo", str(workspace)).returncode == 0
    tasks = run("tasks", str(workspace))
    assert tasks.returncode == 0, tasks.stderr
    assert tasks.stdout.splitlines()[0].split()[:3] == ["ID", "STAGE", "TITLE"]
    assert len(tasks.stdout.splitlines()) > 20
    shot = tmp_path / "board.png"
    screenshot = run(str(workspace), "--screenshot", str(shot), "--size", "1024x700")
    assert screenshot.returncode == 0, screenshot.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

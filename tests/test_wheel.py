"""The wheel carries every subpackage and every resource: a feature folder or an icon left out of
the package list would install a mopsboard that fails on first use."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "mopsboard"


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--disable-pip-version-check",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    [wheel] = out.glob("mopsboard-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_every_subpackage_is_in_the_wheel(wheel_names: set[str]) -> None:
    packages = sorted(init.parent for init in PACKAGE.rglob("__init__.py"))
    assert len(packages) > 15
    for package in packages:
        for module in package.glob("*.py"):
            name = module.relative_to(ROOT).as_posix()
            assert name in wheel_names, f"{name} is missing from the wheel"


def test_every_resource_is_in_the_wheel(wheel_names: set[str]) -> None:
    resources = [
        p
        for p in (PACKAGE / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    ]
    assert any(p.suffix == ".svg" for p in resources)
    for resource in resources:
        name = resource.relative_to(ROOT).as_posix()
        assert name in wheel_names, f"{name} is missing from the wheel"

"""Icons are typed names: exactly the SVGs shipped, each one used or listed as spare, and no icon
asked for by a string."""

from __future__ import annotations

import ast
import re
from importlib import resources
from pathlib import Path

from pytestqt.qtbot import QtBot

import mopsboard
from mopsboard.ui.common.icons import SPARE, Icon, icon

PACKAGE = Path(mopsboard.__file__).parent
ICONS_MODULE = PACKAGE / "ui" / "common" / "icons.py"


def shipped() -> set[str]:
    folder = resources.files("mopsboard.resources") / "icons"
    return {item.name[: -len(".svg")] for item in folder.iterdir() if item.name.endswith(".svg")}


def sources() -> dict[Path, str]:
    return {path: path.read_text("utf-8") for path in sorted(PACKAGE.rglob("*.py"))}


def test_every_member_has_its_svg_and_every_svg_is_a_member() -> None:
    assert {member.value for member in Icon} == shipped()


def test_every_icon_renders(qtbot: QtBot) -> None:
    for member in Icon:
        assert not icon(member).pixmap(16, 16).isNull(), member


def test_every_icon_is_used_or_listed_as_spare() -> None:
    text = "\n".join(source for path, source in sources().items() if path != ICONS_MODULE)
    used = {member for member in Icon if re.search(rf"\bIcon\.{member.name}\b", text)}
    assert set(Icon) - used - SPARE == set(), "unused: add to SPARE, or drop the SVG"
    assert used & SPARE == set(), "used: remove from SPARE"


def test_no_icon_is_asked_for_by_a_string() -> None:
    names = {member.value for member in Icon}
    offenders = []
    for path, source in sources().items():
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.Call):
                continue
            called = node.func.id if isinstance(node.func, ast.Name) else None
            called = node.func.attr if isinstance(node.func, ast.Attribute) else called
            strings = [
                arg.value
                for arg in node.args
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            ]
            if called in {"icon", "_svg", "_pixmap"} and strings:
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
            elif called in {"_tool", "_button", "ViewSpec", "add_view", "_action", "a"}:
                offenders += [
                    f"{path.relative_to(PACKAGE)}:{node.lineno} {text!r}"
                    for text in strings
                    if text in names - {"x"}
                ]
    assert offenders == []

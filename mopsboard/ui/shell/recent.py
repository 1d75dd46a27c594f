"""The recently opened workspaces, kept in the user's settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings


def recent_files() -> list[str]:
    value = QSettings().value("recentFiles", [])
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, list) else []


def remember_recent(location: Path | str) -> None:
    """A workspace file's path, or a server workspace's address (which holds no password:
    Workspace.location)."""
    files = [p for p in recent_files() if p != str(location)]
    QSettings().setValue("recentFiles", [str(location), *files][:10])

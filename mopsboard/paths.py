"""Where mopsboard keeps its files by default."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_ID = "mopsboard"
ORGANISATION = "mopsboard"
WORKSPACE_SUFFIX = ".mopsboard"


def data_dir() -> Path:
    # MOPSBOARD_HOME lets tests and portable installs keep everything in one folder.
    override = os.environ.get("MOPSBOARD_HOME")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


def log_dir() -> Path:
    override = os.environ.get("MOPSBOARD_HOME")
    if override:
        return Path(override) / "logs"
    return Path(platformdirs.user_log_dir(APP_ID, appauthor=False))


def default_workspace() -> Path:
    return data_dir() / f"workspace{WORKSPACE_SUFFIX}"

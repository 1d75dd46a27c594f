"""The log file the README names: unexpected errors with their tracebacks, and every problem the
window told the user about (a refused change, a file that could not be written), with the time.

Plain file appends, no logging framework: a bug report needs the last few things that went
wrong, and writing them must never fail in its turn."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from mopsboard import __version__
from mopsboard.paths import log_dir

LOG_NAME = "mopsboard.log"
# One older log is kept beside the current one; together they stay around two megabytes.
MAX_LOG_BYTES = 1_000_000


def log_file() -> Path:
    return log_dir() / LOG_NAME


def write_log(details: str) -> Path | None:
    """Appends to the log; None if it cannot be written (reporting must never fail itself)."""
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > MAX_LOG_BYTES:
            os.replace(path, path.with_name(LOG_NAME + ".1"))
        # Tracebacks and messages may quote task titles: readable by the user only, like the
        # workspace.
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8", errors="replace") as log:
            stamp = datetime.now().isoformat(timespec="seconds")
            log.write(f"--- {stamp} mopsboard {__version__}\n{details.rstrip()}\n\n")
    except OSError:
        return None
    return path


def log_told(where: str, message: str) -> Path | None:
    """Records a problem shown to the user (a banner, a refusal) and where it was shown."""
    return write_log(f"told the user ({where}): {message}")

"""A workspace file onto a server, and a server workspace into a file: everything, losslessly
(ids, order keys, versions, history), in one transaction of the target's (store/transfer.py).
What `mopsboard publish` / `copy` and File ▸ Publish to server… / Save a copy… do."""

from __future__ import annotations

import contextlib
from pathlib import Path

from mopsboard.store.failures import NotAWorkspace
from mopsboard.store.transfer import copy_workspace
from mopsboard.store.workspace import Workspace


def publish_into(source: Workspace, url: str) -> dict[str, int]:
    """Copies `source` into the empty database `url` names; rows copied per table. A database
    holding anything else is refused untouched; a failed copy leaves it empty."""
    try:
        target = Workspace.open_for_writing(url)
    except NotAWorkspace as refusal:
        if "no workspace yet" not in str(refusal):
            raise
        target = Workspace.create(url, defaults=False)
    with target:
        return copy_workspace(source, target)


def copy_into(source: Workspace, path: Path) -> dict[str, int]:
    """Copies `source` into a new workspace file at `path`; nothing half-copied stays there."""
    made = Workspace.create(path, defaults=False)
    try:
        with made:
            return copy_workspace(source, made)
    except BaseException:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                path.with_name(path.name + suffix).unlink()
        raise


def rows_text(counts: dict[str, int]) -> str:
    # The ids' counters (sqlite_sequence) are no rows of the user's.
    return ", ".join(f"{n} {t}" for t, n in counts.items() if n and t != "sqlite_sequence")

"""Writing an export: streamed into a temporary file beside the target, which replaces the
target only once it is complete, so a failed export leaves whatever was there before."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import IO

from mopsboard.domain.errors import MopsboardError
from mopsboard.store.open_files import is_open_here


def write_text_file(target: Path, what: str, write: Callable[[IO[str]], None]) -> None:
    """Calls `write` with a UTF-8 text handle (newline="", so CSV writes its own CRLF) and puts
    the result at `target`. `what` names the export in messages ("the workspace file")."""
    if not target.name or target.is_dir():
        raise MopsboardError(f"{target}: could not write {what} (not a file name).")
    if is_open_here(target):
        # Replacing an open workspace's file (or its journal) would corrupt it.
        raise MopsboardError(
            f"{target}: that is an open workspace; choose another name for {what}."
        )
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    created = False
    try:
        # O_EXCL: never write through a file (or a link) that someone else left under this name.
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        created = True
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError as error:
        raise MopsboardError(
            f"{target}: could not write {what} ({error.strerror or error})."
        ) from error
    finally:
        if created and temporary.exists():
            with contextlib.suppress(OSError):
                temporary.unlink()

"""What POSIX locks this process holds on a workspace, read from Linux's /proc/locks.

SQLite's locks belong to the process: if anything in it opens and closes the workspace (or its
-shm), they are gone, and another program may delete the WAL under the open window.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mopsboard.store import open_files

HAVE_PROC_LOCKS = sys.platform.startswith("linux") and Path("/proc/locks").exists()


def locked_inodes(pid: int | None = None) -> set[int]:
    """The inodes on which process `pid` (this one by default) holds POSIX locks."""
    pid = os.getpid() if pid is None else pid
    inodes = set()
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if "->" in fields:  # a waiting request, not a held lock
            continue
        # "1: POSIX  ADVISORY  READ 1234 08:01:5678 128 128"
        if len(fields) >= 6 and fields[1] == "POSIX" and fields[4] == str(pid):
            inodes.add(int(fields[5].rsplit(":", 1)[1]))
    return inodes


def missing_locks(path: Path) -> list[str]:
    """The files of the open WAL workspace `path` on which this process holds no lock."""
    held = locked_inodes()
    missing = []
    for candidate in (path, path.with_name(path.name + "-shm")):
        if os.stat(candidate).st_ino not in held:
            missing.append(candidate.name)
    return missing


def assert_open_workspaces_keep_their_locks() -> None:
    """Fails if any WAL workspace this process has open lost its locks (checks nothing where
    /proc/locks does not exist)."""
    if not HAVE_PROC_LOCKS:
        return
    for opened in open_files.open_files():
        if not opened.holds_locks or not opened.path.exists():
            continue
        if open_files.file_key(opened.path) != opened.key:
            continue  # the test replaced the file under its workspace on purpose
        conn = opened.conn
        if conn is None:
            continue
        if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
            continue  # only WAL mode holds its locks between transactions
        missing = missing_locks(opened.path)
        assert not missing, f"the process lost its SQLite locks on {missing}"


def file_bytes(path: Path) -> bytes:
    """The bytes of a workspace this process may have open, read by another process: reading it
    here would open and close it, dropping this process's locks on it."""
    return subprocess.run(["cat", str(path)], capture_output=True, check=True).stdout

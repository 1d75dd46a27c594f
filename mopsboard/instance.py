"""One running app per user and data folder: `mopsboard FILE` (a double-click in a file manager)
while the app runs hands FILE to it, which opens it (or brings its window to the front), and
leaves; two windows on one file in two processes would only confuse (each with its own undo).

The running app listens on a Unix socket that only its user can reach (in the runtime folder,
else a private folder under the temporary one); the address depends on the data folder, so a
test or a portable install (MOPSBOARD_HOME) never hands its files to the user's app. A line of
JSON asks, a line answers. Where there is no such socket (Windows), every start opens its own
window, as before. Plain sockets, not Qt's: the command hands over before it loads Qt at all.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import socket
import stat
import tempfile
from pathlib import Path
from typing import NamedTuple

from mopsboard.paths import data_dir

# How long a starting app waits for the running one to answer before opening its own window.
HAND_OVER_TIMEOUT_S = 2.0
_MAX_REQUEST = 64 * 1024
OK = b"ok\n"


class OpenRequest(NamedTuple):
    path: Path
    view: str | None


def supported() -> bool:
    return hasattr(socket, "AF_UNIX")


def _private_folder() -> Path:
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_dir():
        return Path(runtime)
    folder = Path(tempfile.gettempdir()) / f"mopsboard-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    info = folder.lstat()
    # Someone else's folder (or a link planted there) is no place for the socket.
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        raise OSError(f"{folder} is not this user's own folder")
    os.chmod(folder, 0o700)
    return folder


def address() -> Path:
    """The socket's path: short, as a Unix socket's path must be (about 100 bytes)."""
    tag = hashlib.sha256(str(data_dir().resolve()).encode()).hexdigest()[:12]
    return _private_folder() / f"mopsboard-{tag}.sock"


def hand_over(
    path: Path | str, view: str | None = None, timeout: float = HAND_OVER_TIMEOUT_S
) -> bool:
    """Asks the running app to open `path` (a file, or a server workspace's URL, given as
    text), showing `view`; True once it said it did. False when no app runs here (or it did
    not answer in time): the caller opens its own window."""
    if not supported():
        return False
    asked = path if isinstance(path, str) else str(path.resolve())
    request = json.dumps({"open": asked, "view": view}).encode() + b"\n"
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.settimeout(timeout)
            conn.connect(str(address()))
            conn.sendall(request)
            return conn.makefile("rb").readline(16) == OK
    except OSError:
        return False


def listen() -> socket.socket | None:
    """The socket a running app takes requests on, or None when another app holds it (it
    answers) or none can be made here. A socket file left by an app that died is replaced."""
    if not supported():
        return None
    try:
        where = address()
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    except OSError:
        return None
    try:
        try:
            server.bind(str(where))
        except OSError:
            if hand_over_probe(where):
                server.close()
                return None  # another app is running and answers
            with contextlib.suppress(FileNotFoundError):
                where.unlink()
            server.bind(str(where))
        server.listen(8)
        server.setblocking(False)
        return server
    except OSError:
        server.close()
        return None


def hand_over_probe(where: Path) -> bool:
    """Whether something listens on `where` (connecting asks nothing of it)."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.settimeout(0.5)
        try:
            conn.connect(str(where))
        except OSError:
            return False
        return True


def receive(
    server: socket.socket, timeout: float = 1.0
) -> tuple[socket.socket, OpenRequest] | None:
    """Takes one waiting request: the connection (to answer on) and what it asks; None for a
    connection that asked nothing readable (a probe, or garbage)."""
    try:
        conn, _ = server.accept()
    except OSError:
        return None
    conn.settimeout(timeout)
    try:
        line = conn.makefile("rb").readline(_MAX_REQUEST)
        asked = json.loads(line)
        view = asked.get("view")
        request = OpenRequest(Path(str(asked["open"])), view if isinstance(view, str) else None)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        conn.close()
        return None
    return conn, request


def answer(conn: socket.socket) -> None:
    with contextlib.suppress(OSError):
        conn.sendall(OK)
    conn.close()


def stop(server: socket.socket) -> None:
    """Closes the socket and removes its file, if it is still this app's."""
    with contextlib.suppress(OSError):
        name = server.getsockname()
        server.close()
        if isinstance(name, str) and name:
            Path(name).unlink(missing_ok=True)

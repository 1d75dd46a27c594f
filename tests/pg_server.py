"""A throwaway PostgreSQL cluster for the server tests: initdb and pg_ctl under a temporary
folder, on a free loopback port, its socket in that folder, gone when the session ends.

MOPSBOARD_TEST_PG_URL, when set, names a server to use instead (a database its role may create
other databases from), or, set to "off", leaves the server tests out. Where neither works,
`reason` says why, and the server tests skip with it.
initdb refuses to run as root (CI's user): there the cluster runs as the `postgres` user (or
`nobody`), in a folder that user owns.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

ENV_URL = "MOPSBOARD_TEST_PG_URL"
_BIN_FOLDERS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
_names = itertools.count(1)


def _tool(name: str) -> str | None:
    for folder in _BIN_FOLDERS:
        if (folder / name).exists():
            return str(folder / name)
    return shutil.which(name)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _unprivileged_user() -> str | None:
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    return None


class Cluster:
    """A running server and the URL of its maintenance database."""

    def __init__(self, *, durable: bool = False) -> None:
        # durable: fsync and synchronous commits as a real server has them (for figures).
        self.durable = durable
        self.url: str | None = None
        self.reason = ""
        self._folder: Path | None = None
        self._pg_ctl: list[str] = []

    def start(self) -> None:
        given = os.environ.get(ENV_URL)
        if given == "off":
            self.reason = f"{ENV_URL}=off"
            return
        if given:
            self.url = given
            return
        initdb, pg_ctl = _tool("initdb"), _tool("pg_ctl")
        if initdb is None or pg_ctl is None:
            self.reason = "PostgreSQL's initdb and pg_ctl are not installed"
            return
        as_user: list[str] = []
        folder = Path(tempfile.mkdtemp(prefix="mopsboard-pg-"))
        self._folder = folder
        if os.geteuid() == 0:
            user = _unprivileged_user()
            runuser = shutil.which("runuser")
            if user is None or runuser is None:
                self.reason = "running as root, with no unprivileged user to run PostgreSQL as"
                return
            as_user = [runuser, "-u", user, "--"]
            entry = pwd.getpwnam(user)
            os.chown(folder, entry.pw_uid, entry.pw_gid)
            folder.chmod(0o700)
        data, port = folder / "data", _free_port()
        try:
            subprocess.run(
                [*as_user, initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8"],
                check=True,
                capture_output=True,
                text=True,
                timeout=120,
            )
            # Durability is the file's business in the tests; a throwaway cluster skips it.
            fast = (
                ""
                if self.durable
                else ("-c fsync=off -c synchronous_commit=off -c full_page_writes=off ")
            )
            options = (
                f"-c listen_addresses=127.0.0.1 -c port={port} "
                f"-c unix_socket_directories={folder} {fast}-c max_connections=200"
            )
            self._pg_ctl = [*as_user, pg_ctl, "-D", str(data)]
            subprocess.run(
                [
                    *self._pg_ctl,
                    "-w",
                    "-t",
                    "60",
                    "-l",
                    str(folder / "log"),
                    "-o",
                    options,
                    "start",
                ],
                check=True,
                capture_output=True,
                text=True,
                timeout=90,
            )
        except (OSError, subprocess.SubprocessError) as error:
            detail = getattr(error, "stderr", "") or str(error)
            self.reason = f"a PostgreSQL cluster could not start ({detail.strip()[:300]})"
            self._pg_ctl = []
            return
        self.url = f"postgresql://postgres@127.0.0.1:{port}/postgres"

    def stop(self) -> None:
        if self._pg_ctl:
            subprocess.run(
                [*self._pg_ctl, "-m", "immediate", "stop"], capture_output=True, timeout=60
            )
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)

    def new_database(self) -> str:
        """The URL of a new, empty database on the server."""
        import psycopg

        assert self.url is not None
        name = f"mopsboard_test_{os.getpid()}_{next(_names)}"
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"'.encode())
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0'.encode())
        return database_url(self.url, name)

    def drop_database(self, url: str) -> None:
        import psycopg
        from psycopg.conninfo import conninfo_to_dict

        assert self.url is not None
        name = conninfo_to_dict(url)["dbname"]
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def database_url(url: str, name: str) -> str:
    """`url` naming database `name` instead."""
    from psycopg.conninfo import conninfo_to_dict

    params = conninfo_to_dict(url)
    host = params.pop("host", "127.0.0.1")
    port = params.pop("port", "5432")
    user = params.pop("user", "")
    params.pop("dbname", None)
    extra = "&".join(f"{key}={value}" for key, value in params.items())
    who = f"{user}@" if user else ""
    suffix = f"?{extra}" if extra else ""
    return f"postgresql://{who}{host}:{port}/{name}{suffix}"

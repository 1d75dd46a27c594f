"""Open or create a workspace on a server: recognise it, refuse what is not ours, migrate it.

A workspace is the tables of one schema (the connection's current one, `public` unless the
URL's options or the role say otherwise) of one database; `_mopsboard_meta` holds what a file
holds in its header (the application id), `_mopsboard_migrations` the named steps it has.
"""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict

from mopsboard.store.failures import (
    NotAWorkspace,
    TooNewWorkspace,
    WorkspaceError,
    WorkspaceExists,
)
from mopsboard.store.migrations import KNOWN_MIGRATIONS, MIGRATION_SET
from mopsboard.store.server import failures
from mopsboard.store.server.connection import WRITE_LOCK, ServerConnection
from mopsboard.store.server.migrations import META_TABLES, STEPS

APPLICATION_ID = 0x4D4F5053
DEFAULT_LOCK_TIMEOUT_MS = 5000


def _connect(url: str, lock_timeout_ms: int) -> ServerConnection:
    try:
        # The URL's own options (a search_path naming the workspace's schema) are kept.
        given = str(conninfo_to_dict(url).get("options") or "")
    except psycopg.Error as error:
        raise failures.connection_error(error, url) from None
    options = f"{given} -c lock_timeout={lock_timeout_ms}".strip()

    def connect() -> psycopg.Connection[Any]:
        # The URL, with libpq's environment (PGHOST, PGUSER, ...), PGPASSFILE or ~/.pgpass and
        # sslmode, exactly as psql reads them; mopsboard keeps no password of its own.
        return psycopg.connect(
            url,
            autocommit=True,
            application_name="mopsboard",
            options=options,
            connect_timeout=10,
        )

    try:
        return ServerConnection(connect, url)
    except psycopg.Error as error:
        raise failures.connection_error(error, url) from None


def _user_tables(db: ServerConnection) -> list[str]:
    rows = db.conn.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = current_schema() ORDER BY table_name"
    ).fetchall()
    return [str(row[0]) for row in rows]


def applied_migrations(db: ServerConnection) -> list[str]:
    if not db.has_table("_mopsboard_migrations"):
        return []
    rows = db.conn.execute(
        "SELECT name FROM _mopsboard_migrations WHERE migration_set = %s ORDER BY id",
        [MIGRATION_SET],
    ).fetchall()
    return [str(row[0]) for row in rows]


def _check_ours(db: ServerConnection) -> None:
    tables = _user_tables(db)
    if "_mopsboard_meta" not in tables:
        if not tables:
            raise NotAWorkspace(
                f"{db.where}: the database holds no workspace yet. Create one with "
                "'mopsboard init URL', or publish a file to it with 'mopsboard publish FILE URL'."
            )
        raise NotAWorkspace(
            f"{db.where}: the database holds another program's tables, not a mopsboard "
            "workspace. mopsboard leaves it untouched."
        )
    row = db.conn.execute(
        "SELECT value FROM _mopsboard_meta WHERE key = 'application_id'"
    ).fetchone()
    if row is None or row[0] != str(APPLICATION_ID):
        raise NotAWorkspace(
            f"{db.where}: the database is not a mopsboard workspace (its meta table is "
            "another program's). mopsboard leaves it untouched."
        )
    unknown = set(applied_migrations(db)) - KNOWN_MIGRATIONS
    if unknown:
        raise TooNewWorkspace(
            f"{db.where}: this workspace was made by a newer mopsboard (it has changes this "
            "version does not know). Update mopsboard to open it; nothing was changed."
        )


def apply_steps(db: ServerConnection) -> None:
    """The pending steps and their records, in one transaction under the write lock: a second
    program upgrading at the same moment waits, then finds nothing left to do."""
    conn: psycopg.Connection[Any] = db.conn
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])
        # Each step's statements in one round trip (plain SQL without parameters may be many).
        conn.execute(";\n".join(META_TABLES).encode())
        conn.execute(
            "INSERT INTO _mopsboard_meta (key, value) VALUES ('application_id', %s) "
            "ON CONFLICT (key) DO NOTHING",
            [str(APPLICATION_ID)],
        )
        done = set(applied_migrations(db))
        for name, statements in STEPS:
            if name in done:
                continue
            if statements:
                conn.execute(";\n".join(statements).encode())
            conn.execute(
                "INSERT INTO _mopsboard_migrations (migration_set, name, applied_at) "
                "VALUES (%s, %s, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US'))",
                [MIGRATION_SET, name],
            )
    db.schema_changed()


def _may_write(db: ServerConnection) -> bool:
    row = db.conn.execute(
        "SELECT current_setting('transaction_read_only') = 'off' "
        "AND has_table_privilege(current_user, 'tasks', 'INSERT, UPDATE, DELETE')"
    ).fetchone()
    return bool(row and row[0])


def open_server(
    url: str, *, read_only: bool = False, lock_timeout_ms: int = DEFAULT_LOCK_TIMEOUT_MS
) -> tuple[ServerConnection, bool]:
    """Open the workspace at `url`. Returns the connection and whether it is read-only (asked,
    or all the role may do)."""
    db = _connect(url, lock_timeout_ms)
    try:
        _check_ours(db)
        pending = bool(KNOWN_MIGRATIONS - set(applied_migrations(db)))
        if pending:
            if read_only or not _may_write(db):
                raise WorkspaceError(
                    f"{db.where}: the workspace needs an upgrade to this mopsboard's format, "
                    "which someone who may change it must make (open it once with the mopsboard "
                    "role); nothing was changed."
                )
            apply_steps(db)
        return db, read_only or not _may_write(db)
    except psycopg.Error as error:
        db.close()
        raise db.translate(error) from None
    except WorkspaceError:
        db.close()
        raise


def create_server(url: str, *, lock_timeout_ms: int = DEFAULT_LOCK_TIMEOUT_MS) -> ServerConnection:
    """A new, empty workspace (schema only) in an empty database at `url`."""
    db = _connect(url, lock_timeout_ms)
    try:
        tables = _user_tables(db)
        if tables:
            raise WorkspaceExists(
                f"{db.where}: the database is not empty ({', '.join(tables[:5])}); nothing was "
                "changed. Create an empty database for the workspace."
            )
        apply_steps(db)
        return db
    except psycopg.Error as error:
        db.close()
        raise db.translate(error) from None
    except WorkspaceError:
        db.close()
        raise

"""What the whole-workspace transfer (store/transfer.py) asks of the schema, on a server.

The export's `sqlite_sequence` table (the highest id each table ever gave) is read from, and
written back to, the tables' identity sequences, so a workspace copied to a server and back
still never gives a deleted row's id to another.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from psycopg import sql

from mopsboard.store.server.connection import ServerConnection

_OURS = "\\_mopsboard\\_%"


def data_tables(db: ServerConnection) -> list[str]:
    rows = db.conn.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
        "AND table_type = 'BASE TABLE' AND table_name NOT LIKE %s ORDER BY table_name",
        [_OURS],
    ).fetchall()
    return [str(row[0]) for row in rows]


def parents(db: ServerConnection, table: str) -> set[str]:
    rows = db.conn.execute(
        "SELECT DISTINCT confrelid::regclass::text FROM pg_constraint "
        "WHERE contype = 'f' AND conrelid = %s::regclass",
        [table],
    ).fetchall()
    return {str(row[0]).strip('"') for row in rows}


def key_columns(db: ServerConnection, table: str) -> list[str]:
    rows = db.conn.execute(
        "SELECT a.attname FROM pg_index i JOIN pg_attribute a "
        "ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
        "WHERE i.indrelid = %s::regclass AND i.indisprimary ORDER BY a.attnum",
        [table],
    ).fetchall()
    return [str(row[0]) for row in rows]


def sequence_rows(db: ServerConnection, tables: Iterable[str]) -> list[tuple[Any, ...]]:
    """(table, highest id given) for each table whose ids a sequence gives, as SQLite's
    sqlite_sequence lists them: tables that never gave an id are left out."""
    rows = []
    with_ids = db.tables_with_id()
    for table in sorted(t for t in tables if t in with_ids):
        row = db.conn.execute(
            "SELECT pg_sequence_last_value(pg_get_serial_sequence(%s, 'id')::regclass)",
            [table],
        ).fetchone()
        if row is not None and row[0] is not None:
            rows.append((table, int(row[0])))
    return rows


def has_sequence(db: ServerConnection, table: str) -> bool:
    if table not in db.tables_with_id():
        return False
    row = db.conn.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table]).fetchone()
    return bool(row and row[0])


def set_sequences(db: ServerConnection, rows: Iterable[Sequence[Any]]) -> int:
    """Moves each named table's sequence to at least the given highest id; returns how many."""
    count = 0
    for name, highest in rows:
        table = str(name)
        if not has_sequence(db, table):
            continue
        db.conn.execute(
            sql.SQL(
                "SELECT setval(pg_get_serial_sequence(%s, 'id'), "
                "GREATEST(%s, (SELECT COALESCE(MAX(id), 1) FROM {})))"
            ).format(sql.Identifier(table)),
            [table, int(highest)],
        )
        count += 1
    return count

"""A whole workspace as tables, and tables back into a workspace: the store's side of the
lossless workspace file (mopsboard/io/workspace_json.py writes and reads the JSON).

Tables are found from the schema, not listed here, so a table a later migration adds is carried
along without a change to this module. Rows travel exactly as SQLite holds them (order keys,
versions, timestamps, JSON text, values another program wrote badly), so exporting an imported
workspace gives back the same file, and the same export. A server workspace travels the same
way (store/server/transfer.py answers its schema questions): `copy_workspace` is the road
between a file and a server, either way.
"""

from __future__ import annotations

import graphlib
from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mopsboard.domain.errors import MopsboardError
from mopsboard.store.base import StoreBase
from mopsboard.store.connection import Cursor, StoreConnection
from mopsboard.store.database import applied_migrations
from mopsboard.store.migrations import KNOWN_MIGRATIONS

if TYPE_CHECKING:
    from mopsboard.store.server.connection import ServerConnection

# SQLite's own tables and the migration record (the export names its migrations instead).
_NOT_DATA = ("sqlite_%", "\\_sqlite\\_migrations")
# The next ids of AUTOINCREMENT tables (an id once used is never given again): SQLite's own
# table, but data all the same, so it travels too, after the tables whose ids it counts.
SEQUENCES = "sqlite_sequence"
# What `mopsboard init` writes into a new workspace: such a workspace still counts as empty.
_DEFAULT_TABLES = frozenset({"boards", "stages", "personas", "settings"})

Value = None | int | float | str | bytes


class TransferError(MopsboardError):
    """A workspace cannot be exported or imported; the message says where and why."""


@dataclass(frozen=True)
class TableRows:
    """One table: its columns in schema order and its rows, each a tuple of those columns."""

    name: str
    columns: tuple[str, ...]
    rows: Iterable[Sequence[Value]]


def _server(store: StoreBase) -> ServerConnection | None:
    from mopsboard.store.server.connection import ServerConnection

    return store.db if isinstance(store.db, ServerConnection) else None


def _data_tables(store: StoreBase) -> list[str]:
    if server := _server(store):
        from mopsboard.store.server import transfer

        return transfer.data_tables(server)
    rows = store.db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE ? "
        "AND name NOT LIKE ? ESCAPE '\\' ORDER BY name",
        list(_NOT_DATA),
    ).fetchall()
    # A virtual table (a full-text index) and the tables it keeps are derived from the data:
    # their owner fills them from the rows (its triggers run as the rows go in).
    virtual = [str(name) for name, sql in rows if str(sql).upper().startswith("CREATE VIRTUAL")]
    return [
        str(name)
        for name, _sql in rows
        if not any(str(name) == v or str(name).startswith(v + "_") for v in virtual)
    ]


def _parents(store: StoreBase, table: str) -> set[str]:
    if server := _server(store):
        from mopsboard.store.server import transfer

        return transfer.parents(server, table) - {table}
    rows = store.db.execute(f"PRAGMA foreign_key_list({_quoted(table)})").fetchall()
    return {str(row[2]) for row in rows if str(row[2]) != table}


def _has_sequences(store: StoreBase) -> bool:
    if _server(store):
        return True  # the identity columns' sequences, exported as SQLite's table of them
    return bool(
        store.db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [SEQUENCES]
        ).fetchone()
    )


def table_order(store: StoreBase) -> list[str]:
    """Every data table, each after the tables its rows refer to (then by name), and last the
    AUTOINCREMENT sequences when there are any."""
    tables = _data_tables(store)
    parents = {table: _parents(store, table) & set(tables) for table in tables}
    ordered: list[str] = []
    while len(ordered) < len(tables):
        ready = [t for t in tables if t not in ordered and parents[t] <= set(ordered)]
        # A cycle of references (none today) is broken by name; the import defers its checks.
        ordered.extend(ready or [next(t for t in tables if t not in ordered)])
    return [*ordered, SEQUENCES] if _has_sequences(store) else ordered


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table_columns(store: StoreBase, table: str) -> tuple[str, ...]:
    if table == SEQUENCES and _server(store):
        return ("name", "seq")
    return store.db.columns(table)


def _order_by(store: StoreBase, table: str) -> str:
    if server := _server(store):
        from mopsboard.store.server import transfer

        return ", ".join(_quoted(key) for key in transfer.key_columns(server, table))
    rows = store.db.execute(f"PRAGMA table_info({_quoted(table)})").fetchall()
    keys = [str(row[1]) for row in sorted(rows, key=lambda r: r[5]) if row[5]]
    return ", ".join(_quoted(key) for key in keys) if keys else "rowid"


def schema_steps(store: StoreBase) -> list[str]:
    """The named migrations the workspace's schema is made of, in the order they ran."""
    if server := _server(store):
        from mopsboard.store.server.database import applied_migrations as server_steps

        return server_steps(server)
    return applied_migrations(store._file_only("The schema's record"))


def export_tables(store: StoreBase) -> Generator[TableRows]:
    """Every data table with its rows in key order, read in one read transaction so the tables
    agree with each other even while another program writes. Rows are streamed: iterate each
    table's rows before moving to the next table."""
    with store._read() as db:
        yield from _export_tables(store, db)


def _export_tables(store: StoreBase, db: StoreConnection) -> Iterator[TableRows]:
    server = _server(store)
    began = not db.in_transaction
    if began:
        # A server's snapshot, as SQLite's read transaction is one.
        db.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" if server else "BEGIN")
    try:
        tables = table_order(store)
        for table in tables:
            columns = table_columns(store, table)
            if table == SEQUENCES and server:
                from mopsboard.store.server import transfer

                rows = transfer.sequence_rows(server, [t for t in tables if t != SEQUENCES])
                yield TableRows(table, columns, iter(rows))
                continue
            selected = ", ".join(_quoted(c) for c in columns)
            cursor = db.execute(
                f"SELECT {selected} FROM {_quoted(table)} "  # noqa: S608
                f"ORDER BY {_order_by(store, table)}"
            )
            yield TableRows(table, columns, _fetch(cursor))
    finally:
        if began and db.in_transaction:
            db.execute("COMMIT")


def _fetch(cursor: Cursor) -> Iterator[Sequence[Value]]:
    while batch := cursor.fetchmany(1000):
        yield from batch


# -- importing ------------------------------------------------------------------------------------


def what_is_in(store: StoreBase) -> list[str]:
    """What keeps the workspace from counting as empty (an empty list when nothing does): any
    row beyond the default board, its stages and the four personas `mopsboard init` writes,
    unchanged."""
    found = []
    for table in _data_tables(store):
        count = int(store.db.execute(f"SELECT COUNT(*) FROM {_quoted(table)}").fetchone()[0])  # noqa: S608
        if count and table not in _DEFAULT_TABLES:
            found.append(f"{count} rows in {table}")
    boards = int(store.db.execute("SELECT COUNT(*) FROM boards").fetchone()[0])
    if boards > 1:
        found.append(f"{boards} boards")
    for table in ("boards", "stages", "personas"):
        edited = store.db.execute(
            f"SELECT COUNT(*) FROM {table} WHERE version != 1"  # noqa: S608
        ).fetchone()[0]
        if edited:
            found.append(f"{edited} edited rows in {table}")
    return found


def check_schema(steps: Sequence[str]) -> None:
    unknown = [step for step in steps if step not in KNOWN_MIGRATIONS]
    if unknown:
        raise TransferError(
            f"the file was exported by a newer mopsboard (its schema has {unknown[0]!r}, which "
            "this version does not know). Update mopsboard to import it; nothing was written."
        )


def import_tables(store: StoreBase, tables: Iterable[TableRows]) -> dict[str, int]:
    """Replaces the contents of an empty workspace with `tables`, in one unit of work; returns
    the number of rows per table. References are checked once all rows are in, so tables may
    come in any order; any problem rolls the whole import back."""
    counts: dict[str, int] = {}
    server = _server(store)
    with store._write() as db:
        refusal = what_is_in(store)
        if refusal:
            raise TransferError(
                f"{store.location}: the workspace is not empty ({', '.join(refusal)}). Import a "
                "workspace file into a new workspace: give a file name that does not exist yet."
            )
        order = table_order(store)
        known = set(order)
        if server is None:
            db.execute("PRAGMA defer_foreign_keys = ON")
        # Children first: a server checks each reference as the row goes (or goes in).
        for name in reversed(order):
            if not (server and name == SEQUENCES):
                db.execute(f"DELETE FROM {_quoted(name)}")  # noqa: S608
        sequences = None
        for table in tables:
            if table.name == SEQUENCES:
                sequences = table  # once every id is in: inserting them moves the counters
            else:
                counts[table.name] = _insert_table(store, table, known)
        if sequences is not None and server:
            from mopsboard.store.server import transfer

            counts[SEQUENCES] = transfer.set_sequences(server, sequences.rows)
        elif sequences is not None:
            db.execute(f"DELETE FROM {SEQUENCES}")  # noqa: S608
            counts[SEQUENCES] = _insert_table(store, sequences, known)
        if server is None:
            _check_references(store)
        if "task_links" in known:
            _check_link_loops(store)
        for name, count in counts.items():
            if name == SEQUENCES:
                continue
            if count and "id" in store._columns(name):
                ids = [r[0] for r in db.execute(f"SELECT id FROM {_quoted(name)}")]  # noqa: S608
                store._changed(name, ids, "inserted")
            else:
                store._changed(name, [], "inserted")
    return counts


def _insert_table(store: StoreBase, table: TableRows, known: set[str]) -> int:
    if table.name not in known:
        raise TransferError(
            f"table {table.name!r}: this workspace has no such table (the file was made by "
            "another version or program); nothing was imported."
        )
    columns = set(store._columns(table.name))
    for column in table.columns:
        if column not in columns:
            raise TransferError(
                f"table {table.name!r}: there is no column {column!r} in this workspace; "
                "nothing was imported."
            )
    names = ", ".join(_quoted(c) for c in table.columns)
    marks = ", ".join("?" for _ in table.columns)
    sql = f"INSERT INTO {_quoted(table.name)} ({names}) VALUES ({marks})"  # noqa: S608
    db = store.db
    inserted = 0
    try:
        for row in table.rows:
            db.execute(sql, list(row))
            inserted += 1
    except db.refusals as error:
        raise TransferError(
            f"table {table.name!r}, row {inserted + 1}: the workspace refuses it ({error}); "
            "nothing was imported."
        ) from error
    return inserted


def _check_references(store: StoreBase) -> None:
    problems = store.db.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        table, rowid, parent = problems[0][0], problems[0][1], problems[0][2]
        raise TransferError(
            f"table {table!r}, row with id {rowid}: it refers to a row of {parent!r} that the "
            f"file does not hold ({len(problems)} such references); nothing was imported."
        )


def _check_link_loops(store: StoreBase) -> None:
    # Rows go in as the file holds them, past the store's link rules; a loop would leave its
    # tasks each waiting for another for good, and the app refuses to make one.
    waits_for: dict[int, set[int]] = {}
    for predecessor, successor in store.db.execute(
        "SELECT predecessor_id, successor_id FROM task_links"
    ):
        waits_for.setdefault(int(successor), set()).add(int(predecessor))
    try:
        graphlib.TopologicalSorter(waits_for).prepare()
    except graphlib.CycleError as error:
        # Each task of the loop is waited for by the next one.
        loop = [int(task) for task in error.args[1]]
        titles = dict(
            store.db.execute(
                f"SELECT id, title FROM tasks WHERE id IN ({', '.join('?' for _ in loop)})",  # noqa: S608
                loop,
            ).fetchall()
        )
        chain = " \u2192 ".join(f"task {task} '{titles.get(task, '')}'" for task in loop)
        raise TransferError(
            f"table 'task_links': its links loop ({chain}), so none of those tasks could ever "
            "start; nothing was imported."
        ) from error


def copy_workspace(source: StoreBase, target: StoreBase) -> dict[str, int]:
    """Everything `source` holds into the empty workspace `target` (a file into a server, or
    back), in one unit of work of the target's, losslessly, as the workspace file would carry
    it; returns the rows per table."""
    check_schema(schema_steps(source))
    tables = export_tables(source)
    try:
        return import_tables(target, tables)
    finally:
        # A refused import leaves the export half read: its read transaction ends here, while
        # the source is still open.
        tables.close()

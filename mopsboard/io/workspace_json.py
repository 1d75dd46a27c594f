"""The lossless workspace file: every table of a workspace as JSON (docs/workspace.schema.json
describes it), and such a file back into a new workspace.

    {"format": "mopsboard-workspace", "format_version": 1,
     "schema": ["0001_initial_schema", ...],
     "tables": {"boards": {"columns": ["id", "name", ...], "rows": [[1, "Launches", ...]]}, ...}}

Rows are written exactly as SQLite holds them, one row per line, tables in the order their
references need and rows by key, so the same workspace always gives the same bytes, and importing
a file and exporting it again gives the file back. The file names no moment of its own (no
"exported at"), for the same reason. An SQLite value JSON cannot hold is written as an object:
`{"blob": BASE64}` for bytes, `{"real": "Infinity"}` (or "-Infinity") for an infinite number.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from mopsboard.io.importers.source import ImportRefused, Source, parse_json, read_text
from mopsboard.io.out_files import write_text_file
from mopsboard.store.base import StoreBase
from mopsboard.store.transfer import (
    TableRows,
    TransferError,
    Value,
    check_schema,
    export_tables,
    import_tables,
    schema_steps,
)

FORMAT = "mopsboard-workspace"
FORMAT_VERSION = 1
_INT64 = (-(2**63), 2**63 - 1)


@dataclass(frozen=True)
class WorkspaceFile:
    """A workspace file as read, checked, ready for the store."""

    schema: tuple[str, ...]
    tables: tuple[TableRows, ...]

    @property
    def row_counts(self) -> dict[str, int]:
        return {t.name: len(t.rows) for t in self.tables if isinstance(t.rows, tuple)}


# -- writing --------------------------------------------------------------------------------------


def _json_value(value: Value) -> Any:
    if isinstance(value, bytes):
        return {"blob": base64.b64encode(value).decode("ascii")}
    if isinstance(value, float) and math.isinf(value):
        return {"real": "Infinity" if value > 0 else "-Infinity"}
    return value


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def write_workspace(store: StoreBase, handle: IO[str]) -> dict[str, int]:
    """Writes the workspace to `handle`, row by row; returns the rows written per table."""
    counts: dict[str, int] = {}
    handle.write("{\n")
    handle.write(f'  "format": {_dumps(FORMAT)},\n')
    handle.write(f'  "format_version": {FORMAT_VERSION},\n')
    handle.write(f'  "schema": {_dumps(schema_steps(store))},\n')
    handle.write('  "tables": {')
    for n, table in enumerate(export_tables(store)):
        handle.write("," if n else "")
        handle.write(f'\n    {_dumps(table.name)}: {{\n      "columns": {_dumps(table.columns)},')
        handle.write('\n      "rows": [')
        count = 0
        for row in table.rows:
            handle.write("," if count else "")
            handle.write("\n        " + _dumps([_json_value(v) for v in row]))
            count += 1
        handle.write("\n      ]\n    }" if count else "]\n    }")
        counts[table.name] = count
    handle.write("\n  }\n}\n")
    return counts


def export_workspace(store: StoreBase, target: Path) -> dict[str, int]:
    """Writes the workspace file to `target`, whole or not at all."""
    counts: dict[str, int] = {}

    def write(handle: IO[str]) -> None:
        counts.update(write_workspace(store, handle))

    write_text_file(target, "the workspace file", write)
    return counts


# -- reading --------------------------------------------------------------------------------------


def is_workspace_file(data: object) -> bool:
    return isinstance(data, dict) and data.get("format") == FORMAT


def _refuse(source: Source, where: str, what: str) -> ImportRefused:
    return ImportRefused(f"{source.path}: {where}: {what}; nothing was imported.")


def _value(source: Source, where: str, value: Any) -> Value:
    if value is None or isinstance(value, str | float):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        if not _INT64[0] <= value <= _INT64[1]:
            raise _refuse(source, where, f"{value} is too large for the workspace")
        return value
    if isinstance(value, dict) and len(value) == 1:
        if isinstance(value.get("blob"), str):
            try:
                return base64.b64decode(value["blob"], validate=True)
            except (binascii.Error, ValueError):
                raise _refuse(source, where, "the blob is not valid base64") from None
        if value.get("real") in ("Infinity", "-Infinity"):
            return math.inf if value["real"] == "Infinity" else -math.inf
    shown = json.dumps(value)[:40]
    raise _refuse(source, where, f"{shown} is not a value a workspace holds")


def _table(source: Source, name: str, body: Any) -> TableRows:
    where = f"table {name!r}"
    if not isinstance(body, dict) or set(body) != {"columns", "rows"}:
        raise _refuse(source, where, 'it must be an object with "columns" and "rows"')
    columns, rows = body["columns"], body["rows"]
    if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
        raise _refuse(source, where, '"columns" must be a list of column names')
    if len(set(columns)) != len(columns):
        raise _refuse(source, where, "a column is named twice")
    if not isinstance(rows, list):
        raise _refuse(source, where, '"rows" must be a list of rows')
    checked: list[tuple[Value, ...]] = []
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, list) or len(row) != len(columns):
            raise _refuse(
                source, f"{where}, row {number}", f"a row must list {len(columns)} values"
            )
        checked.append(
            tuple(
                _value(source, f"{where}, row {number}, column {column!r}", value)
                for column, value in zip(columns, row, strict=True)
            )
        )
    return TableRows(name, tuple(columns), tuple(checked))


def read_workspace_file(source: Source) -> WorkspaceFile:
    """The checked contents of a workspace file, or a refusal naming the table, row and column."""
    data = parse_json(source, read_text(source))
    if not is_workspace_file(data):
        raise ImportRefused(f"{source.path}: is not a mopsboard workspace file.")
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _refuse(source, "format_version", "it must be a whole number")
    if version > FORMAT_VERSION:
        raise ImportRefused(
            f"{source.path}: the workspace file has format version {version}; this mopsboard "
            f"reads version {FORMAT_VERSION}. Update mopsboard to import it."
        )
    steps = data.get("schema")
    if not isinstance(steps, list) or not all(isinstance(s, str) for s in steps):
        raise _refuse(source, "schema", "it must list the schema's migrations by name")
    try:
        check_schema(steps)
    except TransferError as error:
        raise ImportRefused(f"{source.path}: {error}") from None
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise _refuse(source, "tables", "it must be an object of tables")
    return WorkspaceFile(
        tuple(steps), tuple(_table(source, name, body) for name, body in tables.items())
    )


def import_workspace(store: StoreBase, workspace: WorkspaceFile) -> dict[str, int]:
    """Rebuilds an empty workspace from a workspace file, in one unit of work; returns the rows
    per table."""
    try:
        return import_tables(store, workspace.tables)
    except TransferError as error:
        raise ImportRefused(str(error)) from None

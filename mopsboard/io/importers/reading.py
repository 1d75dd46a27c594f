"""An import file read as what it is: a Trello board, a CSV table or a mopsboard workspace
file, found from its content (or as the user says), and nothing written yet."""

from __future__ import annotations

from pathlib import Path

from mopsboard.io.importers.csv_import import read_csv
from mopsboard.io.importers.options import ImportOptions
from mopsboard.io.importers.source import (
    Format,
    ImportRefused,
    Source,
    first_character,
    open_source,
    parse_json,
    read_text,
)
from mopsboard.io.importers.trello import is_trello_board, read_trello
from mopsboard.io.workspace_json import WorkspaceFile, is_workspace_file, read_workspace_file
from mopsboard.store.board_import import BoardImport


def _head_text(source: Source) -> str:
    with source.path.open("r", encoding=source.encoding, errors="replace", newline="") as f:
        return f.read(4096)


__all__ = ["ImportOptions", "detect_format", "read_import"]


def detect_format(source: Source) -> Format:
    """json or trello for a JSON document, csv for any other text."""
    if first_character(_head_text(source)) not in ("{", "["):
        return "csv"
    data = parse_json(source, read_text(source))
    if is_workspace_file(data):
        return "json"
    if is_trello_board(data):
        return "trello"
    raise not_a_board(source)


def not_a_board(source: Source) -> ImportRefused:
    return ImportRefused(
        f'{source.path}: is JSON, but neither a Trello board export (it has no "lists" and '
        '"cards"; in Trello use Menu > Print, export and share > Export as JSON) nor a '
        "mopsboard workspace file."
    )


def read_import(path: Path, options: ImportOptions) -> BoardImport | WorkspaceFile:
    """The file's board (Trello, CSV) or whole workspace (JSON), checked, or a refusal."""
    source = open_source(path)
    kind = options.format or detect_format(source)
    if kind == "json":
        return read_workspace_file(source)
    if kind == "trello":
        data = parse_json(source, read_text(source))
        if not is_trello_board(data):
            raise not_a_board(source)
        return read_trello(
            data, fallback_name=path.stem, archived=options.archived, zone=options.zone
        )
    return read_csv(source, options)

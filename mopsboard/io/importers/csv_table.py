"""A CSV file read as a table of task fields: its separator found from its first lines, its
rows streamed (only the cells of mapped columns are kept), at most MAX_ROWS of them."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from mopsboard.io.csv_safe import FORMULA_STARTS, restore
from mopsboard.io.importers.csv_fields import (
    IGNORE,
    Preset,
    apply_overrides,
    auto_map,
    find_preset,
)
from mopsboard.io.importers.source import ImportRefused, Source
from mopsboard.io.importers.text import plural

MAX_ROWS = 100_000
DELIMITERS = (",", ";", "\t", "|")
_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}
_SAMPLE = 65536


@dataclass(frozen=True)
class Row:
    number: int  # as a spreadsheet numbers it: the header is row 1
    cells: Mapping[str, tuple[tuple[str, str], ...]]  # field -> ((column header, text), ...)


@dataclass
class CsvTable:
    headers: list[str]
    fields: list[str]
    preset: Preset
    delimiter: str
    encoding: str
    rows: list[Row] = field(default_factory=list)
    # The first rows whole, as the file holds them, for a preview.
    sample: list[list[str]] = field(default_factory=list)

    @property
    def separator(self) -> str:
        return _NAMES[self.delimiter]


def _text_handle(source: Source) -> Iterator[str]:
    try:
        with source.path.open("r", encoding=source.encoding, errors="strict", newline="") as f:
            yield from f
    except UnicodeDecodeError as error:
        raise ImportRefused(
            f"{source.path}: the text is not valid {source.encoding} (byte {error.start} of a "
            "line); save the file again as UTF-8 and import it."
        ) from None


def _sample(source: Source) -> str:
    with source.path.open("r", encoding=source.encoding, errors="replace", newline="") as f:
        return f.read(_SAMPLE)


def sniff_delimiter(sample: str) -> tuple[str, bool]:
    """The separator, and whether the first line is Excel's `sep=X` line."""
    first = sample.lstrip("\ufeff").split("\n", 1)[0].strip()
    if first.lower().startswith("sep=") and first[4:5] in DELIMITERS:
        return first[4:5], True
    # The complete lines of the sample: the last one may be cut.
    lines = sample.splitlines()[:-1] or sample.splitlines()
    best, score = ",", (0, 0)
    for delimiter in DELIMITERS:
        try:
            widths = [len(r) for r in csv.reader(lines[:200], delimiter=delimiter) if r]
        except csv.Error:
            continue
        if not widths:
            continue
        width, agreeing = Counter(widths).most_common(1)[0]
        candidate = (agreeing if width > 1 else 0, width)
        if candidate > score:
            best, score = delimiter, candidate
    return best, False


def _unescape(cell: str, own_export: bool) -> str:
    cell = cell.replace("\r\n", "\n")
    if own_export:
        return restore(cell)
    # A spreadsheet or Wekan put an apostrophe before a cell that would run as a formula.
    if cell.startswith("'") and cell[1:2] and cell[1] in FORMULA_STARTS:
        return cell[1:]
    return cell


def _records(source: Source, delimiter: str, skip_sep: bool) -> Iterator[tuple[int, list[str]]]:
    csv.field_size_limit(1 << 20)
    reader = csv.reader(_text_handle(source), delimiter=delimiter, strict=True)
    number = 0
    try:
        for record in reader:
            if skip_sep and number == 0 and reader.line_num == 1:
                skip_sep = False
                continue
            number += 1
            yield number, record
    except csv.Error as error:
        raise ImportRefused(
            f"{source.path}: line {reader.line_num} is not valid CSV ({error}); nothing was "
            "imported."
        ) from None


def _refuse_too_many(source: Source, delimiter: str, skip_sep: bool) -> None:
    """Counts the rows before any is kept, so a file far too long costs no memory."""
    rows = 0
    for _number, record in _records(source, delimiter, skip_sep):
        rows += any(cell.strip() for cell in record)
        if rows > MAX_ROWS + 1:  # the header and MAX_ROWS rows
            raise ImportRefused(
                f"{source.path}: the file has more than {MAX_ROWS:,} rows; mopsboard imports at "
                "most that many at once. Split it and import the parts one by one. Nothing was "
                "imported."
            )


def _headers(source: Source, record: list[str]) -> list[str]:
    headers = [" ".join(h.lstrip("\ufeff").split()) for h in record]
    return [h or f"Column {n}" for n, h in enumerate(headers, start=1)]


def read_table(
    source: Source, overrides: Mapping[str, str], *, limit: int | None = None
) -> CsvTable:
    """The file's headers, the field of each column and its rows (at most `limit`, for a
    preview; else all of them, refusing past MAX_ROWS)."""
    delimiter, skip_sep = sniff_delimiter(_sample(source))
    if limit is None:
        _refuse_too_many(source, delimiter, skip_sep)
    records = _records(source, delimiter, skip_sep)
    table: CsvTable | None = None
    for number, record in records:
        if not any(cell.strip() for cell in record):
            continue
        if table is None:
            headers = _headers(source, record)
            preset = find_preset(headers)
            try:
                fields = apply_overrides(headers, auto_map(headers, preset), overrides)
            except ValueError as error:
                raise ImportRefused(f"{source.path}: --map: {error}.") from None
            table = CsvTable(headers, fields, preset, delimiter, source.encoding)
            continue
        if limit is not None and len(table.rows) >= limit:
            break
        table.rows.append(_row(source, table, number, record))
        if len(table.sample) < 20:
            table.sample.append(record)
    if table is None:
        raise ImportRefused(f"{source.path}: the file holds no rows; there is nothing to import.")
    if not table.rows:
        raise ImportRefused(
            f"{source.path}: the file has a header ({', '.join(table.headers[:8])}) but no "
            "rows; there is nothing to import."
        )
    return table


def _row(source: Source, table: CsvTable, number: int, record: list[str]) -> Row:
    width = len(table.headers)
    if len(record) > width and any(cell.strip() for cell in record[width:]):
        raise ImportRefused(
            f"{source.path}: row {number} has {plural(len(record), 'cell')}, but the header "
            f"names {plural(width, 'column')} (a separator or quote out of place?); nothing "
            "was imported."
        )
    cells: dict[str, list[tuple[str, str]]] = {}
    for header, mapped, cell in zip(table.headers, table.fields, record, strict=False):
        if mapped != IGNORE and cell.strip():
            text = _unescape(cell, table.preset.own_export)
            cells.setdefault(mapped, []).append((header, text))
    return Row(number, {key: tuple(value) for key, value in cells.items()})

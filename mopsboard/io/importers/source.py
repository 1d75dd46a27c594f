"""A file to import, before it is believed: what it is, whether it is too big, how its text is
encoded. Nothing here evaluates content; everything is bounded by MAX_IMPORT_BYTES.

Encodings are decided from the bytes, not guessed from a language model of the text: a byte-order
mark (UTF-8, UTF-16, UTF-32) settles it; otherwise UTF-16 without a mark shows as every other byte
NUL; otherwise a file that decodes as UTF-8 from its first byte to its last is UTF-8, and any other
text is Windows-1252 (what Excel writes on Western-European Windows, and a superset of Latin-1's
printable characters).
"""

from __future__ import annotations

import codecs
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from mopsboard.domain.errors import MopsboardError
from mopsboard.store.open_files import is_open_here

MAX_IMPORT_BYTES = 200 * 1024 * 1024
MAX_IMPORT_TEXT = "200 MB"
# Deeper than any board export: refused before the parser would run out of stack.
MAX_JSON_DEPTH = 64
_SQLITE_MAGIC = b"SQLite format 3\x00"
_CHUNK = 1 << 20
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Text may hold these; a file with many other control characters is not text.
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1a")

Format = Literal["trello", "csv", "json"]


class ImportRefused(MopsboardError):
    """The file cannot be imported as it is; the message says what is wrong, and where."""


@dataclass(frozen=True)
class Source:
    path: Path
    size: int
    encoding: str


def check_file(path: Path) -> int:
    """The size of a regular, non-empty file of at most MAX_IMPORT_BYTES; refuses anything else
    from its directory entry alone (a pipe is never opened)."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise ImportRefused(f"{path}: no such file.") from None
    except OSError as error:
        raise ImportRefused(f"{path}: the file cannot be read ({error.strerror}).") from None
    if stat.S_ISDIR(status.st_mode):
        raise ImportRefused(f"{path}: is a folder, not a file to import.")
    if not stat.S_ISREG(status.st_mode):
        raise ImportRefused(f"{path}: is not a regular file (a pipe, a device or a socket).")
    if is_open_here(path):
        raise ImportRefused(f"{path}: is an open workspace, not a file to import.")
    if status.st_size == 0:
        raise ImportRefused(f"{path}: the file is empty; there is nothing to import.")
    if status.st_size > MAX_IMPORT_BYTES:
        raise ImportRefused(
            f"{path}: the file is {status.st_size / 1e6:,.0f} MB; mopsboard imports files of "
            f"at most {MAX_IMPORT_TEXT}. Export a smaller part (one board, or fewer rows) and "
            "import the parts one by one."
        )
    return status.st_size


def _head(path: Path, size: int = 65536) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError as error:
        raise ImportRefused(f"{path}: the file cannot be read ({error.strerror}).") from None


def _utf16_without_mark(head: bytes) -> str | None:
    sample = head[: len(head) // 2 * 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.3 and even < half * 0.05:
        return "utf-16-le"
    if even > half * 0.3 and odd < half * 0.05:
        return "utf-16-be"
    return None


def _whole_file_is_utf8(path: Path) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def detect_encoding(path: Path, head: bytes) -> str:
    for mark, encoding in _BOMS:
        if head.startswith(mark):
            return encoding
    wide = _utf16_without_mark(head)
    if wide:
        return wide
    if b"\x00" in head:
        raise not_text(path)
    return "utf-8" if _whole_file_is_utf8(path) else "cp1252"


def not_text(path: Path) -> ImportRefused:
    return ImportRefused(
        f"{path}: is a binary file, not a Trello export (JSON), a CSV file or a mopsboard "
        "workspace file (JSON)."
    )


def looks_binary(path: Path, text: str) -> None:
    """Refuses decoded text that is mostly not text (an image or archive read as Windows-1252)."""
    sample = text[:4096]
    controls = sum(1 for ch in sample if ch < " " and ch not in _TEXT_CONTROLS)
    if "\x00" in sample or (sample and controls / len(sample) > 0.02):
        raise not_text(path)


def open_source(path: Path) -> Source:
    size = check_file(path)
    head = _head(path)
    if head.startswith(_SQLITE_MAGIC):
        raise ImportRefused(
            f"{path}: is an SQLite database (perhaps a mopsboard workspace). Open it with "
            "mopsboard, or export it with 'mopsboard export FILE OUT.json' and import that."
        )
    encoding = detect_encoding(path, head)
    looks_binary(path, head.decode(encoding, errors="replace"))
    return Source(path, size, encoding)


def read_text(source: Source) -> str:
    try:
        with source.path.open("r", encoding=source.encoding, errors="strict", newline="") as f:
            return f.read()
    except UnicodeDecodeError as error:
        raise ImportRefused(
            f"{source.path}: the text is not valid {source.encoding} at byte {error.start}; "
            "save the file again as UTF-8 and import it."
        ) from None
    except OSError as error:
        raise ImportRefused(f"{source.path}: the file cannot be read ({error.strerror}).") from None


def _too_deep(text: str) -> int | None:
    """The offset where the nesting of brackets passes MAX_JSON_DEPTH, outside strings."""
    depth = 0
    in_string = escaped = False
    for offset, ch in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                return offset
        elif ch in "]}":
            depth -= 1
    return None


def parse_json(source: Source, text: str) -> Any:
    """The JSON value of `text`, or a refusal saying where it is broken."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        # Python names a string left open by where it starts ("... starting at"); a string or
        # value left open at the end of the file is a file cut short, said where it stops.
        content = text.rstrip()
        opened_at_end = (
            error.msg.startswith("Unterminated string") and '"' not in text[error.pos + 1 :]
        )
        if error.pos >= len(content) or opened_at_end:
            line = content.count("\n") + 1
            column = len(content) - (content.rfind("\n") + 1)
            raise ImportRefused(
                f"{source.path}: the file looks cut short (truncated): it stops at line "
                f"{line}, column {column}, before its JSON is complete (the export or the "
                "download may have been interrupted; make it again)."
            ) from None
        raise ImportRefused(
            f"{source.path}: not valid JSON at line {error.lineno}, column {error.colno}: "
            f"{error.msg.removesuffix(' starting at')}."
        ) from None
    except RecursionError:
        offset = _too_deep(text) or 0
        line = text.count("\n", 0, offset) + 1
        raise ImportRefused(
            f"{source.path}: the JSON is nested more than {MAX_JSON_DEPTH} levels deep (line "
            f"{line}); no board export is, so it was not read."
        ) from None


def first_character(text: str) -> str:
    stripped = text.lstrip("\ufeff \t\r\n")
    return stripped[:1]

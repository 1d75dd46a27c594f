"""Reading a row that another program wrote badly, without losing the workspace or the row.

Rows mopsboard writes are valid, but SQLite takes whatever a script, a spreadsheet sync or an
older tool puts in a column: `'legal, gdpr'` for the labels, `'2026-02-30'` for a due date. One
such value must not make the workspace unreadable, so every table follows one rule:

- the row is read; a field that cannot be read reads as its default and the record carries a
  `FieldProblem` saying which field, why, and what the file holds (a required field, which has no
  default, keeps what the file holds when that is text, else a harmless stand-in);
- the problem is shown where the record is (a card's mark, the editor next to the field, a CLI
  warning), and the editors refuse to save until the field has been given a value again;
- the stored value is never replaced behind the user's back: writing the record back with the
  field still at what it was read as puts the stored value back as it was (`keep_unread`), so a
  drag, a reschedule or an undo leaves it for the user to fix.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Collection, Mapping
from datetime import UTC, date, datetime
from typing import Any, TypeVar, cast

from pydantic import BaseModel, ValidationError, create_model

from mopsboard.domain.errors import MopsboardError, field_label, validation_messages
from mopsboard.domain.models import FieldProblem, Record
from mopsboard.store.connection import StoreConnection

R = TypeVar("R", bound="Record[Any]")

# What a required field reads as when the file holds something of the wrong kind.
_STAND_INS: dict[object, object] = {str: "(unreadable)", int: 1, date: date(1970, 1, 1)}
_JSON_WORDS = {"labels": "a list of labels", "checklist": "a list of checklist items"}
# The store sets this on every write: an unreadable one is simply replaced, nothing to report.
_STORE_SET = frozenset({"updated_at"})
# Columns the file requires (NOT NULL) though the model allows none: read as a stand-in, so a
# write of the record goes in before the stored value is put back.
_NOT_NULL: dict[str, object] = {"created_at": datetime(1970, 1, 1, tzinfo=UTC)}


def read_record(model_class: type[R], row: Mapping[str, Any], json_columns: Collection[str]) -> R:
    """`row` as a record: validated as it is, else salvaged field by field."""
    values = dict(row)
    try:
        for key in json_columns:
            if isinstance(values.get(key), str):
                _parse(values, key)
        return model_class.model_validate(values)
    except ValueError:  # a ValidationError or a JSONDecodeError: the rare row worth the work
        return salvage(model_class, row, json_columns)


def salvage(model_class: type[R], row: Mapping[str, Any], json_columns: Collection[str]) -> R:
    """The record with each field it cannot read replaced (see the module's rule)."""
    fields = model_class.model_fields
    values = {key: value for key, value in row.items() if key in fields}
    problems: dict[str, FieldProblem] = {}
    for key in json_columns:
        if isinstance(values.get(key), str):
            try:
                _parse(values, key)
            except ValueError:
                problems[key] = _json_problem(model_class, key, row[key])
                del values[key]
    kept: dict[str, object] = {}
    for _attempt in range(len(fields) + 1):
        try:
            record = model_class.model_validate(values)
            break
        except ValidationError as error:
            failing = _failing_fields(error, json_columns)
        if "" in failing:
            # Every field reads, but not together (a due date before the start): read it as it is,
            # as a row that needs no salvage is; the editor's own checks show that one.
            record = _unchecked(model_class, values)
            break
        for key, reason in failing.items():
            stored = row.get(key)
            info = fields[key]
            if key in _NOT_NULL:
                values[key] = read_as = _NOT_NULL[key]
            elif info.is_required():
                stand_in = _STAND_INS.get(info.annotation, stored)
                usable = isinstance(stored, type(stand_in)) and not isinstance(stored, bool)
                values[key] = stand_in
                kept[key] = stored if usable else stand_in
                read_as = kept[key]
            else:
                values.pop(key, None)
                read_as = info.get_default(call_default_factory=True)
            if key not in _STORE_SET:
                problems[key] = FieldProblem(key, stored, read_as, reason)
    else:
        raise MopsboardError(f"A {model_class.__name__.lower()} row could not be read at all.")
    return record.model_copy(update={**kept, "problems": tuple(problems.values())})


def keep_unread(db: StoreConnection, table: str, sent: R, saved: R) -> R:
    """After `saved` (the write of `sent`) went in: puts back, in the same unit of work, what
    the file held in each field of `sent` that could not be read and still holds what it was read
    as. Returns `saved` carrying the problems that remain."""
    unread = _unread(sent)
    if not unread or saved.id is None:
        return saved
    assignments = ", ".join(f"{p.field} = ?" for p in unread)
    db.execute(
        f"UPDATE {table} SET {assignments} WHERE id = ?",  # noqa: S608
        [*(p.stored for p in unread), saved.id],
    )
    return saved.model_copy(update={"problems": tuple(unread)})


def unread_columns(record: Record[Any]) -> dict[str, Any]:
    """The columns to write as the file held them, for a row written whole (an insert)."""
    return {p.field: p.stored for p in _unread(record)}


def _unread(record: Record[Any]) -> list[FieldProblem]:
    # A field given another value since it was read is the user's fix: that value is written.
    return [p for p in record.problems if getattr(record, p.field, None) == p.read_as]


def _parse(values: dict[str, Any], key: str) -> None:
    # An empty text reads as an empty list, as the board's fast path reads it.
    if values[key]:
        values[key] = json.loads(values[key])
    else:
        del values[key]


def _failing_fields(error: ValidationError, json_columns: Collection[str]) -> dict[str, str]:
    failing = validation_messages(error)
    for item in error.errors(include_url=False):
        location = item.get("loc", ())
        key = str(location[0]) if location else ""
        if key in json_columns and item.get("type") != "value_error":
            failing[key] = _json_reason(key)
    return failing


def _json_reason(key: str) -> str:
    return f"{field_label(key)} could not be read as {_JSON_WORDS.get(key, 'a list')}"


def _json_problem(model_class: type[Record[Any]], key: str, stored: object) -> FieldProblem:
    default = model_class.model_fields[key].get_default(call_default_factory=True)
    return FieldProblem(key, stored, default, _json_reason(key))


@functools.cache
def _fields_only(model_class: type[BaseModel]) -> type[BaseModel]:
    """The model's fields with their own checks, without its whole-record checks."""
    definitions: dict[str, Any] = {
        name: (info.annotation, info) for name, info in model_class.model_fields.items()
    }
    made: type[BaseModel] = create_model(f"{model_class.__name__}Fields", **definitions)
    return made


def _unchecked(model_class: type[R], values: dict[str, Any]) -> R:
    converted = _fields_only(model_class).model_validate(values)
    # The pydantic plugin types model_construct on a type variable as the bound class.
    return cast(R, model_class.model_construct(**dict(converted)))

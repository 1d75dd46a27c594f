"""What the user chose for an import: the format, archived cards, the order of day and month,
the CSV columns' fields, and the time zone dates fall in."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import tzinfo

from mopsboard.io.importers.source import Format


@dataclass(frozen=True)
class ImportOptions:
    format: Format | None = None
    archived: bool = False
    # None: decided from the dates themselves, refusing when they could be read either way.
    dayfirst: bool | None = None
    mapping: Mapping[str, str] = field(default_factory=dict)
    # Where the user is (None: this computer's zone).
    zone: tzinfo | None = None

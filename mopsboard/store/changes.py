"""What one committed write changed, as the store reports it to every view."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Change:
    """What one committed write changed: views refresh only these rows."""

    table: str
    ids: frozenset[int]
    kind: str = "updated"  # "inserted", "updated" or "deleted"
    fields: frozenset[str] = field(default_factory=frozenset)

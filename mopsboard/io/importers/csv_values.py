"""A CSV cell as the value of a task field: lists of labels and checklist items, hours, a
priority, yes or no. Each reader returns None (or an empty list) for an empty cell and raises
ValueError, in words, for a value it cannot read."""

from __future__ import annotations

import math
import re

from mopsboard.domain.models import ChecklistItem, Priority
from mopsboard.io.importers.text import clip

MAX_LABEL = 50
MAX_ITEM = 200
# Wekan's label colours, as it writes labels: "name-colour name-colour" ("-green" unnamed).
WEKAN_COLOURS = [
    "white",
    "green",
    "yellow",
    "orange",
    "red",
    "purple",
    "blue",
    "sky",
    "lime",
    "pink",
    "black",
    "silver",
    "peachpuff",
    "crimson",
    "plum",
    "darkgreen",
    "slateblue",
    "magenta",
    "gold",
    "navy",
    "gray",
    "saddlebrown",
    "paleturquoise",
    "mistyrose",
    "indigo",
]
_WEKAN_LABEL = re.compile(r"\s*(.*?)-(" + "|".join(WEKAN_COLOURS) + r")(?=\s|$)")
_DONE_MARK = re.compile(r"^\s*(?:\[(?P<mark>[ xX✓✔]?)\]|(?P<tick>[✓✔☑]))\s*")
_PRIORITIES = {
    **dict.fromkeys(("urgent", "critical", "blocker", "highest", "p0", "p1", "4"), Priority.URGENT),
    **dict.fromkeys(("high", "major", "p2", "3"), Priority.HIGH),
    **dict.fromkeys(("medium", "normal", "p3", "2"), Priority.MEDIUM),
    **dict.fromkeys(("low", "lowest", "minor", "trivial", "p4", "1"), Priority.LOW),
    **dict.fromkeys(("none", "0", ""), Priority.NONE),
}
_YES = frozenset({"yes", "y", "true", "1", "x", "done", "completed", "archived", "ja", "oui", "sí"})
_NO = frozenset({"", "no", "n", "false", "0", "nein", "non"})


def blank(cell: str) -> bool:
    # Wekan writes a single space for an empty cell.
    return not cell.strip()


def split_list(cell: str) -> list[str]:
    """Items one per line, else separated by commas or semicolons."""
    parts = cell.splitlines() if "\n" in cell.strip() else re.split(r"[;,]", cell)
    return [" ".join(part.split()) for part in parts if part.strip()]


def labels(cell: str, *, wekan: bool = False) -> list[str]:
    if wekan and _WEKAN_LABEL.match(cell):
        found = [(name.strip() or colour) for name, colour in _WEKAN_LABEL.findall(cell)]
    else:
        found = split_list(cell)
    return [clip(label, MAX_LABEL) for label in found]


def checklist(cell: str) -> list[ChecklistItem]:
    """Items one per line (or by ;), each done when marked `[x]` or ✓."""
    lines = cell.splitlines() if "\n" in cell.strip() else cell.split(";")
    items = []
    for line in lines:
        mark = _DONE_MARK.match(line)
        done = bool(mark and ((mark["mark"] or "").strip() or mark["tick"]))
        text = " ".join(line[mark.end() :].split()) if mark else " ".join(line.split())
        if text:
            items.append(ChecklistItem(text=clip(text, MAX_ITEM), done=done))
    return items


def hours(cell: str, *, seconds: bool = False) -> float | None:
    """`3`, `2.5`, `2,5`, `3h`, `90m`, `1d` (8 hours), or seconds (Jira's estimates)."""
    text = cell.strip().lower().replace(" ", "")
    if not text:
        return None
    match = re.fullmatch(r"(\d+(?:[.,]\d+)?)(h|hrs?|hours?|m|mins?|d|days?)?", text)
    if match is None:
        raise ValueError(f"{cell.strip()[:30]!r} is not a number of hours")
    number = float(match.group(1).replace(",", "."))
    unit = (match.group(2) or "")[:1]
    if seconds and not unit:
        number /= 3600
    elif unit == "m":
        number /= 60
    elif unit == "d":
        number *= 8
    if math.isinf(number):
        raise ValueError(f"{cell.strip()[:30]!r} is not a number of hours")
    return round(number, 2)


def priority(cell: str) -> Priority:
    found = _PRIORITIES.get(cell.strip().casefold())
    if found is None:
        raise ValueError(
            f"{cell.strip()[:30]!r} is not a priority (urgent, high, medium, low or none)"
        )
    return found


def yes(cell: str) -> bool:
    text = cell.strip().casefold()
    if text in _YES:
        return True
    if text in _NO:
        return False
    # A completion date or time ("Completed At" in Asana) means yes.
    return any(ch.isdigit() for ch in text)

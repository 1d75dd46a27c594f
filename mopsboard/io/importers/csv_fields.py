"""Which column of a CSV file is which field of a task: found from the headers, with presets
for the exports of Jira, Wekan, Asana, mopsboard itself and a plain spreadsheet or editorial
calendar, and changed by the user (`--map COLUMN=FIELD`, or the import dialog)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# The fields a column can fill, in the order the import dialog lists them.
FIELDS: tuple[str, ...] = (
    "title",
    "description",
    "stage",
    "assignee",
    "team",
    "labels",
    "start",
    "due",
    "estimate",
    "campaign",
    "persona",
    "checklist",
    "priority",
    "completed",
    "archived",
    "comment",
)
IGNORE = "ignore"
# Fields that take every column mapped to them (Jira repeats "Labels" and "Sprint"); the others
# take the first.
MANY = frozenset({"labels", "checklist", "comment", "description"})
DATES = frozenset({"start", "due"})

_WORDS: dict[str, tuple[str, ...]] = {
    "title": (
        "title",
        "summary",
        "name",
        "task",
        "task name",
        "card",
        "card name",
        "card title",
        "subject",
        "headline",
        "topic",
        "item",
        "post title",
        "content title",
        "working title",
        "titel",
        "titre",
        "título",
        "titulo",
        "aufgabe",
        "tâche",
        "tarea",
        "tarefa",
        "taak",
    ),
    "description": (
        "description",
        "desc",
        "details",
        "notes",
        "note",
        "body",
        "brief",
        "beschreibung",
        "notizen",
        "descripción",
        "notas",
        "descrição",
        "beschrijving",
        "notities",
    ),
    "stage": (
        "status",
        "stage",
        "list",
        "column",
        "state",
        "section",
        "section column",
        "phase",
        "statut",
        "estado",
        "etapa",
        "fase",
    ),
    "assignee": (
        "assignee",
        "assigned to",
        "assignees",
        "owner",
        "responsible",
        "author",
        "writer",
        "who",
        "person",
        "member",
        "members",
        "verantwortlich",
        "zuständig",
        "responsable",
        "responsável",
        "verantwoordelijke",
    ),
    "team": ("team", "department", "group", "agency", "équipe", "equipo", "equipe"),
    "labels": ("labels", "label", "tags", "tag", "categories", "category", "channel", "channels"),
    "start": (
        "start",
        "start date",
        "starts",
        "begin",
        "start at",
        "start on",
        "beginn",
        "début",
        "inicio",
        "início",
    ),
    "due": (
        "due",
        "due date",
        "deadline",
        "date",
        "due at",
        "due on",
        "publish date",
        "publication date",
        "publish on",
        "go live",
        "go live date",
        "launch date",
        "end date",
        "fällig",
        "fälligkeit",
        "frist",
        "échéance",
        "fecha límite",
        "vencimiento",
        "prazo",
        "vervaldatum",
    ),
    "estimate": (
        "estimate",
        "hours",
        "estimate hours",
        "estimated hours",
        "effort",
        "time estimate",
        "stunden",
        "aufwand",
        "heures",
        "horas",
        "uren",
    ),
    "campaign": ("campaign", "campaigns", "project", "projects", "initiative"),
    "persona": ("persona", "personas"),
    "checklist": ("checklist", "checklist items", "checklists", "to do items"),
    "priority": ("priority",),
    "archived": ("archived",),
}
_KEY = re.compile(r"[\W_]+")


def _key(header: str) -> str:
    return _KEY.sub(" ", header.casefold()).strip()


_BY_WORD = {_key(word): field for field, words in _WORDS.items() for word in words}


@dataclass(frozen=True)
class Preset:
    name: str  # shown to the user: "Jira", "Wekan", ...
    # Headers that together recognise it (compared as _key does), all of them required.
    signature: tuple[str, ...]
    # Headers mapped differently from the plain words above (None: ignore the column).
    columns: Mapping[str, str | None]
    # Jira's "Original Estimate" counts seconds; other estimates count hours.
    estimate_seconds: bool = False
    # Wekan writes labels as "name-colour name-colour".
    wekan_labels: bool = False
    # mopsboard's own export: cells a spreadsheet could run carry an apostrophe to take off.
    own_export: bool = False


PRESETS: tuple[Preset, ...] = (
    Preset(
        "mopsboard",
        ("id", "board", "stage", "title", "estimate hours", "checklist", "updated"),
        {"id": None, "board": None, "created": None, "updated": None, "completed": "completed"},
        own_export=True,
    ),
    Preset(
        "Jira",
        ("summary", "issue key"),
        {
            "issue type": "labels",
            "sprint": "labels",
            "component s": "labels",
            "original estimate": "estimate",
            "custom field start date": "start",
            "custom field team": "team",
            "comment": "comment",
            "project name": None,
            "project": None,
            "reporter": None,
            "creator": None,
            "time spent": None,
            "remaining estimate": None,
            "resolved": None,
        },
        estimate_seconds=True,
    ),
    Preset(
        "Wekan",
        ("title", "list", "swimlane", "due"),
        {
            "list": "stage",
            "owner": None,
            "members": None,
            "end": None,
            "requested by": None,
            "assigned by": None,
        },
        wekan_labels=True,
    ),
    Preset(
        "Asana",
        ("task id", "name", "section column"),
        {
            "section column": "stage",
            "notes": "description",
            "completed at": "completed",
            "assignee email": None,
            "parent task": None,
            "projects": "campaign",
        },
    ),
    Preset("spreadsheet", ("title",), {}),
)
GENERIC = Preset("spreadsheet", (), {})


def _custom_field(key: str) -> str | None:
    """Jira's `Custom field (Start date)` is read as its name inside the parentheses."""
    if key.startswith("custom field "):
        return _BY_WORD.get(key.removeprefix("custom field "))
    return None


def find_preset(headers: Sequence[str]) -> Preset:
    keys = {_key(h) for h in headers}
    for preset in PRESETS:
        if all(word in keys for word in preset.signature):
            return preset
    return GENERIC


def auto_map(headers: Sequence[str], preset: Preset) -> list[str]:
    """The field of each column (IGNORE where none fits); a single field goes to its first
    column only."""
    fields: list[str] = []
    taken: set[str] = set()
    for header in headers:
        key = _key(header)
        if key in preset.columns:
            field = preset.columns[key] or IGNORE
        else:
            field = _BY_WORD.get(key) or _custom_field(key) or IGNORE
        if field != IGNORE and field not in MANY and field in taken:
            field = IGNORE
        taken.add(field)
        fields.append(field)
    return fields


def apply_overrides(
    headers: Sequence[str], fields: list[str], overrides: Mapping[str, str]
) -> list[str]:
    """`fields` with the user's choices (`COLUMN=FIELD`, by header, ignoring case): a field
    the user gives a column is taken from any column it was on before."""
    keys = [_key(h) for h in headers]
    result = list(fields)
    for column, field in overrides.items():
        wanted = field.strip().casefold()
        if wanted not in (*FIELDS, IGNORE):
            raise ValueError(
                f"{field!r} is not a field; the fields are {', '.join(FIELDS)} (or {IGNORE})"
            )
        matches = [n for n, key in enumerate(keys) if key == _key(column)]
        if not matches:
            shown = ", ".join(repr(h) for h in headers[:30])
            raise ValueError(f"there is no column {column!r}; the columns are {shown}")
        if wanted not in MANY and wanted != IGNORE:
            result = [IGNORE if f == wanted else f for f in result]
            matches = matches[:1]
        for n in matches:
            result[n] = wanted
    return result

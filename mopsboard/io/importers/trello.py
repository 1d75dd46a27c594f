"""A Trello board export (Board menu > Print, export and share > Export as JSON) as a board.

Open lists become stages in list order, cards become tasks in card order (`pos`), with their
description, labels (a label without a name by its colour's name: `blue_dark` reads "blue dark"),
checklists, start and due dates (Trello writes them in UTC; a task gets the day they fall on
where the user is), the first member as assignee (the others named in the description), the
comments (`commentCard` actions) and attachments as links at the end of the description.
Archived cards and the cards of closed lists are left out, each listed as skipped, unless
`archived` is asked for: then they come in as archived tasks.

Every field is read for what it should be and anything else is ignored, so an export with fields
this module has never heard of (power-ups, custom fields) reads the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from typing import Any

from mopsboard.domain.fields import MAX_CHECKLIST, MAX_LABELS, MAX_NAME
from mopsboard.domain.models import ChecklistItem
from mopsboard.io.importers.source import ImportRefused
from mopsboard.io.importers.stage_kinds import guess_kind
from mopsboard.io.importers.text import clip, link_list, plural, unique_names
from mopsboard.store.board_import import (
    BoardImport,
    ImportedComment,
    ImportedStage,
    ImportedTask,
    Skipped,
)

MAX_LABEL = 50
_ARCHIVED_HINT = "import with --archived (Archived cards in the import dialog) to bring it in"


def is_trello_board(data: object) -> bool:
    return (
        isinstance(data, dict)
        and isinstance(data.get("lists"), list)
        and isinstance(data.get("cards"), list)
    )


def _dicts(data: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    value = data.get(key)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _text(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    return value if isinstance(value, str) else ""


def _position(data: Mapping[str, Any]) -> float:
    value = data.get("pos")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    try:
        return float(value) if isinstance(value, str) else 0.0
    except ValueError:
        return 0.0


def _moment(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _created(card_id: str) -> datetime | None:
    """Trello ids are MongoDB object ids: their first 8 hex digits are the creation second."""
    if len(card_id) != 24:
        return None
    try:
        return datetime.fromtimestamp(int(card_id[:8], 16), UTC)
    except (ValueError, OverflowError, OSError):
        return None


def _label_name(label: Mapping[str, Any]) -> str:
    name = _text(label, "name").strip()
    return name or _text(label, "color").replace("_", " ").strip()


@dataclass
class _Board:
    """The export's lookups, each read once."""

    data: Mapping[str, Any]
    zone: tzinfo | None

    def __post_init__(self) -> None:
        self.members = {
            _text(m, "id"): (_text(m, "fullName").strip() or _text(m, "username").strip())
            for m in _dicts(self.data, "members")
        }
        self.labels = {_text(label, "id"): label for label in _dicts(self.data, "labels")}
        self.checklists: dict[str, list[dict[str, Any]]] = {}
        for checklist in sorted(_dicts(self.data, "checklists"), key=_position):
            self.checklists.setdefault(_text(checklist, "idCard"), []).append(checklist)
        self.comments: dict[str, list[ImportedComment]] = {}
        for action in _dicts(self.data, "actions"):
            if action.get("type") == "commentCard":
                self._add_comment(action)
        for found in self.comments.values():
            found.sort(key=lambda c: c.at or datetime.min.replace(tzinfo=UTC))

    def _add_comment(self, action: Mapping[str, Any]) -> None:
        data = action.get("data")
        if not isinstance(data, dict) or not isinstance(data.get("card"), dict):
            return
        author = action.get("memberCreator")
        name = ""
        if isinstance(author, dict):
            name = _text(author, "fullName").strip() or _text(author, "username").strip()
        name = name or self.members.get(_text(action, "idMemberCreator"), "") or "Trello user"
        self.comments.setdefault(_text(data["card"], "id"), []).append(
            ImportedComment(
                author=name, at=_moment(_text(action, "date")), text=_text(data, "text")
            )
        )

    def day(self, card: Mapping[str, Any], key: str, where: str) -> date | None:
        value = card.get(key)
        if value is None or value == "":
            return None
        moment = _moment(value) if isinstance(value, str) else None
        if moment is None:
            raise ImportRefused(
                f"{where}: its {'due' if key == 'due' else 'start'} date {str(value)[:40]!r} is "
                "not a date and time Trello writes (such as 2026-03-31T16:00:00.000Z); nothing "
                "was imported."
            )
        return moment.astimezone(self.zone).date() if self.zone else moment.astimezone().date()

    def card_labels(self, card: Mapping[str, Any]) -> tuple[list[str], list[str]]:
        """The card's label names (clipped to what a label holds), and notes on what changed."""
        found = _dicts(card, "labels") or [
            self.labels[i] for i in card.get("idLabels") or [] if i in self.labels
        ]
        names: list[str] = []
        notes: list[str] = []
        for label in found:
            name = _label_name(label)
            if not name:
                continue
            if len(name) > MAX_LABEL:
                notes.append(f"the label {name[:30]!r}... was shortened to {MAX_LABEL} characters")
                name = clip(name, MAX_LABEL)
            if name.casefold() not in {n.casefold() for n in names}:
                names.append(name)
        if len(names) > MAX_LABELS:
            notes.append(f"{len(names) - MAX_LABELS} labels past the first {MAX_LABELS} left out")
        return names[:MAX_LABELS], notes

    def card_checklist(self, card_id: str) -> tuple[list[ChecklistItem], list[str]]:
        lists = self.checklists.get(card_id, [])
        items, notes = [], []
        for checklist in lists:
            prefix = f"{_text(checklist, 'name').strip()}: " if len(lists) > 1 else ""
            for item in sorted(_dicts(checklist, "checkItems"), key=_position):
                text = (prefix + _text(item, "name").strip()).strip()
                if not text or text == prefix.strip():
                    continue
                if len(text) > MAX_NAME:
                    notes.append(f"a checklist item was shortened to {MAX_NAME} characters")
                    text = clip(text, MAX_NAME)
                items.append(ChecklistItem(text=text, done=item.get("state") == "complete"))
        if len(items) > MAX_CHECKLIST:
            notes.append(
                f"{len(items) - MAX_CHECKLIST} checklist items past {MAX_CHECKLIST} left out"
            )
        return items[:MAX_CHECKLIST], notes


def _card_where(card: Mapping[str, Any]) -> str:
    number = card.get("idShort")
    shown = f" (#{number})" if isinstance(number, int) and not isinstance(number, bool) else ""
    return f"card {clip(_text(card, 'name').strip() or '(untitled)', 60)!r}{shown}"


def _description(board: _Board, card: Mapping[str, Any], title: str, full: str) -> str:
    parts = []
    if full != title:
        parts.append(full)
    if _text(card, "desc").strip():
        parts.append(_text(card, "desc").rstrip())
    others = [board.members[m] for m in (card.get("idMembers") or [])[1:] if m in board.members]
    if others:
        parts.append("Also on this card in Trello: " + ", ".join(others))
    links = [(_text(a, "name"), _text(a, "url")) for a in _dicts(card, "attachments")]
    if any(url for _, url in links):
        parts.append("Attachments:\n\n" + link_list(links))
    return "\n\n".join(parts)


def _task(board: _Board, card: Mapping[str, Any], stage: str, archived: bool) -> ImportedTask:
    where = _card_where(card)
    full = " ".join(_text(card, "name").split()) or "(untitled card)"
    title = clip(full, MAX_NAME)
    start, due = board.day(card, "start", where), board.day(card, "due", where)
    notes = []
    if start and due and due < start:
        notes.append(f"its start date {start} is after its due date {due}: the start was left out")
        start = None
    if title != full:
        notes.append(
            f"the title was shortened to {MAX_NAME} characters (the whole title opens "
            "the description)"
        )
    labels, label_notes = board.card_labels(card)
    checklist, checklist_notes = board.card_checklist(_text(card, "id"))
    member_ids = card.get("idMembers") or []
    assignee = board.members.get(member_ids[0]) if member_ids else None
    return ImportedTask(
        where=where,
        title=title,
        stage=stage,
        description=_description(board, card, title, full),
        assignee=assignee or None,
        labels=tuple(labels),
        checklist=tuple(checklist),
        start=start,
        due=due,
        archived=archived,
        created_at=_created(_text(card, "id")),
        comments=tuple(board.comments.get(_text(card, "id"), ())),
        notes=tuple([*notes, *label_notes, *checklist_notes]),
    )


def read_trello(
    data: Mapping[str, Any],
    *,
    fallback_name: str,
    archived: bool = False,
    zone: tzinfo | None = None,
) -> BoardImport:
    """The board in a Trello export; `zone` is where the user is (None: this computer's zone)."""
    board = _Board(data, zone)
    name = " ".join(_text(data, "name").split()) or fallback_name
    lists = sorted(_dicts(data, "lists"), key=_position)
    cards = _dicts(data, "cards")
    by_list: dict[str, list[dict[str, Any]]] = {}
    for card in sorted(cards, key=_position):
        by_list.setdefault(_text(card, "idList"), []).append(card)
    skipped: list[Skipped] = []
    kept_lists = []
    for trello_list in lists:
        closed = bool(trello_list.get("closed"))
        held = by_list.get(_text(trello_list, "id"), [])
        if closed and not archived:
            if held:
                skipped.append(
                    Skipped(
                        f"list {clip(_text(trello_list, 'name'), 60)!r}",
                        f"the list is archived in Trello with {plural(len(held), 'card')}; "
                        + _ARCHIVED_HINT,
                    )
                )
            continue
        if closed and not held:
            continue
        kept_lists.append(trello_list)
    names = unique_names(
        [" ".join(_text(t, "name").split()) or "(untitled list)" for t in kept_lists]
    )
    stages = tuple(ImportedStage(n, guess_kind(n)) for n in names)
    known = {_text(t, "id") for t in lists}
    tasks: list[ImportedTask] = []
    for trello_list, stage in zip(kept_lists, names, strict=True):
        for card in by_list.get(_text(trello_list, "id"), []):
            gone = bool(card.get("closed")) or bool(trello_list.get("closed"))
            if gone and not archived:
                skipped.append(
                    Skipped(_card_where(card), "the card is archived in Trello; " + _ARCHIVED_HINT)
                )
                continue
            tasks.append(_task(board, card, stage, gone))
    for list_id, held in by_list.items():
        if list_id not in known:
            skipped.extend(Skipped(_card_where(c), "its list is not in the export") for c in held)
    return BoardImport(
        board=name,
        stages=stages,
        tasks=tuple(tasks),
        people_team=name,
        skipped=tuple(skipped),
    )

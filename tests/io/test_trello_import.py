"""Trello's board export (Export as JSON) read as a board: lists, cards, labels, checklists,
dates in the user's zone, members, comments and attachments, as Trello documents them."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from mopsboard.domain.models import StageKind
from mopsboard.io.importers.reading import ImportOptions, read_import
from mopsboard.io.importers.source import ImportRefused
from mopsboard.io.importers.trello import read_trello
from mopsboard.store.board_import import BoardImport, ImportedTask

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "trello" / "launch_board.json"
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def export() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return data


def board(data: dict[str, Any], **options: Any) -> BoardImport:
    return read_trello(data, fallback_name="fallback", zone=options.pop("zone", BERLIN), **options)


def task(plan: BoardImport, title: str) -> ImportedTask:
    return next(t for t in plan.tasks if t.title.startswith(title))


def test_open_lists_become_stages_in_list_order_with_guessed_kinds(export: Any) -> None:
    plan = board(export)
    assert plan.board == "Q3 Launch \U0001f680"
    assert [(s.name, s.kind) for s in plan.stages] == [
        ("To Do", StageKind.BACKLOG),
        ("Doing", StageKind.ACTIVE),
        ("Legal approval", StageKind.REVIEW),
        ("Done", StageKind.DONE),
    ]


def test_cards_come_in_card_order_within_their_list(export: Any) -> None:
    export["cards"].append(
        {"id": "x" * 24, "name": "Before the email", "idList": "65f1a2b3c4d5e6f7081900a1", "pos": 1}
    )
    plan = board(export)
    assert [(t.stage, t.title) for t in plan.tasks] == [
        ("To Do", "Before the email"),
        ("To Do", "Write launch email \u2709\ufe0f"),
        ("Doing", "Landing page"),
        ("Done", "Press release"),
    ]


def test_labels_by_name_or_by_colour_name(export: Any) -> None:
    plan = board(export)
    assert task(plan, "Write launch").labels == ("Email", '=HYPERLINK("x")')
    assert task(plan, "Landing").labels == ("blue dark",)
    assert task(plan, "Press").labels == ("lime light",)


def test_labels_are_found_by_id_when_the_card_lists_only_ids(export: Any) -> None:
    for card in export["cards"]:
        card.pop("labels", None)
    assert task(board(export), "Landing").labels == ("blue dark",)


def test_a_label_with_neither_name_nor_colour_is_left_off(export: Any) -> None:
    export["cards"][0]["labels"] = [{"id": "l9", "name": "", "color": None}]
    assert task(board(export), "Landing").labels == ()


def test_checklists_in_order_with_their_done_state(export: Any) -> None:
    items = task(board(export), "Write launch").checklist
    assert [(i.text, i.done) for i in items] == [
        ("Draft: Subject line", True),
        ("Draft: Body copy", False),
        ("Sign-off: CAN-SPAM footer", False),
    ]


def test_utc_dates_land_on_the_users_local_day(export: Any) -> None:
    # Due 2026-03-20 23:30 UTC is already the 21st in Berlin, still the 20th in Los Angeles.
    berlin = task(board(export), "Landing")
    assert (str(berlin.start), str(berlin.due)) == ("2026-03-09", "2026-03-21")
    la = task(board(export, zone=ZoneInfo("America/Los_Angeles")), "Landing")
    assert (str(la.start), str(la.due)) == ("2026-03-08", "2026-03-20")


def test_members_are_people_the_first_one_the_assignee(export: Any) -> None:
    plan = board(export)
    landing = task(plan, "Landing")
    assert landing.assignee == "Jonas Weber"
    assert "Also on this card in Trello: Ana Lima" in landing.description
    # A member without a full name goes by the username.
    assert task(plan, "Press").assignee == "priya_k"
    assert plan.people_team == plan.board


def test_comments_with_author_and_date_oldest_first(export: Any) -> None:
    comments = task(board(export), "Write launch").comments
    assert [(c.author, c.at and c.at.isoformat()) for c in comments] == [
        ("Jonas Weber", "2026-03-02T17:40:00+00:00"),
        ("Ana Lima", "2026-03-03T09:15:00+00:00"),
    ]
    assert comments[1].text == "Draft is in the shared folder, **please** review."


def test_attachments_are_links_and_only_web_links_are_links(export: Any) -> None:
    description = task(board(export), "Landing").description
    assert "- [hero \\[v2\\].png](<https://trello.com/1/cards/" in description
    assert "- javascript link: `javascript:alert(1)`" in description
    assert "](<javascript" not in description


def test_archived_cards_and_closed_lists_are_skipped_and_listed(export: Any) -> None:
    plan = board(export)
    titles = [t.title for t in plan.tasks]
    assert "Old idea (archived card)" not in titles
    assert "Card in a closed list" not in titles
    assert [s.item for s in plan.skipped] == [
        "list 'Parking lot'",
        "card 'Old idea (archived card)' (#3)",
    ]
    assert "--archived" in plan.skipped[0].reason


def test_with_archived_they_come_in_as_archived_tasks(export: Any) -> None:
    plan = board(export, archived=True)
    assert task(plan, "Old idea").archived
    assert task(plan, "Card in a closed list").archived
    assert task(plan, "Card in a closed list").stage == "Parking lot"
    assert not task(plan, "Landing").archived
    assert plan.skipped == ()


def test_the_creation_time_comes_from_the_card_id(export: Any) -> None:
    created = task(board(export), "Landing").created_at
    assert created is not None and created.isoformat() == "2024-03-13T12:57:23+00:00"


def test_a_long_title_is_shortened_and_kept_whole_in_the_description(export: Any) -> None:
    export["cards"][0]["name"] = "Landing " + "very " * 100 + "long"
    landing = task(board(export), "Landing")
    assert len(landing.title) == 200 and landing.title.endswith("\u2026")
    assert landing.description.startswith("Landing very very")
    assert landing.notes == (
        "the title was shortened to 200 characters (the whole title opens the description)",
    )


def test_duplicate_list_names_are_told_apart(export: Any) -> None:
    export["lists"][2]["name"] = "To Do"
    assert [s.name for s in board(export).stages][:2] == ["To Do", "To Do (2)"]


def test_a_start_after_the_due_date_is_dropped_with_a_note(export: Any) -> None:
    export["cards"][0]["start"] = "2026-04-01T10:00:00.000Z"
    landing = task(board(export), "Landing")
    assert landing.start is None
    assert "start date 2026-04-01 is after its due date" in landing.notes[0]


def test_fields_of_the_wrong_kind_are_ignored(export: Any) -> None:
    messy = copy.deepcopy(export)
    messy["cards"][0].update(labels="nope", idMembers=None, attachments=7, pos="bottom")
    messy["members"].append("not a member")
    messy["checklists"].append({"idCard": 5, "checkItems": "x"})
    assert task(board(messy), "Landing").labels == ("blue dark",)


def test_a_date_that_does_not_parse_is_refused_naming_the_card(export: Any) -> None:
    export["cards"][1]["due"] = "next Tuesday"
    with pytest.raises(ImportRefused, match=r"card 'Write launch email .*' \(#1\): its due date"):
        board(export)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('{"lists": [], "cards": [', "truncated"),
        ('{"name": "x", "items": []}', "neither a Trello board export"),
        ("[" * 100_000 + "]" * 100_000, "nested more than 64 levels"),
    ],
)
def test_json_that_is_not_a_trello_board_is_refused(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "board.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportRefused, match=words):
        read_import(path, ImportOptions())


def test_the_fixture_is_found_to_be_trello_from_its_content(tmp_path: Path) -> None:
    path = tmp_path / "no-extension"
    path.write_bytes(FIXTURE.read_bytes())
    plan = read_import(path, ImportOptions(zone=BERLIN))
    assert isinstance(plan, BoardImport) and plan.board == "Q3 Launch \U0001f680"

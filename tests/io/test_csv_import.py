"""CSV files as boards: the exports of Jira, Wekan and Asana, a spreadsheet or editorial
calendar, in the encodings and separators spreadsheets write, with dates read per column."""

from __future__ import annotations

import tracemalloc
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from mopsboard.domain.models import Priority, StageKind
from mopsboard.io.importers.reading import ImportOptions, read_import
from mopsboard.io.importers.source import ImportRefused
from mopsboard.store.board_import import BoardImport, ImportedTask

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "csv"
BERLIN = ZoneInfo("Europe/Berlin")


def read(path: Path, **options: Any) -> BoardImport:
    plan = read_import(path, ImportOptions(zone=BERLIN, **options))
    assert isinstance(plan, BoardImport)
    return plan


def task(plan: BoardImport, title: str) -> ImportedTask:
    return next(t for t in plan.tasks if t.title == title)


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "plan.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_jira_repeated_labels_sprints_custom_fields_and_its_dates() -> None:
    plan = read(FIXTURES / "jira.csv")
    assert [(s.name, s.kind) for s in plan.stages] == [
        ("To Do", StageKind.BACKLOG),
        ("In Progress", StageKind.ACTIVE),
        ("In Review", StageKind.REVIEW),
        ("Done", StageKind.DONE),
    ]
    email = task(plan, "Launch email for Atlas 3.0")
    assert email.labels == ("Task", "email", "launch", "MOPS Sprint 4", "MOPS Sprint 5")
    assert (str(email.start), str(email.due)) == ("2026-03-09", "2026-03-20")
    assert email.estimate == 8.0  # Jira counts seconds: 28800
    assert (email.assignee, email.team, email.priority) == ("Ana Lima", "Content", Priority.HIGH)
    assert email.description == "Draft the launch email.\nTwo subject lines to test."
    assert [(c.author, c.text) for c in email.comments] == [
        ("557058:f1e2d3", "Legal wants the postal address in the footer."),
        ("557058:a1b2c3", "Done, see v2."),
    ]
    assert task(plan, "Legal review of claims").priority == Priority.URGENT


def test_wekan_labels_dates_escaped_formulas_and_archived_rows() -> None:
    plan = read(FIXTURES / "wekan.csv")
    post = task(plan, "Write blog post")
    assert post.labels == ("Urgent", "green", "Needs review")
    assert post.assignee == "jonas"
    assert (str(post.start), str(post.due)) == ("2026-03-09", "2026-03-21")
    # Wekan put an apostrophe before the formula; the title is the text it was given.
    assert task(plan, '=HYPERLINK("http://x")').description == "Escaped by Wekan"
    assert [s.item for s in plan.skipped] == ["row 4 ('Old card')"]
    assert task(read(FIXTURES / "wekan.csv", archived=True), "Old card").archived


def test_asana_sections_projects_and_completed_tasks() -> None:
    plan = read(FIXTURES / "asana.csv")
    assert [s.name for s in plan.stages] == ["Backlog", "Drafting", "Done"]
    assert task(plan, "Audience list").stage == "Done"
    first = task(plan, "Nurture email 1")
    assert (first.stage, first.campaign, first.labels) == (
        "Drafting",
        "Trial nurture",
        ("email", "nurture"),
    )
    assert first.description == "First touch."


def test_an_editorial_calendar_in_windows_1252_with_semicolons() -> None:
    plan = read(FIXTURES / "editorial.csv")
    assert plan.board == "editorial"
    cafe = task(plan, "Caf\u00e9 culture in B2B: a guide")
    assert (str(cafe.due), cafe.labels, cafe.stage) == ("2026-03-03", ("blog", "seo"), "Published")
    assert task(plan, "Newsletter \u2013 March").stage == "Idea"
    assert [s.kind for s in plan.stages] == [StageKind.BACKLOG, StageKind.ACTIVE, StageKind.DONE]


SHEET = 'Title,Due,Tags\r\nNa\u00efve \U0001f680 post,2026-03-31,"a, b"\r\n'


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_encodings_are_recognised(tmp_path: Path, encoding: str) -> None:
    plan = read(write(tmp_path, SHEET, encoding))
    assert [(t.title, str(t.due), t.labels) for t in plan.tasks] == [
        ("Na\u00efve \U0001f680 post", "2026-03-31", ("a", "b"))
    ]


def test_windows_1252_is_recognised(tmp_path: Path) -> None:
    plan = read(write(tmp_path, "Title;Tags\nR\u00e9sum\u00e9 \u20ac;x\n", "cp1252"))
    assert plan.tasks[0].title == "R\u00e9sum\u00e9 \u20ac"


@pytest.mark.parametrize("separator", [",", ";", "\t", "|"])
def test_separators_are_recognised(tmp_path: Path, separator: str) -> None:
    text = f"Title{separator}Status{separator}Notes\nA{separator}Doing{separator}x y\n"
    plan = read(write(tmp_path, text))
    assert (plan.tasks[0].title, plan.tasks[0].stage) == ("A", "Doing")


def test_excels_separator_line_is_obeyed(tmp_path: Path) -> None:
    plan = read(write(tmp_path, "sep=;\r\nTitle;Status\r\nA, with comma;Done\r\n"))
    assert plan.tasks[0].title == "A, with comma"


def test_ambiguous_dates_are_refused_in_words_unless_told(tmp_path: Path) -> None:
    path = write(tmp_path, "Title,Due\nA,05/06/2020\nB,01/02/2020\n")
    with pytest.raises(ImportRefused, match=r"'05/06/2020' in row 2 could be 5 June or May 6"):
        read(path)
    assert str(read(path, dayfirst=True).tasks[0].due) == "2020-06-05"
    assert str(read(path, dayfirst=False).tasks[0].due) == "2020-05-06"


def test_one_value_decides_the_whole_column_and_the_files_other_columns(tmp_path: Path) -> None:
    plan = read(write(tmp_path, "Title,Due,Start\nA,05/06/2020,04/05/2020\nB,13/06/2020,\n"))
    assert (str(plan.tasks[0].due), str(plan.tasks[0].start)) == ("2020-06-05", "2020-05-04")
    assert str(read(write(tmp_path, "Title,Due\nA,05/06/2020\nB,06/13/2020\n")).tasks[0].due) == (
        "2020-05-06"
    )


def test_a_column_mixing_both_orders_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "Title,Due\nA,13/06/2020\nB,06/13/2020\n")
    with pytest.raises(ImportRefused, match=r"mixes day-first dates \('13/06/2020' in row 2\)"):
        read(path)


def test_a_date_that_does_not_parse_names_its_row_and_column(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match=r"row 3, column 'Due': 'soon' is not a date"):
        read(write(tmp_path, "Title,Due\nA,2026-03-01\nB,soon\n"))


def test_the_mapping_can_be_changed_by_column_name(tmp_path: Path) -> None:
    path = write(tmp_path, "Thing,Who,Hours,Channel\nA,Ana,2.5,Email\n")
    with pytest.raises(ImportRefused, match="no column holds the tasks' titles"):
        read(path)
    plan = read(path, mapping={"thing": "title", "Who": "team", "Channel": "ignore"})
    assert (plan.tasks[0].title, plan.tasks[0].team, plan.tasks[0].estimate) == ("A", "Ana", 2.5)
    assert plan.tasks[0].labels == ()


@pytest.mark.parametrize(
    ("mapping", "words"),
    [({"Nope": "title"}, "there is no column 'Nope'"), ({"Who": "boss"}, "'boss' is not a field")],
)
def test_a_wrong_mapping_is_refused(tmp_path: Path, mapping: dict[str, str], words: str) -> None:
    with pytest.raises(ImportRefused, match=words):
        read(write(tmp_path, "Title,Who\nA,Ana\n"), mapping=mapping)


def test_checklists_estimates_and_rows_without_a_title(tmp_path: Path) -> None:
    text = 'Title,Checklist,Estimate\nA,"[x] brief\n[ ] copy",90m\n,orphan,1\nB,one; two,1d\n'
    plan = read(write(tmp_path, text))
    assert [(i.text, i.done) for i in plan.tasks[0].checklist] == [("brief", True), ("copy", False)]
    assert (plan.tasks[0].estimate, plan.tasks[1].estimate) == (1.5, 8.0)
    assert [s.item for s in plan.skipped] == ["row 3"]


def test_an_estimate_that_is_not_hours_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match=r"row 2, column 'Estimate': 'lots' is not a number"):
        read(write(tmp_path, "Title,Estimate\nA,lots\n"))


def test_a_header_only_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match=r"has a header \(Title, Due\) but no rows"):
        read(write(tmp_path, "Title,Due\r\n\r\n"))


def test_a_ragged_row_is_refused_by_its_row_number(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match=r"row 3 has 4 cells, but the header names 2 columns"):
        read(write(tmp_path, "Title,Due\nA,2026-01-01\nB,2026-01-02,x,y\n"))


def test_a_short_row_reads_its_missing_cells_as_empty(tmp_path: Path) -> None:
    plan = read(write(tmp_path, "Title,Due,Tags\nA\n"))
    assert (plan.tasks[0].title, plan.tasks[0].due, plan.tasks[0].labels) == ("A", None, ())


def test_a_broken_quote_is_refused_by_its_line(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match=r"line 2 is not valid CSV"):
        read(write(tmp_path, 'Title,Due\n"A"x,2026-01-01\n'))


def test_a_million_rows_are_refused_before_anything_is_built(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("Title\n")
        handle.writelines(f"t{n}\n" for n in range(1_000_000))
    tracemalloc.start()
    try:
        with pytest.raises(ImportRefused, match=r"more than 100,000 rows"):
            read(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # The rows are counted as they stream past, none kept: far less than the file's 10 MB.
    assert peak < 4_000_000


def test_a_file_past_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        handle.truncate(300 * 1000 * 1000)  # sparse: no disk used
    with pytest.raises(
        ImportRefused, match=r"the file is 300 MB; mopsboard imports files of at most 200 MB"
    ):
        read(path)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "the file is empty"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" + bytes(range(256)) * 8,
            "is a binary file",
        ),
        (b"SQLite format 3\x00" + bytes(100), "is an SQLite database"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(1, 32)) * 40, "is a binary file"),
    ],
)
def test_files_that_are_not_text_are_refused(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(content)
    with pytest.raises(ImportRefused, match=words):
        read(path)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="is a folder"):
        read(tmp_path)


def test_content_stays_text(tmp_path: Path) -> None:
    text = 'Title,Description\n=cmd|"/c calc"!A1,<img src=x onerror=alert(1)> [a](javascript:x)\n'
    plan = read(write(tmp_path, text))
    assert plan.tasks[0].title == '=cmd|"/c calc"!A1'
    assert plan.tasks[0].description == "<img src=x onerror=alert(1)> [a](javascript:x)"

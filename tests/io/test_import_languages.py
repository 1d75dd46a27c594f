"""Files teams write in German, French, Spanish, Portuguese and Dutch: their stage names get
their kinds and their column headers their fields. And a JSON file cut short says so, and
where, in whole words."""

from __future__ import annotations

from pathlib import Path

import pytest

from mopsboard.domain.models import StageKind
from mopsboard.io.importers.reading import ImportOptions, read_import
from mopsboard.io.importers.source import ImportRefused
from mopsboard.io.importers.stage_kinds import guess_kind
from mopsboard.store.board_import import BoardImport

DONE, ACTIVE, REVIEW = StageKind.DONE, StageKind.ACTIVE, StageKind.REVIEW


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        # German
        ("Erledigt", DONE),
        ("Abgeschlossen", DONE),
        ("In Bearbeitung", ACTIVE),
        ("Überprüfung", REVIEW),
        ("Korrektur", REVIEW),
        # French
        ("Terminé", DONE),
        ("Terminée", DONE),
        ("Fini", DONE),
        ("En cours", ACTIVE),
        ("Relecture", REVIEW),
        ("Révision", REVIEW),
        # Spanish
        ("Hecho", DONE),
        ("Hecha", DONE),
        ("Completado", DONE),
        ("Finalizado", DONE),
        ("En progreso", ACTIVE),
        ("Haciendo", ACTIVE),
        ("En revisión", REVIEW),
        # Portuguese
        ("Concluído", DONE),
        ("Concluido", DONE),
        ("Pronto", DONE),
        ("Em progresso", ACTIVE),
        ("Fazendo", ACTIVE),
        ("Em revisão", REVIEW),
        # Dutch
        ("Klaar", DONE),
        ("Gedaan", DONE),
        ("Afgerond", DONE),
        ("Voltooid", DONE),
        ("Bezig", ACTIVE),
        ("In uitvoering", ACTIVE),
        ("Beoordeling", REVIEW),
        ("Controle", REVIEW),
    ],
)
def test_stage_names_of_other_languages_get_their_kind(name: str, kind: StageKind) -> None:
    assert guess_kind(name) is kind


@pytest.mark.parametrize("name", ["Backlog", "Ideen", "Idées", "Ideas", "Por hacer", "Te doen"])
def test_a_name_of_work_not_started_stays_backlog(name: str) -> None:
    assert guess_kind(name) is StageKind.BACKLOG


def test_a_german_spreadsheet_is_read_without_mapping_a_column(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_bytes(
        "Titel;Fällig;Status;Verantwortlich;Stunden;Notizen\n"
        "Pressemitteilung;12.01.2027;Erledigt;Sofia;3,5;Café-Interview\n".encode("cp1252")
    )
    plan = read_import(path, ImportOptions())
    assert isinstance(plan, BoardImport)
    task = plan.tasks[0]
    assert (task.title, task.assignee, task.estimate, task.description) == (
        "Pressemitteilung",
        "Sofia",
        3.5,
        "Café-Interview",
    )
    assert str(task.due) == "2027-01-12"
    assert [(s.name, s.kind) for s in plan.stages] == [("Erledigt", DONE)]


def test_a_json_file_cut_short_says_so_and_where(tmp_path: Path) -> None:
    path = tmp_path / "board.json"
    path.write_text('{"name": "Launch", "lists": [], "cards": [{"name": "Write the em', "utf-8")
    with pytest.raises(ImportRefused) as refused:
        read_import(path, ImportOptions())
    text = str(refused.value)
    assert "looks cut short" in text
    assert "it stops at line 1, column 64" in text
    # A whole sentence: no message of Python's JSON reader ending on "at".
    assert not text.rstrip(".").endswith(" at") and "starting at." not in text

"""The lossless workspace file: every table out, every row back, the same bytes again."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from mopsboard.domain.models import Task
from mopsboard.domain.templates import CampaignTemplate, TemplateTask
from mopsboard.io.demo import create_demo_file
from mopsboard.io.importers.source import ImportRefused, open_source
from mopsboard.io.workspace_json import export_workspace, import_workspace, read_workspace_file
from mopsboard.store.workspace import Workspace

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "docs" / "workspace.schema.json"


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(document)
    return document


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.mopsboard"
    create_demo_file(path)
    with Workspace.open(path) as ws:
        board = ws.boards()[0].key
        stage = ws.stages(board)[0].key
        ws.add_task(
            Task(board_id=board, stage_id=stage, title="Emoji \U0001f680 und Umlaute \u00e4")
        )
        ws.add_template(
            CampaignTemplate(
                name="Saved one", tasks=(TemplateTask(title="Brief", stage="Backlog", offset=3),)
            )
        )
        ws.set_setting("calendar_id", "abc")
    return path


def export(path: Path, out: Path) -> bytes:
    with Workspace.open(path) as ws:
        export_workspace(ws, out)
    return out.read_bytes()


def import_into(json_path: Path, target: Path, *, defaults: bool = False) -> dict[str, int]:
    data = read_workspace_file(open_source(json_path))
    ws = (
        Workspace.create(target, defaults=defaults)
        if not target.exists()
        else Workspace.open(target)
    )
    with ws:
        return import_workspace(ws, data)


def test_the_export_follows_the_documented_schema(demo: Path, tmp_path: Path, schema: Any) -> None:
    data = json.loads(export(demo, tmp_path / "out.json"))
    jsonschema.validate(data, schema)
    assert data["format"] == "mopsboard-workspace"
    assert data["format_version"] == 1
    assert len(data["tables"]["tasks"]["rows"]) == 81
    assert data["tables"]["campaign_templates"]["rows"][0][1] == "Saved one"
    assert data["tables"]["settings"]["rows"] == [["calendar_id", "abc"]]


def test_a_file_breaking_the_schema_is_caught_by_it(schema: Any) -> None:
    broken = {"format": "mopsboard-workspace", "format_version": 1, "schema": [], "tables": {}}
    jsonschema.validate(broken, schema)
    broken["tables"] = {"tasks": {"columns": ["id"], "rows": [[[1, 2]]]}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_import_then_export_gives_the_same_bytes(demo: Path, tmp_path: Path) -> None:
    first = export(demo, tmp_path / "first.json")
    counts = import_into(tmp_path / "first.json", tmp_path / "copy.mopsboard")
    assert counts["tasks"] == 81
    assert export(tmp_path / "copy.mopsboard", tmp_path / "second.json") == first


def test_the_copy_reads_as_the_original(demo: Path, tmp_path: Path) -> None:
    export(demo, tmp_path / "out.json")
    import_into(tmp_path / "out.json", tmp_path / "copy.mopsboard")
    with Workspace.open(demo) as a, Workspace.open(tmp_path / "copy.mopsboard") as b:
        assert a.tasks(include_archived=True) == b.tasks(include_archived=True)
        assert a.members() == b.members()
        assert a.time_off() == b.time_off()
        assert a.templates() == b.templates()
        assert a.campaigns(include_archived=True) == b.campaigns(include_archived=True)
        assert a.setting("calendar_id") == b.setting("calendar_id") == "abc"


def test_values_another_program_wrote_badly_travel_as_they_are(demo: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(demo)
    conn.execute("UPDATE tasks SET due_date = '2026-02-30', labels = 'legal, gdpr' WHERE id = 1")
    conn.execute("UPDATE tasks SET description = ? WHERE id = 2", [b"\x00\xffraw"])
    conn.execute("UPDATE tasks SET estimate_hours = 9e999 WHERE id = 3")
    conn.commit()
    conn.close()
    first = export(demo, tmp_path / "first.json")
    import_into(tmp_path / "first.json", tmp_path / "copy.mopsboard")
    assert export(tmp_path / "copy.mopsboard", tmp_path / "second.json") == first
    conn = sqlite3.connect(tmp_path / "copy.mopsboard")
    row = conn.execute("SELECT due_date, labels FROM tasks WHERE id = 1").fetchone()
    blob = conn.execute("SELECT description FROM tasks WHERE id = 2").fetchone()[0]
    conn.close()
    assert row == ("2026-02-30", "legal, gdpr")
    assert blob == b"\x00\xffraw"


def test_every_table_is_exported_and_documented(tmp_path: Path, schema: Any) -> None:
    """A table a migration adds is exported without a change to the exporter; this test asks
    that it is also documented in docs/workspace.schema.json, column by column."""
    with Workspace.create(tmp_path / "w.mopsboard") as ws:
        tables = {
            row[0]: [c[1] for c in ws.db.execute(f"PRAGMA table_info({row[0]})").fetchall()]
            for row in ws.db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite%' AND name != '_sqlite_migrations'"
            ).fetchall()
        }
        export_workspace(ws, tmp_path / "out.json")
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert set(data["tables"]) - {"sqlite_sequence"} == set(tables)
    documented = schema["properties"]["tables"]["properties"]
    for table, columns in tables.items():
        assert table in documented, f"table {table} is not in docs/workspace.schema.json"
        listed = schema["$defs"]["columns"][table]["allOf"]
        names = {entry["contains"]["const"] for entry in listed}
        assert set(columns) <= names, f"{table}: {set(columns) - names} undocumented"


def test_a_table_a_later_migration_adds_comes_along(tmp_path: Path) -> None:
    create = (
        "CREATE TABLE task_notes (id INTEGER PRIMARY KEY, "
        "task_id INTEGER NOT NULL REFERENCES tasks(id), text TEXT NOT NULL)"
    )
    source = tmp_path / "a.mopsboard"
    with Workspace.create(source) as ws:
        board = ws.boards()[0].key
        task = ws.add_task(Task(board_id=board, stage_id=ws.stages(board)[0].key, title="T"))
        ws.db.execute(create)
        ws.db.execute("INSERT INTO task_notes VALUES (1, ?, 'a note')", [task.key])
        ws.db.conn.commit()
    first = export(source, tmp_path / "a.json")
    assert '"task_notes"' in first.decode()
    target = tmp_path / "b.mopsboard"
    with Workspace.create(target, defaults=False) as ws:
        ws.db.execute(create)
        ws.db.conn.commit()
    import_into(tmp_path / "a.json", target)
    assert export(target, tmp_path / "b.json") == first


def test_the_next_ids_of_autoincrement_tables_travel_too(tmp_path: Path) -> None:
    create = "CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT, text TEXT NOT NULL)"
    source = tmp_path / "a.mopsboard"
    with Workspace.create(source) as ws:
        ws.db.execute(create)
        ws.db.execute("INSERT INTO notes (text) VALUES ('a'), ('b'), ('c')")
        ws.db.execute("DELETE FROM notes WHERE id > 1")
        ws.db.conn.commit()
    first = export(source, tmp_path / "a.json")
    target = tmp_path / "b.mopsboard"
    with Workspace.create(target, defaults=False) as ws:
        ws.db.execute(create)
        ws.db.conn.commit()
    import_into(tmp_path / "a.json", target)
    assert export(target, tmp_path / "b.json") == first
    with Workspace.open(target) as ws:
        ws.db.execute("INSERT INTO notes (text) VALUES ('d')")
        assert ws.db.execute("SELECT MAX(id) FROM notes").fetchone()[0] == 4


def test_a_workspace_made_by_init_counts_as_empty(demo: Path, tmp_path: Path) -> None:
    first = export(demo, tmp_path / "first.json")
    import_into(tmp_path / "first.json", tmp_path / "init.mopsboard", defaults=True)
    assert export(tmp_path / "init.mopsboard", tmp_path / "second.json") == first


def test_a_workspace_with_work_in_it_is_refused_untouched(demo: Path, tmp_path: Path) -> None:
    export(demo, tmp_path / "out.json")
    before = export(demo, tmp_path / "before.json")
    with pytest.raises(ImportRefused, match=r"not empty \(.*81 rows in tasks"):
        import_into(tmp_path / "out.json", demo)
    assert export(demo, tmp_path / "after.json") == before


def _broken(tmp_path: Path, demo: Path, change: Any) -> Path:
    data = json.loads(export(demo, tmp_path / "good.json"))
    change(data)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d.update(format_version=2), "format version 2"),
        (lambda d: d["schema"].append("0099_from_the_future"), "newer mopsboard"),
        (lambda d: d["tables"].update(nonsense={"columns": [], "rows": []}), "no such table"),
        (lambda d: d["tables"]["boards"]["columns"].__setitem__(1, "nom"), "no column 'nom'"),
        (lambda d: d["tables"]["tasks"]["rows"][4].pop(), "table 'tasks', row 5"),
        (lambda d: d["tables"]["tasks"]["rows"][0].__setitem__(4, [1]), "row 1, column 'title'"),
        (lambda d: d["tables"]["tasks"]["rows"][0].__setitem__(0, 2**64), "too large"),
        (lambda d: d["tables"]["stages"]["rows"][0].__setitem__(4, "doing"), "'stages', row 1"),
        (lambda d: d["tables"].pop("stages"), "refers to a row of 'stages'"),
        (lambda d: d["tables"]["tasks"].pop("rows"), '"columns" and "rows"'),
    ],
)
def test_a_broken_file_is_refused_and_nothing_remains(
    demo: Path, tmp_path: Path, change: Any, words: str
) -> None:
    path = _broken(tmp_path, demo, change)
    target = tmp_path / "new.mopsboard"
    with Workspace.create(target) as ws:
        before = export(target, tmp_path / "empty.json")
        with pytest.raises(ImportRefused) as refused:
            import_workspace(ws, read_workspace_file(open_source(path)))
    assert words in str(refused.value)
    assert export(target, tmp_path / "after.json") == before

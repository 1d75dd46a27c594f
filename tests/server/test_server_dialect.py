"""The store's SQL as PostgreSQL takes it (no server needed)."""

from __future__ import annotations

import re

from mopsboard.store.server.dialect import to_postgres


def test_placeholders_become_psycopgs_and_a_literal_percent_is_kept() -> None:
    statement = to_postgres("SELECT id FROM tasks WHERE title LIKE '50%?' AND id = ? AND b = \"?\"")
    assert statement.sql == (
        "SELECT id FROM tasks WHERE title LIKE '50%%?' AND id = %s AND b = \"?\""
    )
    assert statement.inserts_into is None


def test_a_statement_without_parameters_is_sent_as_written() -> None:
    assert to_postgres("SELECT '100%' FROM boards", False).sql == "SELECT '100%' FROM boards"


def test_nocase_ordering_folds_ascii_as_sqlite_does() -> None:
    assert to_postgres("SELECT * FROM teams ORDER BY name COLLATE NOCASE, id").sql == (
        "SELECT * FROM teams ORDER BY lower(name), id"
    )


def test_a_glob_becomes_the_same_whole_string_pattern() -> None:
    sql = to_postgres("SELECT 1 WHERE d NOT GLOB '[0-9][0-9]-*?.x'", False).sql
    pattern = re.search(r"!~ '(.*)'", sql)
    assert pattern is not None
    regex = re.compile(pattern.group(1))
    assert regex.search("12-abc.x") and regex.search("12-zz.x")
    assert (
        not regex.search("1a-abc.x") and not regex.search("12-.x") and not regex.search("x12-ab.x")
    )


def test_an_insert_says_its_table_and_whether_it_gives_the_ids() -> None:
    given = to_postgres("INSERT INTO comments (id, task_id) VALUES (?, ?)")
    chosen = to_postgres('INSERT INTO "tasks" (title) VALUES (?)')
    returning = to_postgres("INSERT INTO boards (name) VALUES (?) RETURNING id")
    assert (given.inserts_into, given.gives_ids) == ("comments", True)
    assert (chosen.inserts_into, chosen.gives_ids) == ("tasks", False)
    assert returning.inserts_into is None

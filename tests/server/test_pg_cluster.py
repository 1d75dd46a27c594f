"""The throwaway server the server tests run against (tests/pg_server.py)."""

from __future__ import annotations

import psycopg

from tests.pg_server import Cluster


def test_each_test_gets_an_empty_database_of_its_own(server_url: str, pg_cluster: Cluster) -> None:
    other = pg_cluster.new_database()
    try:
        assert other != server_url
        with psycopg.connect(server_url) as conn:
            conn.execute("CREATE TABLE mine (id INTEGER)")
        with psycopg.connect(other) as conn:
            tables = conn.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
            ).fetchone()
        assert tables == (0,)
    finally:
        pg_cluster.drop_database(other)


def test_the_cluster_listens_on_loopback_only(server_url: str) -> None:
    with psycopg.connect(server_url) as conn:
        assert conn.execute("SHOW listen_addresses").fetchone() == ("127.0.0.1",)

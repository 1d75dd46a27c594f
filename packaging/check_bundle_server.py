"""The bundle's program on a server workspace: psycopg and its libpq travel in the bundle.

    .venv/bin/python packaging/check_bundle_server.py PROGRAM

Starts a throwaway PostgreSQL cluster (tests/pg_server.py), then runs PROGRAM with an empty
environment: `init URL`, `add-task URL --title ...`, `tasks URL --json`. Where no server can
start, it says so and passes (as the server tests skip).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.pg_server import Cluster  # noqa: E402


def main(program: str) -> int:
    cluster = Cluster()
    cluster.start()
    if cluster.url is None:
        print(f"check_bundle_server: skipped, no PostgreSQL server: {cluster.reason}")
        return 0
    try:
        url = cluster.new_database()
        with tempfile.TemporaryDirectory() as home:
            clean = {"PATH": "/usr/bin:/bin", "HOME": home}

            def run(*args: str) -> str:
                done = subprocess.run(
                    [program, *args], capture_output=True, text=True, env=clean, check=False
                )
                if done.returncode != 0:
                    raise SystemExit(f"check_bundle_server: {args[0]} failed: {done.stderr}")
                return done.stdout

            run("init", url)
            run("add-task", url, "--title", "Made by the bundle")
            titles = [row["title"] for row in json.loads(run("tasks", url, "--json"))]
        if titles != ["Made by the bundle"]:
            print(f"check_bundle_server: the server workspace lists {titles}", file=sys.stderr)
            return 1
    finally:
        cluster.stop()
    print("check_bundle_server: the bundle made, wrote and read a server workspace")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

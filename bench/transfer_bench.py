"""Bringing work in and taking it out, as a user does it: `mopsboard import` of a Trello export
of 10,000 cards (with labels, checklists and comments) and `mopsboard export` of a 50,000-task
workspace (the demo on one board, bench/workspaces.py) to a workspace file, each timed as a
fresh process from the command to its exit (so the figure includes starting Python and loading
mopsboard, as the user waits for them)."""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.workspaces import one_board_file

CARDS = 10_000
LISTS = ("Ideas", "To Do", "Doing", "Legal review", "Done")
COLOURS = ("green", "yellow", "orange", "red", "purple", "blue_dark", "sky_light", "lime", None)
RUNS = 3
TARGETS: dict[str, float | str] = {
    "import_trello_10k_s": "a few seconds",
    "trello_10k_export_mb": "the Trello file's size",
    "export_json_50k_s": "a few seconds",
    "export_json_50k_mb": "the exported file's size",
    "transfer_cli_floor_s": "Python importing the command line",
}


def _id(n: int, kind: int) -> str:
    # Trello's ids are 24 hex digits, the first 8 a creation second.
    return f"{0x65F00000 + n:08x}{kind:04x}{n:012x}"


def trello_export(cards: int, seed: int = 3) -> dict[str, Any]:
    """A Trello board export shaped as Trello writes one, with the fields a real one carries."""
    rng = random.Random(seed)
    board = _id(0, 0)
    members = [
        {"id": _id(n, 1), "fullName": f"Person {n}", "username": f"person{n}", "initials": "P"}
        for n in range(12)
    ]
    labels = [
        {
            "id": _id(n, 2),
            "idBoard": board,
            "name": "" if n % 3 == 0 else f"Label {n}",
            "color": colour,
            "uses": 0,
        }
        for n, colour in enumerate(COLOURS)
    ]
    lists = [
        {
            "id": _id(n, 3),
            "name": name,
            "closed": False,
            "idBoard": board,
            "pos": 65535 * (n + 1),
            "subscribed": False,
            "softLimit": None,
        }
        for n, name in enumerate(LISTS)
    ]
    result_cards, checklists, actions = [], [], []
    for n in range(cards):
        card_id = _id(n, 4)
        chosen = rng.sample(labels, rng.randint(0, 3))
        month, day, hour = rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23)
        due = f"2026-{month:02d}-{day:02d}T{hour:02d}:00:00.000Z"
        result_cards.append(
            {
                "id": card_id,
                "address": None,
                "badges": {"attachments": 0, "comments": 1},
                "checkItemStates": [],
                "closed": n % 50 == 0,
                "coordinates": None,
                "dateLastActivity": "2026-03-01T12:00:00.000Z",
                "desc": f"Card {n}: brief, audience and channel.\n\n- one\n- two",
                "descData": {},
                "due": due if n % 2 else None,
                "dueComplete": False,
                "dueReminder": None,
                "start": None,
                "idBoard": board,
                "idChecklists": [],
                "idLabels": [x["id"] for x in chosen],
                "idList": lists[n % len(lists)]["id"],
                "idMembers": [m["id"] for m in rng.sample(members, 2)],
                "idShort": n + 1,
                "labels": chosen,
                "name": f"Campaign task {n} \u2728",
                "pos": rng.random() * 1e6,
                "shortLink": f"s{n}",
                "shortUrl": f"https://trello.com/c/s{n}",
                "url": f"https://trello.com/c/s{n}/{n}",
                "cover": {"color": None},
                "attachments": [
                    {
                        "id": _id(n, 5),
                        "name": "brief.pdf",
                        "url": f"https://example.com/{n}.pdf",
                        "bytes": 1000,
                        "isUpload": True,
                        "mimeType": "application/pdf",
                    }
                ]
                if n % 5 == 0
                else [],
                "pluginData": [],
                "customFieldItems": [],
            }
        )
        if n % 2 == 0:
            checklists.append(
                {
                    "id": _id(n, 6),
                    "name": "Steps",
                    "idBoard": board,
                    "idCard": card_id,
                    "pos": 16384,
                    "checkItems": [
                        {
                            "id": _id(n * 4 + k, 7),
                            "name": f"Step {k}",
                            "pos": 16384 * (k + 1),
                            "state": "complete" if k < 2 else "incomplete",
                            "idChecklist": _id(n, 6),
                        }
                        for k in range(4)
                    ],
                }
            )
        actions.append(
            {
                "id": _id(n, 8),
                "idMemberCreator": members[n % 12]["id"],
                "type": "commentCard",
                "date": "2026-03-02T10:00:00.000Z",
                "data": {
                    "text": f"Comment on card {n}",
                    "card": {"id": card_id, "name": "x", "idShort": n + 1},
                    "board": {"id": board},
                    "list": {"id": lists[n % len(lists)]["id"]},
                },
                "memberCreator": {
                    "id": members[n % 12]["id"],
                    "fullName": members[n % 12]["fullName"],
                    "username": members[n % 12]["username"],
                },
            }
        )
    return {
        "id": board,
        "name": "Generated launch board",
        "desc": "",
        "closed": False,
        "prefs": {"permissionLevel": "private"},
        "labelNames": {},
        "actions": actions,
        "cards": result_cards,
        "labels": labels,
        "lists": lists,
        "checklists": checklists,
        "members": members,
        "customFields": [],
        "pluginData": [],
    }


def _seconds(command: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - began


def run(results: dict[str, float], workdir: Path) -> None:
    export = workdir / "trello-10k.json"
    export.write_text(json.dumps(trello_export(CARDS)), encoding="utf-8")
    results["trello_10k_export_mb"] = round(export.stat().st_size / 1e6, 1)
    timings = []
    for n in range(RUNS):
        target = workdir / f"imported-{n}.mopsboard"
        timings.append(
            _seconds([sys.executable, "-m", "mopsboard", "import", str(target), str(export)])
        )
    results["import_trello_10k_s"] = round(statistics.median(timings), 2)

    # The run's demo of 50,000 cards on one board (made once, whichever module needs it first).
    big = one_board_file(workdir, 50_000)
    timings = [
        _seconds(
            [sys.executable, "-m", "mopsboard", "export", str(big), str(workdir / f"w{n}.json")]
        )
        for n in range(RUNS)
    ]
    results["export_json_50k_s"] = round(statistics.median(timings), 2)
    results["export_json_50k_mb"] = round((workdir / "w0.json").stat().st_size / 1e6, 1)
    # The floor: a fresh Python that only loads the command.
    floor = statistics.median(
        _seconds([sys.executable, "-c", "import mopsboard.cli"]) for _ in range(RUNS)
    )
    results["transfer_cli_floor_s"] = round(floor, 2)

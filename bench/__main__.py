"""Runs the benchmark modules, prints a table and merges the figures into bench.json.

Each module in MODULES has `run(results, workdir)`: it adds figures (name -> number) to `results`
and may keep files in `workdir`, a temporary folder all modules share, so a later module can
reuse a large workspace an earlier one built. A module may also define `TARGETS`, figure name ->
an upper bound (a number) or a description (text). `python -m bench store_bench` runs only the
named modules.
"""

from __future__ import annotations

import argparse
import importlib
import json
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

MODULES = [
    "bench.store_bench",
    "bench.writers_bench",
    "bench.board_bench",
    "bench.startup_bench",
    "bench.timeline_bench",
    "bench.capacity_bench",
    "bench.transfer_bench",
]
OUTPUT = Path(__file__).resolve().parent.parent / "bench.json"


def _load(path: Path) -> dict[str, float]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, int | float)}


def _verdict(value: float, target: Any) -> tuple[str, str]:
    if isinstance(target, int | float) and not isinstance(target, bool):
        return f"<= {target:g}", "ok" if value <= target else "OVER"
    return ("" if target is None else str(target)), ""


def _table(results: dict[str, float], targets: dict[str, Any]) -> str:
    rows = [("figure", "value", "target", "check")]
    for name, value in results.items():
        rows.append((name, f"{value:g}", *_verdict(value, targets.get(name))))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("only", nargs="*", help="module names to run (default: all)")
    args = parser.parse_args(argv)
    selected = [
        m for m in MODULES if not args.only or m in args.only or m.split(".")[-1] in args.only
    ]
    results: dict[str, float] = {}
    targets: dict[str, Any] = {}
    failed = False
    with tempfile.TemporaryDirectory(prefix="mopsboard-bench-") as workdir:
        for name in selected:
            try:
                module = importlib.import_module(name)
            except Exception as error:
                # A module may need what this machine lacks (a display, an optional package).
                print(
                    f"note: skipped {name}: it cannot be imported ({type(error).__name__}: {error})"
                )
                continue
            targets.update(getattr(module, "TARGETS", {}))
            began = time.perf_counter()
            try:
                module.run(results, Path(workdir))
            except Exception:
                failed = True
                print(f"error: {name} failed; the figures it measured so far are kept")
                traceback.print_exc()
            print(f"{name}: {time.perf_counter() - began:.1f} s", flush=True)
    merged = _load(OUTPUT)
    merged.update(results)
    OUTPUT.write_text(json.dumps(merged, indent=2) + "\n", encoding="utf-8")
    print()
    print(_table(results, targets))
    print(f"\n{len(results)} figures written to {OUTPUT} ({len(merged)} in all)")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

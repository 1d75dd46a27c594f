"""Runs the benchmark modules, prints a table and merges the figures into bench.json.

Each module in MODULES has `run(results, workdir)`: it adds figures (name -> number) to `results`
and may keep files in `workdir`, a temporary folder all modules share, so a later module can
reuse a large workspace an earlier one built. A module may also define `TARGETS`, figure name ->
an upper bound (a number) or a description (text), in the order the table shows them; every
figure a module writes is named there. `python -m bench store_bench` runs only the named
modules.

The table has one row per figure with its target and, as this machine is shared and noisy, the
1-minute load average when its module began. bench.json keeps the same names: figures of
modules not run this time stay from earlier runs, names no module writes any more are dropped.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
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
    "bench.scenario_bench",
    "bench.transfer_bench",
    "bench.server_bench",
]
OUTPUT = Path(__file__).resolve().parent.parent / "bench.json"
OWN_TARGETS: dict[str, Any] = {
    "load_avg_1m_start": "1-minute load average as the run began",
    "load_avg_1m_end": "and as it ended (2 cores)",
}


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


def _table(results: dict[str, float], targets: dict[str, Any], loads: dict[str, float]) -> str:
    rows = [("figure", "value", "target", "check", "load")]
    for name, value in results.items():
        load = f"{loads[name]:.2f}" if name in loads else ""
        rows.append((name, f"{value:g}", *_verdict(value, targets.get(name)), load))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def _in_target_order(found: dict[str, float], targets: dict[str, Any]) -> dict[str, float]:
    ordered = {name: found[name] for name in targets if name in found}
    undeclared = [name for name in found if name not in targets]
    if undeclared:
        print(f"note: not in the module's TARGETS: {', '.join(undeclared)}")
    return ordered | {name: found[name] for name in undeclared}


def _known_names() -> set[str] | None:
    """Every figure name a module declares; None when a module cannot be imported here."""
    names: set[str] = set(OWN_TARGETS)
    for name in MODULES:
        try:
            names.update(getattr(importlib.import_module(name), "TARGETS", {}))
        except Exception:
            return None
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("only", nargs="*", help="module names to run (default: all)")
    args = parser.parse_args(argv)
    selected = [
        m for m in MODULES if not args.only or m in args.only or m.split(".")[-1] in args.only
    ]
    results: dict[str, float] = {}
    targets: dict[str, Any] = dict(OWN_TARGETS)
    loads: dict[str, float] = {}
    failed = False
    load_at_start = os.getloadavg()[0]
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
            module_targets = getattr(module, "TARGETS", {})
            targets.update(module_targets)
            load = os.getloadavg()[0]
            found: dict[str, float] = {}
            began = time.perf_counter()
            try:
                module.run(found, Path(workdir))
            except Exception:
                failed = True
                print(f"error: {name} failed; the figures it measured so far are kept")
                traceback.print_exc()
            print(f"{name}: {time.perf_counter() - began:.1f} s", flush=True)
            found = _in_target_order(found, module_targets)
            results.update(found)
            loads.update(dict.fromkeys(found, load))
    results["load_avg_1m_start"] = round(load_at_start, 2)
    results["load_avg_1m_end"] = round(os.getloadavg()[0], 2)
    known = _known_names()
    merged = {k: v for k, v in _load(OUTPUT).items() if known is None or k in known}
    merged.update(results)
    OUTPUT.write_text(json.dumps(merged, indent=2) + "\n", encoding="utf-8")
    print()
    print(_table(results, targets, loads))
    over = [
        name for name, value in results.items() if _verdict(value, targets.get(name))[1] == "OVER"
    ]
    print(f"\n{len(over)} of the figures with a target are over it: {', '.join(over) or 'none'}")
    print(f"{len(results)} figures written to {OUTPUT} ({len(merged)} in all)")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

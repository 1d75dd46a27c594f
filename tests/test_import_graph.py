"""No import cycles in the package, annotation-only imports included.

import-linter keeps the layers and the feature folders apart; this keeps each module's own
imports one-way, so any module can be read (and tested) knowing only what it imports.
"""

from __future__ import annotations

import grimp


def cycles(package: str) -> list[tuple[str, ...]]:
    graph = grimp.build_graph(package, include_external_packages=False)
    found: dict[frozenset[str], tuple[str, ...]] = {}
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            back = graph.find_shortest_chain(importer=imported, imported=module)
            if back is not None:
                found.setdefault(frozenset((module, imported)), (module, *back))
    return list(found.values())


def test_the_package_has_no_import_cycle() -> None:
    assert cycles("mopsboard") == []

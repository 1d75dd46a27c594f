"""A stage's kind guessed from its name, as other tools name their lists and statuses."""

from __future__ import annotations

import re

from mopsboard.domain.models import StageKind

# Whole words (or phrases) of names in English, German, French, Spanish, Portuguese and Dutch;
# the first kind whose words a name holds wins, so "Ready for review" is a review stage, not done.
_WORDS: tuple[tuple[StageKind, tuple[str, ...]], ...] = (
    (
        StageKind.REVIEW,
        (
            "review",
            "reviewing",
            "approval",
            "approve",
            "approved?",
            "sign off",
            "sign-off",
            "signoff",
            "qa",
            "feedback",
            "proofing",
            "legal",
            "check",
            "testing",
            "validation",
            "prüfung",
            "freigabe",
            "revue",
            "revisión",
            "revisao",
            "revisão",
            "revision",
            "révision",
            "relecture",
            "überprüfung",
            "prüfen",
            "korrektur",
            "beoordeling",
            "controle",
            "contrôle",
            "nakijken",
        ),
    ),
    (
        StageKind.DONE,
        (
            "done",
            "complete",
            "completed",
            "finished",
            "closed",
            "shipped",
            "live",
            "published",
            "launched",
            "resolved",
            "delivered",
            "archive",
            "erledigt",
            "fertig",
            "terminé",
            "fait",
            "hecho",
            "terminado",
            "concluído",
            "feito",
            "abgeschlossen",
            "terminée",
            "terminés",
            "fini",
            "finie",
            "achevé",
            "hecha",
            "terminada",
            "completado",
            "completada",
            "finalizado",
            "finalizada",
            "concluido",
            "concluída",
            "pronto",
            "klaar",
            "gedaan",
            "afgerond",
            "voltooid",
        ),
    ),
    (
        StageKind.ACTIVE,
        (
            "doing",
            "in progress",
            "progress",
            "wip",
            "working",
            "started",
            "active",
            "ongoing",
            "drafting",
            "writing",
            "in arbeit",
            "en cours",
            "en curso",
            "em andamento",
            "in bearbeitung",
            "läuft",
            "en progreso",
            "haciendo",
            "em progresso",
            "em curso",
            "fazendo",
            "bezig",
            "in uitvoering",
            "selected for development",
        ),
    ),
)


def _words(name: str) -> str:
    return " " + re.sub(r"[\W_]+", " ", name.casefold()).strip() + " "


def guess_kind(name: str) -> StageKind:
    """done/complete... -> done; review/approval... -> review; doing/in progress... -> active;
    anything else (To do, Ideas, Backlog) -> backlog."""
    text = _words(name)
    for kind, words in _WORDS:
        if any(_words(word.rstrip("?")) in text for word in words):
            return kind
    return StageKind.BACKLOG

"""The keyboard shortcuts, in one place for the help dialog and the README."""

from __future__ import annotations

SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("Ctrl+N", "New task"),
    ("Enter / double-click", "Open the selected card in the editor"),
    ("Ctrl+E", "Edit the selected card"),
    ("Delete", "Archive the selected cards (undoable)"),
    ("Ctrl+Left / Ctrl+Right", "Move the selected card to the previous / next stage"),
    ("Ctrl+Up / Ctrl+Down", "Move the selected card up / down within its stage"),
    ("Left / Right", "Go to the previous / next column"),
    ("Up / Down, Shift+click", "Select cards in a column"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo any change"),
    ("Ctrl+F", "Filter cards by text"),
    ("Ctrl+Shift+F", "Clear all filters"),
    ("Ctrl+Shift+E", "Edit the board's stages"),
    ("Ctrl+Shift+T", "Teams and people: hours, working days, time off"),
    ("Ctrl+1 ... Ctrl+5", "Board, Capacity, Campaigns, Timeline, Personas"),
    ("Ctrl+Shift+T", "Teams and people"),
    ("F5", "Reload the board from the file"),
    ("Ctrl+O / Ctrl+Shift+N", "Open a workspace / create a new one"),
    ("Ctrl+Shift+S", "Save a copy of the workspace"),
    ("F1", "This list"),
)


def as_text() -> str:
    width = max(len(keys) for keys, _ in SHORTCUTS)
    return "\n".join(f"{keys.ljust(width)}   {what}" for keys, what in SHORTCUTS)

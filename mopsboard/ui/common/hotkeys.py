"""Every key binding of the app, by typed name, and the F1 list made from the bindings a window
actually holds.

Nothing else in the package gives an action or a shortcut a key sequence (tests/ui/common/
test_hotkeys.py checks), so the help list cannot name a key twice or a key that does nothing: it
lists what `bind` registered, with the keys Qt resolved for this platform (a standard key such as
Redo is Ctrl+Y on some desktops and Ctrl+Shift+Z on others).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

StandardKey = QKeySequence.StandardKey
# The name of the QAction property that records which hotkey an action was bound to.
PROPERTY = "hotkey"
# What the list says about keys and gestures the views handle themselves (they are not
# bindings of the app): per view, its keys and what they do.
NOTES: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "On the board",
        (
            ("Up, Down", "Select the card above or below in a column"),
            ("Shift+click", "Select several cards in a column"),
            ("Double-click", "Open a card in the editor"),
        ),
    ),
    (
        "On the timeline",
        (
            ("Up, Down", "Select the row above or below"),
            ("Right, Left", "Show or hide a campaign's tasks"),
            ("Enter", "Edit the selected campaign"),
            ("Drag a bar", "Move it sideways by whole days"),
        ),
    ),
)


@dataclass(frozen=True)
class Keys:
    """Key sequences (Qt's portable text, or a standard key: its first binding on this platform)
    and what they do, as the F1 list says it; `{action}` stands for the bound action's name."""

    keys: tuple[str | QKeySequence.StandardKey, ...]
    what: str


class Hotkey(Enum):
    """The app's key bindings, in the order the F1 list shows them."""

    NEW_TASK = Keys(("Ctrl+N",), "New task")
    OPEN_CARD = Keys(("Return", "Enter"), "Open the selected card in the editor")
    EDIT_TASK = Keys(("Ctrl+E",), "Edit the selected card")
    ARCHIVE_CARDS = Keys(("Delete",), "Archive the selected cards (undoable)")
    CARD_TO_PREVIOUS_STAGE = Keys(("Ctrl+Left",), "Move the selected card to the previous stage")
    CARD_TO_NEXT_STAGE = Keys(("Ctrl+Right",), "Move the selected card to the next stage")
    CARD_UP = Keys(("Ctrl+Up",), "Move the selected card up within its stage")
    CARD_DOWN = Keys(("Ctrl+Down",), "Move the selected card down within its stage")
    PREVIOUS_COLUMN = Keys(("Left",), "Go to the previous column")
    NEXT_COLUMN = Keys(("Right",), "Go to the next column")
    UNDO = Keys((StandardKey.Undo,), "Undo any change")
    REDO = Keys((StandardKey.Redo, "Ctrl+Y", "Ctrl+Shift+Z"), "Redo")
    FIND = Keys((StandardKey.Find,), "Filter cards by text")
    CLEAR_FILTERS = Keys(("Ctrl+Shift+F",), "Clear all filters")
    EDIT_STAGES = Keys(("Ctrl+Shift+E",), "Edit the board's stages")
    TEAMS = Keys(("Ctrl+Shift+T",), "Teams and people: hours, working days, time off")
    SHOW_VIEW_1 = Keys(("Ctrl+1",), "Show {action}")
    SHOW_VIEW_2 = Keys(("Ctrl+2",), "Show {action}")
    SHOW_VIEW_3 = Keys(("Ctrl+3",), "Show {action}")
    SHOW_VIEW_4 = Keys(("Ctrl+4",), "Show {action}")
    SHOW_VIEW_5 = Keys(("Ctrl+5",), "Show {action}")
    SHOW_VIEW_6 = Keys(("Ctrl+6",), "Show {action}")
    RELOAD = Keys(("F5",), "Reload the board from the file")
    OPEN_WORKSPACE = Keys((StandardKey.Open,), "Open a workspace")
    NEW_WORKSPACE = Keys(("Ctrl+Shift+N",), "Create a new workspace")
    SAVE_COPY = Keys(("Ctrl+Shift+S",), "Save a copy of the workspace")
    QUIT = Keys((StandardKey.Quit,), "Quit")
    SHORTCUTS = Keys(("F1",), "This list")

    @property
    def sequences(self) -> list[QKeySequence]:
        """The key sequences this hotkey binds here (a standard key may have none)."""
        found: list[QKeySequence] = []
        for key in self.value.keys:
            sequence = QKeySequence(key)
            if not sequence.isEmpty() and sequence not in found:
                found.append(sequence)
        return found

    @staticmethod
    def show_view(number: int) -> Hotkey | None:
        """The hotkey of the view at `number` (from 1) in the sidebar, if it has one."""
        return Hotkey.__members__.get(f"SHOW_VIEW_{number}")


def bind(
    action: QAction,
    hotkey: Hotkey,
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
) -> QAction:
    """Give `action` the keys of `hotkey`; the action must be added to a widget to fire."""
    action.setShortcuts(hotkey.sequences)
    action.setShortcutContext(context)
    action.setProperty(PROPERTY, hotkey.name)
    return action


def hotkey_of(action: QAction) -> Hotkey | None:
    name = action.property(PROPERTY)
    return Hotkey[name] if isinstance(name, str) else None


def _action_name(action: QAction) -> str:
    return action.text().replace("&", "").rstrip("\u2026")


def bound(root: QWidget) -> dict[Hotkey, tuple[list[str], str]]:
    """The hotkeys bound by `root`'s actions and its children's, in table order: each with its
    keys as this platform writes them and what it does."""
    found: dict[Hotkey, tuple[list[str], str]] = {}
    for action in root.findChildren(QAction):
        hotkey = hotkey_of(action)
        if hotkey is None or not action.shortcuts():
            continue
        keys, _what = found.setdefault(
            hotkey, ([], hotkey.value.what.format(action=_action_name(action)))
        )
        for sequence in action.shortcuts():
            text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
            if text not in keys:
                keys.append(text)
    return {hotkey: found[hotkey] for hotkey in Hotkey if hotkey in found}


def listed(root: QWidget) -> list[tuple[str, list[tuple[str, str]]]]:
    """The F1 list, by part: the hotkeys bound in `root` (their keys, what they do), then the
    keys each view handles itself."""
    keys = [(", ".join(texts), what) for texts, what in bound(root).values()]
    return [("Shortcuts", keys), *((title, list(rows)) for title, rows in NOTES)]

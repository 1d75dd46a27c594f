"""Colours and the style sheet: one place, so views agree. Every colour the UI paints is named here
by its role, in a light and a dark scheme (tests/ui/common/test_theme.py keeps hex literals out of
the rest of ui/ and qt/); the few an item model serves come from qt/common/palette.py, which qt/
can import. Colours that are user data (a campaign's, a persona's, a team's) live in the file and
in the domain models.

Painters ask `current()` when they paint, so a switch of scheme (ui/common/colour_scheme.py) shows
at the next paint. The old upper-case names (`theme.TEXT`) still read, from the scheme in use."""

from __future__ import annotations

from dataclasses import dataclass, fields

from mopsboard.qt.common import palette


@dataclass(frozen=True)
class Scheme:
    name: str  # "light" or "dark"
    models: palette.ModelColours
    # Surfaces
    background: str
    column: str
    column_over: str
    card: str
    card_border: str
    card_selected: str
    header_bg: str
    weekend_bg: str
    selected_row_bg: str
    total_row_bg: str
    sidebar_bg: str
    sidebar_selected: str
    sidebar_focus: str  # the keyboard focus's frame on the sidebar
    surface: str  # bars and canvases: the filter bar, the timeline, the persona map
    plate: str  # under the words on the persona map's bubbles (translucent)
    # Text and icons
    text: str
    muted: str
    soft_text: str
    faint: str  # archived rows, done bars, axes and quiet labels
    on_dark: str  # text on a dark swatch
    on_today: str  # the word on the timeline's today tag
    icon: str
    sidebar_text: str
    sidebar_heading: str
    sidebar_title: str
    # Lines
    rule: str
    border: str
    dashed: str
    scroll_handle: str
    scroll_hover: str
    # States
    accent: str
    focus_ring: str  # the keyboard focus's frame on painted items
    soon: str
    past_date: str
    complete: str
    progress: str
    wip_over_bg: str
    wip_over_fg: str
    overbooked_ring: str
    error_bg: str
    error_fg: str
    error_border: str
    warning_bg: str
    warning_fg: str
    warning_border: str
    # Board cards
    avatar_bg: str
    avatar_fg: str
    label_bg: str
    label_fg: str
    # Persona map quadrants (x: technology to creativity, y: emotional to rational)
    quadrant_tech_rational: str
    quadrant_creative_rational: str
    quadrant_tech_emotional: str
    quadrant_creative_emotional: str
    # The widgets' palette (Fusion draws inputs, tables, menus and dialogs from it)
    window: str
    window_text: str
    base: str
    alternate_base: str
    button: str
    highlight: str
    highlighted_text: str
    placeholder: str
    tooltip_base: str
    link: str
    link_visited: str
    bevel_light: str
    bevel_midlight: str
    bevel_mid: str
    bevel_dark: str
    bevel_shadow: str
    disabled_text: str

    @property
    def dark(self) -> bool:
        return self.models.dark

    # Roles that mean what a model colour means.
    @property
    def overdue(self) -> str:
        return self.models.overdue

    @property
    def today(self) -> str:
        return self.models.overdue

    @property
    def archived(self) -> str:
        return self.models.archived

    @property
    def overbooked_bg(self) -> str:  # a person over their WIP limit, as in the capacity map
        return self.models.load_over_bg

    @property
    def overbooked_fg(self) -> str:
        return self.models.load_over_fg

    @property
    def progress_track(self) -> str:
        return self.rule

    @property
    def no_persona(self) -> str:
        return self.faint


LIGHT = Scheme(
    name="light",
    models=palette.LIGHT,
    background="#f3f4f6",
    column="#e9ecf1",
    column_over="#fdf3d7",
    card="#ffffff",
    card_border="#d7dbe2",
    card_selected="#2563eb",
    header_bg="#f9fafb",
    weekend_bg="#f6f7f9",
    selected_row_bg="#dbeafe",
    total_row_bg="#f3f4f6",
    sidebar_bg="#1f2937",
    sidebar_selected="#374151",
    sidebar_focus="#93c5fd",
    surface="#ffffff",
    plate="#d2ffffff",
    text="#111827",
    muted="#6b7280",
    soft_text="#374151",
    faint="#9ca3af",
    on_dark="#ffffff",
    on_today="#ffffff",
    icon="#374151",
    sidebar_text="#e5e7eb",
    sidebar_heading="#9ca3af",
    sidebar_title="#ffffff",
    rule="#e5e7eb",
    border="#d1d5db",
    dashed="#b8bec8",
    scroll_handle="#c3c8d1",
    scroll_hover="#9ca3af",
    accent="#2563eb",
    focus_ring="#2563eb",
    soon="#d97706",
    past_date="#b45309",
    complete="#059669",
    progress="#3b82f6",
    wip_over_bg="#fde68a",
    wip_over_fg="#92400e",
    overbooked_ring="#dc2626",
    error_bg="#fee2e2",
    error_fg="#7f1d1d",
    error_border="#fecaca",
    warning_bg="#fef3c7",
    warning_fg="#78350f",
    warning_border="#fde68a",
    avatar_bg="#c7d2fe",
    avatar_fg="#3730a3",
    label_bg="#e5e7eb",
    label_fg="#374151",
    quadrant_tech_rational="#eff6ff",
    quadrant_creative_rational="#f0fdf4",
    quadrant_tech_emotional="#fffbeb",
    quadrant_creative_emotional="#fdf2f8",
    # Fusion's own light palette, with the theme's text and link colours.
    window="#efefef",
    window_text="#111827",
    base="#ffffff",
    alternate_base="#f7f7f7",
    button="#efefef",
    highlight="#308cc6",
    highlighted_text="#ffffff",
    placeholder="#80000000",
    tooltip_base="#ffffdc",
    link="#2563eb",
    link_visited="#7c3aed",
    bevel_light="#ffffff",
    bevel_midlight="#cacaca",
    bevel_mid="#b8b8b8",
    bevel_dark="#9f9f9f",
    bevel_shadow="#767676",
    disabled_text="#bebebe",
)

# Dark is layered as light is, from the back to the front: the window, a column, a card, each a
# step lighter; text is off-white, never pure white on near-black; states use the light hues made
# lighter so that they keep their contrast (tests/ui/common/test_colour_contrast.py).
DARK = Scheme(
    name="dark",
    models=palette.DARK,
    background="#15181d",
    column="#1e2229",
    column_over="#3a2f14",
    card="#2a2f38",
    card_border="#3a404b",
    card_selected="#60a5fa",
    header_bg="#1b1f25",
    weekend_bg="#191c21",
    selected_row_bg="#1e3a5f",
    total_row_bg="#1b1f25",
    sidebar_bg="#0e1115",
    sidebar_selected="#262c36",
    sidebar_focus="#93c5fd",
    surface="#1f2329",
    plate="#d21f2329",
    text="#e6e8eb",
    muted="#9aa3af",
    soft_text="#c4cad3",
    faint="#7b8494",
    on_dark="#ffffff",
    on_today="#15181d",
    icon="#c4cad3",
    sidebar_text="#d8dce2",
    sidebar_heading="#7b8494",
    sidebar_title="#ffffff",
    rule="#2c323b",
    border="#3a404b",
    dashed="#4e5664",
    scroll_handle="#454d59",
    scroll_hover="#5d6675",
    accent="#60a5fa",
    focus_ring="#93c5fd",
    soon="#fbbf24",
    past_date="#f59e0b",
    complete="#34d399",
    progress="#60a5fa",
    wip_over_bg="#5c4712",
    wip_over_fg="#fde68a",
    overbooked_ring="#f87171",
    error_bg="#3d1a1d",
    error_fg="#fecaca",
    error_border="#7f2a2f",
    warning_bg="#3a2e0d",
    warning_fg="#fde68a",
    warning_border="#6b5413",
    avatar_bg="#3a3f8f",
    avatar_fg="#dfe3ff",
    label_bg="#3a404b",
    label_fg="#d8dce2",
    quadrant_tech_rational="#16223a",
    quadrant_creative_rational="#142a1f",
    quadrant_tech_emotional="#2c2614",
    quadrant_creative_emotional="#2e1a28",
    window="#262a31",
    window_text="#e6e8eb",
    base="#181b20",
    alternate_base="#1e2127",
    button="#30353e",
    highlight="#2f5f9e",
    highlighted_text="#ffffff",
    placeholder="#808a97",
    tooltip_base="#30353e",
    link="#7cb3ff",
    link_visited="#c4a5ff",
    bevel_light="#3c424c",
    bevel_midlight="#333841",
    bevel_mid="#2a2f36",
    bevel_dark="#14171b",
    bevel_shadow="#0a0c0f",
    disabled_text="#646d7a",
)

SCHEMES = {LIGHT.name: LIGHT, DARK.name: DARK}


def current() -> Scheme:
    """The scheme the app shows now: the one whose model colours are in use."""
    return DARK if palette.current().dark else LIGHT


def use(scheme: Scheme) -> None:
    """Makes `scheme` the one painters read (ui/common/colour_scheme.py also restyles the app)."""
    palette.use(scheme.models)


# Every colour role of a scheme, as the attribute it is read by.
ROLES = tuple(
    [f.name for f in fields(Scheme) if f.name not in ("name", "models")]
    + [n for n, v in vars(Scheme).items() if isinstance(v, property) and n != "dark"]
)
_ROLE_SET = frozenset(ROLES)


def __getattr__(name: str) -> str:
    """The old constants (`theme.TEXT`, `theme.STYLE_SHEET`), read from the scheme in use."""
    if name == "STYLE_SHEET":
        return style_sheet(current())
    role = name.lower()
    if name.isupper() and role in _ROLE_SET:
        value = getattr(current(), role)
        assert isinstance(value, str)
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def style_sheet(s: Scheme) -> str:
    """The app's style sheet in scheme `s`.

    The sidebar's rules name its own children only ("> "): a dialog or menu the sidebar opens is
    its descendant too, and must look like any other (not muted labels, not a dark list). The
    board's column states are here too (not on the board's grid), so that they follow a switch
    of scheme. So are the looks of widgets elsewhere, by object name or by their "tone" (muted,
    note, soft, heading, warning), for the same reason: a widget's own sheet would not follow."""
    return f"""
QMainWindow, QWidget#boardPage {{ background: {s.background}; }}
QWidget#appSidebar {{ background: {s.sidebar_bg}; }}
QWidget#appSidebar > QLabel {{ color: {s.sidebar_heading}; font-size: 11px; font-weight: 600; }}
QWidget#appSidebar > QLabel#appTitle {{
    color: {s.sidebar_title}; font-size: 16px; font-weight: 700;
}}
QWidget#appSidebar > QListWidget {{
    background: transparent; border: none; color: {s.sidebar_text}; font-size: 13px; outline: 0;
}}
QWidget#appSidebar > QListWidget::item {{
    padding: 4px 7px; border: 1px solid transparent; border-radius: 4px;
}}
QWidget#appSidebar > QListWidget::item:focus {{ border-color: {s.sidebar_focus}; }}
QWidget#appSidebar > QListWidget::item:selected {{
    background: {s.sidebar_selected}; color: {s.on_dark};
}}
QWidget#appSidebar > QToolButton {{
    color: {s.sidebar_text}; border: 1px solid transparent; border-radius: 4px; padding: 3px;
}}
QWidget#appSidebar > QToolButton:focus {{ border-color: {s.sidebar_focus}; }}
QWidget#appSidebar > QToolButton:hover {{ background: {s.sidebar_selected}; border-radius: 4px; }}
QFrame#stageColumn {{ background: {s.column}; border-radius: 8px; }}
QLabel#stageTitle {{ font-weight: 700; color: {s.text}; font-size: 13px; }}
QLabel#stageStats {{ color: {s.muted}; font-size: 11px; }}
QLabel#wipBadge {{ border-radius: 8px; padding: 1px 6px; font-size: 11px; color: {s.muted}; }}
QLabel#wipBadge[over="true"] {{
    background: {s.wip_over_bg}; color: {s.wip_over_fg}; font-weight: 700;
}}
QFrame#stageColumn[over="true"] {{ background: {s.column_over}; }}
QFrame#stageColumn[over="hard"] {{ background: {s.error_bg}; }}
QLabel#wipBadge[over="hard"] {{
    background: {s.error_border}; color: {s.error_fg}; font-weight: 700;
}}
QFrame#stageColumn[refusing="true"] {{ border: 2px dashed {s.overdue}; }}
QListView[role="stageList"] {{
    background: transparent; border: 2px solid transparent; border-radius: 6px; outline: 0;
}}
QListView[role="stageList"]:focus {{ border-color: {s.focus_ring}; }}
QListView[role="stageList"] QScrollBar:vertical {{
    background: transparent; width: 8px; margin: 2px 0 2px 0;
}}
QListView[role="stageList"] QScrollBar::handle:vertical {{
    background: {s.scroll_handle}; border-radius: 4px; min-height: 32px;
}}
QListView[role="stageList"] QScrollBar::handle:vertical:hover {{ background: {s.scroll_hover}; }}
QListView[role="stageList"] QScrollBar::add-line:vertical,
QListView[role="stageList"] QScrollBar::sub-line:vertical {{ height: 0; }}
QListView[role="stageList"] QScrollBar::add-page:vertical,
QListView[role="stageList"] QScrollBar::sub-page:vertical {{ background: transparent; }}
QTableView, QTreeView {{ border: 1px solid {s.border}; }}
QTableView:focus, QTreeView:focus {{ border-color: {s.focus_ring}; }}
QLineEdit#quickAdd {{
    background: transparent; border: 1px dashed {s.dashed}; border-radius: 6px; padding: 5px 8px;
    color: {s.text};
}}
QLineEdit#quickAdd:focus {{ background: {s.surface}; border: 1px solid {s.accent}; }}
QLabel#laneTitle {{ font-weight: 700; color: {s.text}; padding: 6px 2px 2px 2px; }}
QWidget#filterBar {{ background: {s.surface}; border-bottom: 1px solid {s.rule}; }}
QLabel#fieldError {{ color: {s.overdue}; font-size: 11px; }}
QWidget#capacityBar {{ background: {s.surface}; border-bottom: 1px solid {s.rule}; }}
QLabel#emptyHint {{ color: {s.muted}; padding: 64px 24px; background: {s.surface}; }}
QFrame#commentCard {{
    background: {s.card}; border: 1px solid {s.card_border}; border-radius: 4px;
}}
QLabel[tone="muted"] {{ color: {s.muted}; }}
QLabel[tone="note"] {{ color: {s.muted}; font-size: 11px; }}
QLabel[tone="soft"] {{ color: {s.soft_text}; }}
QLabel[tone="heading"] {{ font-weight: 700; color: {s.text}; padding: 6px 0 2px 0; }}
QLabel[tone="warning"] {{
    background: {s.warning_bg}; color: {s.warning_fg}; padding: 6px 8px; border-radius: 4px;
}}
"""

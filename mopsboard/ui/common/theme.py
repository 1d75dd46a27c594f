"""Colours and the style sheet: one place, so views agree. Every colour the UI paints is named here
by its role (tests/ui/common/test_theme.py keeps hex literals out of the rest of ui/ and qt/); the
few an item model serves come from qt/common/palette.py, which qt/ can import. Colours that are
user data (a campaign's, a persona's, a team's) live in the file and in the domain models."""

from __future__ import annotations

from mopsboard.qt.common import palette

# Surfaces
BACKGROUND = "#f3f4f6"
COLUMN = "#e9ecf1"
COLUMN_OVER = "#fdf3d7"
CARD = "#ffffff"
CARD_BORDER = "#d7dbe2"
CARD_SELECTED = "#2563eb"
HEADER_BG = "#f9fafb"
WEEKEND_BG = "#f6f7f9"
SELECTED_ROW_BG = "#dbeafe"
TOTAL_ROW_BG = BACKGROUND
SIDEBAR_BG = "#1f2937"
SIDEBAR_SELECTED = "#374151"

# Text and icons
TEXT = "#111827"
MUTED = "#6b7280"
SOFT_TEXT = "#374151"
FAINT = palette.ARCHIVED  # archived rows, done bars, axes and quiet labels
ARCHIVED = palette.ARCHIVED
ON_DARK = "#ffffff"  # text on a dark swatch
ICON = SOFT_TEXT
SIDEBAR_TEXT = "#e5e7eb"
SIDEBAR_HEADING = FAINT

# Lines
RULE = "#e5e7eb"
BORDER = "#d1d5db"
DASHED = "#b8bec8"
SCROLL_HANDLE = "#c3c8d1"
SCROLL_HOVER = FAINT

# States
ACCENT = "#2563eb"
OVERDUE = palette.OVERDUE
TODAY = OVERDUE
SOON = "#d97706"
PAST_DATE = "#b45309"
COMPLETE = "#059669"
PROGRESS = "#3b82f6"
PROGRESS_TRACK = RULE
WIP_OVER_BG = "#fde68a"
WIP_OVER_FG = "#92400e"
OVERBOOKED_BG = palette.LOAD_OVER_BG  # a person over their WIP limit, as in the capacity map
OVERBOOKED_FG = palette.LOAD_OVER_FG
OVERBOOKED_RING = OVERDUE
ERROR_BG = "#fee2e2"
ERROR_FG = "#7f1d1d"
ERROR_BORDER = "#fecaca"
WARNING_BG = "#fef3c7"
WARNING_FG = "#78350f"
WARNING_BORDER = WIP_OVER_BG

# Board cards
AVATAR_BG = "#c7d2fe"
AVATAR_FG = "#3730a3"
LABEL_BG = RULE
LABEL_FG = SOFT_TEXT

# Persona map quadrants (x: technology to creativity, y: emotional to rational)
QUADRANT_TECH_RATIONAL = "#eff6ff"
QUADRANT_CREATIVE_RATIONAL = "#f0fdf4"
QUADRANT_TECH_EMOTIONAL = "#fffbeb"
QUADRANT_CREATIVE_EMOTIONAL = "#fdf2f8"
NO_PERSONA = FAINT

# The sidebar's rules name its own children only ("> "): a dialog or menu the sidebar opens is
# its descendant too, and must look like any other (not muted labels, not a dark list).
STYLE_SHEET = f"""
QMainWindow, QWidget#boardPage {{ background: {BACKGROUND}; }}
QWidget#appSidebar {{ background: {SIDEBAR_BG}; }}
QWidget#appSidebar > QLabel {{ color: {SIDEBAR_HEADING}; font-size: 11px; font-weight: 600; }}
QWidget#appSidebar > QListWidget {{
    background: transparent; border: none; color: {SIDEBAR_TEXT}; font-size: 13px; outline: 0;
}}
QWidget#appSidebar > QListWidget::item {{ padding: 5px 8px; border-radius: 4px; }}
QWidget#appSidebar > QListWidget::item:selected {{
    background: {SIDEBAR_SELECTED}; color: {ON_DARK};
}}
QWidget#appSidebar > QToolButton {{ color: {SIDEBAR_TEXT}; border: none; padding: 4px; }}
QWidget#appSidebar > QToolButton:hover {{ background: {SIDEBAR_SELECTED}; border-radius: 4px; }}
QFrame#stageColumn {{ background: {COLUMN}; border-radius: 8px; }}
QLabel#stageTitle {{ font-weight: 700; color: {TEXT}; font-size: 13px; }}
QLabel#stageStats {{ color: {MUTED}; font-size: 11px; }}
QLabel#wipBadge {{ border-radius: 8px; padding: 1px 6px; font-size: 11px; color: {MUTED}; }}
QLabel#wipBadge[over="true"] {{
    background: {WIP_OVER_BG}; color: {WIP_OVER_FG}; font-weight: 700;
}}
QFrame#stageColumn[over="true"] {{ background: {COLUMN_OVER}; }}
QListView[role="stageList"] {{ background: transparent; border: none; outline: 0; }}
QListView[role="stageList"] QScrollBar:vertical {{
    background: transparent; width: 8px; margin: 2px 0 2px 0;
}}
QListView[role="stageList"] QScrollBar::handle:vertical {{
    background: {SCROLL_HANDLE}; border-radius: 4px; min-height: 32px;
}}
QListView[role="stageList"] QScrollBar::handle:vertical:hover {{ background: {SCROLL_HOVER}; }}
QListView[role="stageList"] QScrollBar::add-line:vertical,
QListView[role="stageList"] QScrollBar::sub-line:vertical {{ height: 0; }}
QListView[role="stageList"] QScrollBar::add-page:vertical,
QListView[role="stageList"] QScrollBar::sub-page:vertical {{ background: transparent; }}
QLineEdit#quickAdd {{
    background: transparent; border: 1px dashed {DASHED}; border-radius: 6px; padding: 5px 8px;
    color: {TEXT};
}}
QLineEdit#quickAdd:focus {{ background: white; border: 1px solid {ACCENT}; }}
QLabel#laneTitle {{ font-weight: 700; color: {TEXT}; padding: 6px 2px 2px 2px; }}
QWidget#filterBar {{ background: white; border-bottom: 1px solid {RULE}; }}
QLabel#fieldError {{ color: {OVERDUE}; font-size: 11px; }}
"""

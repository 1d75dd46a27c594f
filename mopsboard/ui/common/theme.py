"""Colours and the style sheet: one place, so views agree."""

from __future__ import annotations

BACKGROUND = "#f3f4f6"
COLUMN = "#e9ecf1"
COLUMN_OVER = "#fdf3d7"
CARD = "#ffffff"
CARD_BORDER = "#d7dbe2"
CARD_SELECTED = "#2563eb"
TEXT = "#111827"
MUTED = "#6b7280"
OVERDUE = "#dc2626"
SOON = "#d97706"
WARNING_BG = "#fde68a"
WARNING_TEXT = "#92400e"
ACCENT = "#2563eb"

STYLE_SHEET = f"""
QMainWindow, QWidget#boardPage {{ background: {BACKGROUND}; }}
QWidget#sidebar {{ background: #1f2937; }}
QWidget#sidebar QLabel {{ color: #9ca3af; font-size: 11px; font-weight: 600; }}
QWidget#sidebar QListWidget {{
    background: transparent; border: none; color: #e5e7eb; font-size: 13px; outline: 0;
}}
QWidget#sidebar QListWidget::item {{ padding: 5px 8px; border-radius: 4px; }}
QWidget#sidebar QListWidget::item:selected {{ background: #374151; color: white; }}
QWidget#sidebar QToolButton {{ color: #e5e7eb; border: none; padding: 4px; }}
QWidget#sidebar QToolButton:hover {{ background: #374151; border-radius: 4px; }}
QFrame#stageColumn {{ background: {COLUMN}; border-radius: 8px; }}
QLabel#stageTitle {{ font-weight: 700; color: {TEXT}; font-size: 13px; }}
QLabel#stageStats {{ color: {MUTED}; font-size: 11px; }}
QLabel#wipBadge {{ border-radius: 8px; padding: 1px 6px; font-size: 11px; color: {MUTED}; }}
QLabel#wipBadge[over="true"] {{
    background: {WARNING_BG}; color: {WARNING_TEXT}; font-weight: 700;
}}
QFrame#stageColumn[over="true"] {{ background: {COLUMN_OVER}; }}
QListView[role="stageList"] {{ background: transparent; border: none; outline: 0; }}
QListView[role="stageList"] QScrollBar:vertical {{
    background: transparent; width: 8px; margin: 2px 0 2px 0;
}}
QListView[role="stageList"] QScrollBar::handle:vertical {{
    background: #c3c8d1; border-radius: 4px; min-height: 32px;
}}
QListView[role="stageList"] QScrollBar::handle:vertical:hover {{ background: #9ca3af; }}
QListView[role="stageList"] QScrollBar::add-line:vertical,
QListView[role="stageList"] QScrollBar::sub-line:vertical {{ height: 0; }}
QListView[role="stageList"] QScrollBar::add-page:vertical,
QListView[role="stageList"] QScrollBar::sub-page:vertical {{ background: transparent; }}
QLineEdit#quickAdd {{
    background: transparent; border: 1px dashed #b8bec8; border-radius: 6px; padding: 5px 8px;
    color: {TEXT};
}}
QLineEdit#quickAdd:focus {{ background: white; border: 1px solid {ACCENT}; }}
QLabel#laneTitle {{ font-weight: 700; color: {TEXT}; padding: 6px 2px 2px 2px; }}
QWidget#filterBar {{ background: white; border-bottom: 1px solid #e5e7eb; }}
QLabel#fieldError {{ color: {OVERDUE}; font-size: 11px; }}
"""

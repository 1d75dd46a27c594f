"""The campaign timeline, painted: a row per campaign with a bar from start to end and a diamond
at launch, its tasks as bars under it when expanded, a line at today, overdue work in red.

Only the visible rows and days are painted, so 200 campaigns or 50,000 tasks cost what is on
screen. Dragging a bar sideways moves it by whole days: a campaign with all its tasks, or one
task; the change is made when the mouse is released, as one undoable step. Esc before the
release puts the bar back and changes nothing, as it drops a link being drawn.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from mopsboard.domain.campaign_work import campaign_span
from mopsboard.domain.ids import CampaignId, TaskId
from mopsboard.domain.workdays import WEEKDAYS_ONLY
from mopsboard.qt.timeline.timeline_rows import TimelineRow, TimelineRows
from mopsboard.ui.timeline.bar_drag import drag_words
from mopsboard.ui.timeline.event_marks import strip_top
from mopsboard.ui.timeline.link_drag import LinkDragger
from mopsboard.ui.timeline.timeline_canvas import (
    HEADER_HEIGHT,
    LABEL_WIDTH,
    ROW_HEIGHT,
    Drag,
    LinkDrag,
    Scale,
)
from mopsboard.ui.timeline.timeline_paint import TimelinePainter
from mopsboard.ui.timeline.timeline_tips import tooltip_at

# A campaign's own row: (its id, None); a task's row: (its campaign's id, the task's id).
SelectionKey = tuple[CampaignId, TaskId | None]


class TimelineWidget(QAbstractScrollArea):
    # A campaign row was double-clicked.
    campaignActivated = Signal(int)
    # A bar was dragged: (campaign id or None, task id or None, days).
    barMoved = Signal(object, object, int)
    # A link was drawn from a task's bar to another's: (predecessor id, successor id).
    linkDrawn = Signal(int, int)
    selectionChanged = Signal()
    # An imported event's tag was right-clicked: (the CalendarEvent, the global position).
    calendarEventMenu = Signal(object, QPoint)

    def __init__(self, rows: TimelineRows, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setAccessibleName("Campaign timeline")
        self.rows = rows
        self.scale = Scale.MONTHS
        # Before the painter, which measures its words in them.
        self.bold_font = QFont(self.font())
        self.bold_font.setBold(True)
        self.small_font = QFont(self.font())
        self.small_font.setPointSizeF(max(7.0, self.font().pointSizeF() - 1.5))
        self.painter = TimelinePainter(self)
        self.linker = LinkDragger(self)
        self.selected: int | None = None
        # What is selected, by id, so the selection follows it when the rows re-sort.
        self._selected_key: SelectionKey | None = None
        self.drag: Drag | None = None
        self.link_drag: LinkDrag | None = None
        self.handle_row: int | None = None
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.horizontalScrollBar().setSingleStep(self.scale.value)
        self.verticalScrollBar().setSingleStep(ROW_HEIGHT)
        rows.changed.connect(self._rows_changed)

    # -- geometry -------------------------------------------------------------------------------

    @property
    def ppd(self) -> int:
        return self.scale.value

    def x_of(self, day: date) -> int:
        return (
            LABEL_WIDTH
            + (day - self.rows.first).days * self.ppd
            - self.horizontalScrollBar().value()
        )

    def day_at(self, x: int) -> date:
        offset = (x - LABEL_WIDTH + self.horizontalScrollBar().value()) // self.ppd
        return self.rows.first + timedelta(days=offset)

    def row_top(self, row: int) -> int:
        return HEADER_HEIGHT + row * ROW_HEIGHT - self.verticalScrollBar().value()

    def row_at(self, y: int) -> int | None:
        if y < HEADER_HEIGHT or y >= strip_top(self):
            return None
        row = (y - HEADER_HEIGHT + self.verticalScrollBar().value()) // ROW_HEIGHT
        return row if 0 <= row < len(self.rows.rows) else None

    def bar_rect(self, row: int, shift_days: int = 0) -> QRect | None:
        """Where a row's bar is drawn (viewport coordinates), or None when it has no dates."""
        item = self.rows.rows[row]
        if item.bar is None:
            span = campaign_span(item.campaign)
            if span is None:
                return None
            first, last = span
            top, height = self.row_top(row) + 6, ROW_HEIGHT - 12
        else:
            first_day, last_day = item.bar.first, item.bar.last
            if first_day is None or last_day is None:
                return None
            first, last = min(first_day, last_day), max(first_day, last_day)
            top, height = self.row_top(row) + 8, ROW_HEIGHT - 16
        left = self.x_of(first + timedelta(days=shift_days))
        right = self.x_of(last + timedelta(days=shift_days + 1))
        return QRect(left, top, max(4, right - left - 1), height)

    def _rows_changed(self) -> None:
        self._update_scroll_ranges()
        self._follow_selection()
        self.viewport().update()

    def _follow_selection(self) -> None:
        """Puts the selection back on the campaign or task it was on; a task no longer listed
        (its campaign collapsed, the task moved to another) leaves its campaign selected."""
        key = self._selected_key
        row: int | None = None
        if key is not None:
            campaign_id, task_id = key
            found = self.rows.row_of_task(task_id) if task_id is not None else -1
            if found < 0:
                found = self.rows.row_of_campaign(campaign_id)
            row = found if found >= 0 else None
        self._selected_key = self._key_of(row)
        if row != self.selected:
            self.selected = row
            self.selectionChanged.emit()
            if row is not None:
                self.scroll_to_row(row)

    def _update_scroll_ranges(self) -> None:
        days = (self.rows.last - self.rows.first).days + 1
        visible_width = max(0, self.viewport().width() - LABEL_WIDTH)
        self.horizontalScrollBar().setRange(0, max(0, days * self.ppd - visible_width))
        self.horizontalScrollBar().setPageStep(visible_width)
        # The rows scroll clear of the imported events' strip along the bottom.
        visible_height = max(0, strip_top(self) - HEADER_HEIGHT)
        total = len(self.rows.rows) * ROW_HEIGHT
        self.verticalScrollBar().setRange(0, max(0, total - visible_height + ROW_HEIGHT // 2))
        self.verticalScrollBar().setPageStep(visible_height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_scroll_ranges()

    def set_scale(self, scale: Scale) -> None:
        centre = self.day_at(LABEL_WIDTH + (self.viewport().width() - LABEL_WIDTH) // 2)
        self.scale = scale
        self.horizontalScrollBar().setSingleStep(scale.value)
        self._update_scroll_ranges()
        self.scroll_to_day(centre)

    def scroll_to_day(self, day: date, fraction: float = 0.5) -> None:
        visible = self.viewport().width() - LABEL_WIDTH
        self.horizontalScrollBar().setValue(
            (day - self.rows.first).days * self.ppd - int(visible * fraction)
        )
        self.viewport().update()

    def scroll_to_row(self, row: int) -> None:
        top = row * ROW_HEIGHT
        bar = self.verticalScrollBar()
        visible = strip_top(self) - HEADER_HEIGHT
        if top < bar.value():
            bar.setValue(top)
        elif top + ROW_HEIGHT > bar.value() + visible:
            bar.setValue(top + ROW_HEIGHT - visible)

    # -- painting -------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        self.painter.paint()

    # -- interaction ----------------------------------------------------------------------------

    def drags_row(self, row: int) -> bool:
        """Rows that move with the one dragged: a campaign drags its tasks along."""
        if self.drag is None:
            return False
        dragged = self.rows.rows[self.drag.row]
        item = self.rows.rows[row]
        if dragged.bar is None:
            return item.campaign.id == dragged.campaign.id
        return row == self.drag.row

    def _key_of(self, row: int | None) -> SelectionKey | None:
        if row is None or not 0 <= row < len(self.rows.rows):
            return None
        item = self.rows.rows[row]
        return item.campaign.key, item.bar.id if item.bar is not None else None

    def select_row(self, row: int | None) -> None:
        self._selected_key = self._key_of(row)
        if row != self.selected:
            self.selected = row
            self.selectionChanged.emit()
            self.viewport().update()
        # A screen reader says the chosen row (the timeline is one control to it).
        known = row is not None and 0 <= row < len(self.rows.rows)
        words = self.painter.row_words(row) if row is not None and known else ""
        self.setAccessibleDescription(words)
        if row is not None:
            self.scroll_to_row(row)

    def selected_row(self) -> TimelineRow | None:
        if self.selected is None or not 0 <= self.selected < len(self.rows.rows):
            return None
        return self.rows.rows[self.selected]

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        row = self.row_at(pos.y())
        if event.button() != Qt.MouseButton.LeftButton or row is None:
            super().mousePressEvent(event)
            return
        self.select_row(row)
        item = self.rows.rows[row]
        if pos.x() < LABEL_WIDTH:
            if item.is_campaign and pos.x() < 24:
                self.toggle(row)
            return
        if self.rows.workspace.read_only:
            return
        if self.linker.handle_at(pos) == row:
            self.link_drag = LinkDrag(row, pos)
            self.viewport().setCursor(Qt.CursorShape.CrossCursor)
            self.viewport().update()
            return
        rect = self.bar_rect(row)
        if rect is not None and rect.adjusted(-3, -3, 3, 3).contains(pos):
            calendar = WEEKDAYS_ONLY if item.bar is None else self.rows.calendar_of(item.bar.id)
            self.drag = Drag(row, pos.x(), calendar)
            self.viewport().setCursor(Qt.CursorShape.SizeHorCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self.link_drag is not None:
            self.link_drag.pos = pos
            self.link_drag.target = self.linker.target_at(pos)
            self.viewport().update()
            return
        if self.drag is not None:
            days = round((pos.x() - self.drag.origin_x) / self.ppd)
            if days != self.drag.days:
                self.drag.days = days
                item = self.rows.rows[self.drag.row]
                self.drag.words = drag_words(item, days, self.drag.calendar) if days else ""
                self.viewport().update()
            return
        row = self.row_at(pos.y())
        rect = self.bar_rect(row) if row is not None else None
        over_bar = rect is not None and rect.adjusted(-3, -3, 3, 3).contains(pos)
        editable = not self.rows.workspace.read_only
        handle_row = self.linker.hover_row(pos) if editable and pos.x() >= LABEL_WIDTH else None
        if handle_row != self.handle_row:
            self.handle_row = handle_row
            self.viewport().update()
        if handle_row is not None and self.linker.handle_at(pos) == handle_row:
            cursor = Qt.CursorShape.CrossCursor
        else:
            cursor = Qt.CursorShape.OpenHandCursor if over_bar else Qt.CursorShape.ArrowCursor
        self.viewport().setCursor(cursor)

    def leaveEvent(self, event: QEvent) -> None:
        if self.handle_row is not None and self.link_drag is None:
            self.handle_row = None
            self.viewport().update()
        super().leaveEvent(event)

    def _finish_link(self, pos: QPoint) -> None:
        """A link drawn onto another task's bar makes that task wait for this one."""
        target = self.linker.target_at(pos)
        drawn, self.link_drag = self.link_drag, None
        self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
        self.viewport().update()
        if drawn is None or target is None:
            return
        before, after = self.rows.rows[drawn.row].bar, self.rows.rows[target].bar
        if before is not None and after is not None:
            self.linkDrawn.emit(before.id, after.id)

    def cancel_link(self) -> bool:
        """Drops the link being drawn (Esc); False when none is."""
        if self.link_drag is None:
            return False
        self.link_drag = None
        self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
        self.viewport().update()
        return True

    def cancel_drag(self) -> bool:
        """Puts the bar being dragged back where it was (Esc); the release that follows moves
        nothing. False when no bar is being dragged."""
        if self.drag is None:
            return False
        self.drag = None
        self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
        self.viewport().update()
        return True

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.link_drag is not None:
            self._finish_link(event.position().toPoint())
            return
        drag, self.drag = self.drag, None
        self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
        if drag is None:
            super().mouseReleaseEvent(event)
            return
        days = round((event.position().toPoint().x() - drag.origin_x) / self.ppd)
        self.viewport().update()
        if days == 0:
            return
        item = self.rows.rows[drag.row]
        if item.bar is None:
            self.barMoved.emit(item.campaign.id, None, days)
        else:
            self.barMoved.emit(None, item.bar.id, days)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        row = self.row_at(event.position().toPoint().y())
        if row is None:
            return
        item = self.rows.rows[row]
        if item.is_campaign and item.campaign.id is not None:
            self.campaignActivated.emit(item.campaign.id)

    def toggle(self, row: int) -> None:
        item = self.rows.rows[row]
        campaign_id = item.campaign.key
        self.rows.set_expanded(campaign_id, not self.rows.is_expanded(campaign_id))
        self.select_row(self.rows.row_of_campaign(campaign_id))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape and (self.cancel_link() or self.cancel_drag()):
            return
        count = len(self.rows.rows)
        current = self.selected if self.selected is not None else -1
        item = self.selected_row()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and count:
            step = 1 if key == Qt.Key.Key_Down else -1
            self.select_row(max(0, min(count - 1, current + step)))
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Left) and item is not None:
            campaign_id = item.campaign.key
            expand = key == Qt.Key.Key_Right
            if self.rows.is_expanded(campaign_id) != expand:
                self.toggle(self.rows.row_of_campaign(campaign_id))
            elif not expand:
                self.select_row(self.rows.row_of_campaign(campaign_id))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None and item.is_campaign:
            self.campaignActivated.emit(item.campaign.key)
        else:
            super().keyPressEvent(event)

    def tooltip_at(self, pos: QPoint) -> str:
        return tooltip_at(self.painter, pos)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """On an imported event's tag: the event, for the view's menu (removing it)."""
        found = self.painter.events.event_at(event.pos())
        if found is None:
            super().contextMenuEvent(event)
            return
        self.calendarEventMenu.emit(found, event.globalPos())

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

"""Paints a task as a card: no widget per card, so only what is on screen costs anything."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPixmapCache,
)
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from mopsboard.domain.filtering import due_state
from mopsboard.domain.models import Campaign, Persona, Priority, Task
from mopsboard.qt.board.blocked_cards import BlockedCards
from mopsboard.qt.board.board_model import BoardModel
from mopsboard.qt.board.cell_model import CellModel
from mopsboard.qt.capacity.wip_watch import WipWatch
from mopsboard.ui.board.stage_header import ColumnTone
from mopsboard.ui.common import theme
from mopsboard.ui.common.theme import Scheme

CARD_HEIGHT = 96
# What a card waiting for an open predecessor shows in its footer.
BLOCKED_MARK = "Blocked"
MARGIN = 4
PAD = 8


def initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:2].upper()
    return (words[0][0] + words[-1][0]).upper()


def paint_clock(painter: QPainter, box: QRectF, colour: QColor) -> None:
    """A small clock face: the mark of a date that has passed."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, 1.3))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    face = box.adjusted(0.65, 0.65, -0.65, -0.65)
    painter.drawEllipse(face)
    centre = face.center()
    radius = face.width() / 2
    painter.drawLine(centre, centre + QPointF(0, -radius * 0.6))
    painter.drawLine(centre, centre + QPointF(radius * 0.45, radius * 0.2))
    painter.restore()


class CardDelegate(QStyledItemDelegate):
    # Card images are opaque (copying them is several times faster than blending), so they carry
    # the column colour around their rounded corners: the board sets its tone, the scheme in use
    # gives the colour.
    background = ColumnTone.PLAIN
    # Assignees over their personal WIP limit (see qt/wip_watch): their badge turns red.
    _wip_over: frozenset[int] = frozenset()
    _watching_wip = False
    # Tasks waiting for an open finish-to-start predecessor (qt/board/blocked_cards.py).
    _blocked: frozenset[int] = frozenset()
    _watching_blocked = False
    _colours: Scheme = theme.LIGHT

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        # The list view stretches each card to the column width.
        return QSize(160, CARD_HEIGHT + 2 * MARGIN)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        cell = index.model()
        if not isinstance(cell, CellModel) or not isinstance(cell.board, BoardModel):
            return
        task = cell.task_at(index)
        if task is None:
            return
        model = cell.board
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        size = option.rect.size()
        # A card is painted once per look and then copied: scrolling, drops and filtering only
        # blit pixmaps. The key holds everything the card shows, so an edit repaints it (once
        # the cell says the row changed); the file is in it because two open workspaces both
        # have a task 1 at version 1.
        self._wip_over = self._over_wip_limit(model)
        self._blocked = self._blocked_tasks(model)
        colours = theme.current()
        key = (
            f"card:{model.workspace.path}:{task.id}:{task.version}:{task.updated_at}:"
            f"{model.lookups_generation}:"
            f"{int(task.assignee_id in self._wip_over)}:{int(task.id in self._blocked)}:"
            f"{len(task.problems)}:"
            f"{model.today}:{size.width()}x{size.height()}@{ratio}:{int(selected)}{int(focused)}:"
            f"{colours.name}:{self.background.value}"
        )
        pixmap = QPixmap()
        if not QPixmapCache.find(key, pixmap):
            pixmap = QPixmap(size * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(QColor(self.background.colour(colours)))
            card = QPainter(pixmap)
            card.setRenderHint(QPainter.RenderHint.Antialiasing)
            rect = QRectF(0, 0, size.width(), size.height()).adjusted(
                MARGIN, MARGIN, -MARGIN, -MARGIN
            )
            self._colours = colours
            self._paint_card(card, rect, selected, focused)
            self._paint_contents(card, rect.toRect(), option.font, model, task)
            card.end()
            QPixmapCache.insert(key, pixmap)
        painter.drawPixmap(option.rect.topLeft(), pixmap)

    def _paint_card(self, painter: QPainter, rect: QRectF, selected: bool, focused: bool) -> None:
        s = self._colours
        path = QPainterPath()
        path.addRoundedRect(rect, 6, 6)
        painter.fillPath(path, QColor(s.card))
        colour = s.card_selected if selected else s.card_border
        painter.setPen(QPen(QColor(colour), 2 if selected else 1))
        painter.drawPath(path)
        if focused:
            # The keyboard's place: a ring round the card, apart from the selection's edge.
            painter.setPen(QPen(QColor(s.focus_ring), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-2.5, -2.5, 2.5, 2.5), 8, 8)

    def _paint_contents(
        self, painter: QPainter, rect: QRect, base: QFont, model: BoardModel, task: Task
    ) -> None:
        lookups = model.lookups
        campaign = lookups.campaigns.get(task.campaign_id) if task.campaign_id else None
        if campaign is not None:
            strip = QRect(rect.left() + 1, rect.top() + 6, 4, rect.height() - 12)
            painter.fillRect(strip, QColor(campaign.colour))
        inner = rect.adjusted(PAD + 2, PAD - 2, -PAD, -PAD + 2)
        title_bottom = self._paint_title(painter, inner, base, task)

        small = QFont(base)
        small.setPointSizeF(max(7.0, base.pointSizeF() * 0.85))
        painter.setFont(small)
        small_metrics = QFontMetrics(small)
        line_height = small_metrics.height()
        persona = lookups.personas.get(task.persona_id) if task.persona_id else None
        self._paint_badges(
            painter, inner, title_bottom + 4, small_metrics, line_height, persona, campaign
        )

        footer_top = inner.bottom() - line_height - 1
        self._paint_footer(
            painter,
            QRect(inner.left(), footer_top, inner.width(), line_height + 2),
            small_metrics,
            model,
            task,
        )

    def _paint_title(self, painter: QPainter, inner: QRect, base: QFont, task: Task) -> int:
        """The title in bold over up to two lines, with the problem mark at its right; gives
        back the title's bottom edge."""
        title_font = QFont(base)
        title_font.setBold(True)
        painter.setFont(title_font)
        metrics = QFontMetrics(title_font)
        title_width = inner.width()
        if task.problems:
            mark = metrics.height()
            self._paint_problem_mark(painter, QRect(inner.right() - mark, inner.top(), mark, mark))
            title_width -= mark + 4
        # Two lines, and the space between them the font asks for.
        title_rect = QRect(
            inner.left(), inner.top(), title_width, metrics.lineSpacing() + metrics.height()
        )
        painter.setPen(QColor(self._colours.text))
        # Broken into its lines here, not wrapped by Qt: a wrap could make a third line that the
        # card has no room for.
        self._write(
            painter,
            title_rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
            self._two_lines(task.title, QFontMetricsF(title_font), title_width),
        )
        return title_rect.bottom()

    def _paint_badges(
        self,
        painter: QPainter,
        inner: QRect,
        middle_top: int,
        small_metrics: QFontMetrics,
        line_height: int,
        persona: Persona | None,
        campaign: Campaign | None,
    ) -> None:
        """The middle line: the persona's pill at the right, the campaign's dot and name."""
        x = inner.left()
        right_edge = inner.right()
        if persona is not None:
            badge_text = persona.name
            width = min(small_metrics.horizontalAdvance(badge_text) + 10, inner.width() // 2)
            badge = QRect(right_edge - width, middle_top, width, line_height + 2)
            self._pill(
                painter,
                badge,
                QColor(persona.colour),
                small_metrics.elidedText(badge_text, Qt.TextElideMode.ElideRight, width - 8),
                self._colours,
            )
            right_edge = badge.left() - 6
        if campaign is not None:
            dot = QRect(x, middle_top + line_height // 2 - 3, 7, 7)
            painter.setBrush(QColor(campaign.colour))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(dot)
            painter.setPen(QColor(self._colours.muted))
            text_rect = QRect(x + 11, middle_top, right_edge - x - 11, line_height + 2)
            self._write(
                painter,
                text_rect,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                small_metrics.elidedText(
                    campaign.name, Qt.TextElideMode.ElideRight, text_rect.width()
                ),
            )

    def _paint_footer(
        self, painter: QPainter, row: QRect, metrics: QFontMetrics, model: BoardModel, task: Task
    ) -> None:
        s = self._colours
        x = row.left()
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        member = model.lookups.members.get(task.assignee_id) if task.assignee_id else None
        right = row.right()
        if member is not None:
            letters = initials(member.name)
            # Round, and wide enough for its widest letters ("OM", "WM"), centred on the line.
            size = max(row.height() + 2, metrics.horizontalAdvance(letters) + 6)
            circle = QRect(right - size, row.center().y() - size // 2, size, size)
            over = member.id in self._wip_over
            painter.setBrush(QColor(s.overbooked_bg if over else s.avatar_bg))
            painter.setPen(QPen(QColor(s.overbooked_ring), 1.5) if over else Qt.PenStyle.NoPen)
            painter.drawEllipse(circle)
            painter.setPen(QColor(s.overbooked_fg if over else s.avatar_fg))
            self._write(painter, circle, int(Qt.AlignmentFlag.AlignCenter), letters)
            right = circle.left() - 6
        elif task.team_id is not None and task.team_id in model.lookups.teams:
            team = model.lookups.teams[task.team_id]
            text = metrics.elidedText(team.name, Qt.TextElideMode.ElideRight, 70)
            width = metrics.horizontalAdvance(text) + 10
            badge = QRect(right - width, row.top(), width, row.height())
            self._pill(painter, badge, QColor(team.colour), text, s)
            right = badge.left() - 6

        if task.id in self._blocked:
            # First, so a narrow card keeps it; a word, not a colour alone.
            text = BLOCKED_MARK
            width = metrics.horizontalAdvance(text) + 10
            self._pill(
                painter, QRect(x, row.top(), width, row.height()), QColor(s.overdue), text, s
            )
            x += width + 8
        # (text, colour, whether a clock goes before it: an overdue date says so by a shape too)
        pieces: list[tuple[str, str, bool]] = []
        if task.priority >= Priority.HIGH:
            pieces.append(("!" if task.priority == Priority.HIGH else "!!", s.overdue, False))
        if task.due_date is not None:
            state = due_state(task.due_date, model.today, model.is_done_stage(task.stage_id))
            colour = {"overdue": s.overdue, "soon": s.soon}.get(state, s.muted)
            pieces.append((task.due_date.strftime("%d %b"), colour, state == "overdue"))
        if task.estimate_hours is not None:
            pieces.append((f"{task.estimate_hours:g}h", s.muted, False))
        if task.checklist:
            done = task.checklist_done
            colour = s.complete if done == len(task.checklist) else s.muted
            pieces.append((f"\u2611 {done}/{len(task.checklist)}", colour, False))
        clock = row.height() - 3
        for text, colour, late in pieces:
            width = metrics.horizontalAdvance(text) + (clock + 3 if late else 0)
            if x + width > right:
                break
            painter.setPen(QColor(colour))
            if late:
                paint_clock(painter, QRectF(x, row.top() + 1.5, clock, clock), QColor(colour))
                x += clock + 3
                width -= clock + 3
            self._write(painter, QRect(x, row.top(), width + 2, row.height()), flags, text)
            x += width + 10
        for label in task.labels[:3]:
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, 60)
            width = metrics.horizontalAdvance(text) + 10
            if x + width > right:
                break
            self._pill(
                painter,
                QRect(x, row.top(), width, row.height()),
                QColor(s.label_bg),
                text,
                s,
                text_colour=QColor(s.label_fg),
            )
            x += width + 4

    def _paint_problem_mark(self, painter: QPainter, rect: QRect) -> None:
        """A warning triangle: the file holds a value of this task that cannot be read (the
        tooltip and the editor say which)."""
        triangle = QPainterPath()
        triangle.moveTo(rect.center().x(), rect.top())
        triangle.lineTo(rect.right(), rect.bottom())
        triangle.lineTo(rect.left(), rect.bottom())
        triangle.closeSubpath()
        painter.fillPath(triangle, QColor(self._colours.soon))
        painter.setPen(QColor(self._colours.card))
        self._write(painter, rect.adjusted(0, 2, 0, 0), int(Qt.AlignmentFlag.AlignCenter), "!")

    def _over_wip_limit(self, model: BoardModel) -> frozenset[int]:
        watch = WipWatch.of(model.workspace)
        if not self._watching_wip:
            self._watching_wip = True
            watch.changed.connect(self._repaint_view)
        return watch.over

    def _blocked_tasks(self, model: BoardModel) -> frozenset[int]:
        blocked = BlockedCards.of(model.workspace)
        if not self._watching_blocked:
            self._watching_blocked = True
            blocked.changed.connect(self._repaint_view)
        return blocked.ids

    def _repaint_view(self) -> None:
        view = self.parent()
        if isinstance(view, QAbstractItemView):
            view.viewport().update()

    def _pill(
        self,
        painter: QPainter,
        rect: QRect,
        colour: QColor,
        text: str,
        scheme: Scheme,
        *,
        text_colour: QColor | None = None,
    ) -> None:
        """A label's pill is filled with `colour` and written in `text_colour`; a persona's or a
        team's (user colours, no text colour given) is a tint of its colour, written in a
        darker shade of it on light cards and a lighter one on dark cards."""
        path = QPainterPath()
        path.addRoundedRect(QRectF(rect), rect.height() / 2, rect.height() / 2)
        if text_colour is not None:
            painter.fillPath(path, colour)
        else:
            tint = QColor(colour)
            tint.setAlpha(70 if scheme.dark else 40)
            painter.fillPath(path, tint)
            text_colour = colour.lighter(160) if scheme.dark else colour.darker(140)
        painter.setPen(text_colour)
        self._write(painter, rect, int(Qt.AlignmentFlag.AlignCenter), text)

    def _write(self, painter: QPainter, box: QRect, flags: int, text: str) -> None:
        """Every word on a card is written here, in the painter's font, inside `box`
        (tests/ui/board/test_card_text_fits.py checks that each fits its box at any scale)."""
        painter.drawText(box, flags, text)

    @staticmethod
    def _two_lines(text: str, metrics: QFontMetricsF, width: float) -> str:
        """The title as it fits two lines of `width`: broken at the last space that lets the
        first line fit, or inside a first word too long for a line; the rest elided. Measured
        as the text will be laid out (in fractions of a pixel), so no line is cut at the card's
        edge at any screen scale."""
        if metrics.horizontalAdvance(text) <= width:
            return text
        words = text.split()
        for n in range(len(words) - 1, 0, -1):
            first = " ".join(words[:n])
            if metrics.horizontalAdvance(first) <= width:
                rest = " ".join(words[n:])
                break
        else:
            # The longest start of the first word that fits, found by halving.
            low, high = 1, len(text)
            while low < high:
                middle = (low + high + 1) // 2
                if metrics.horizontalAdvance(text[:middle]) <= width:
                    low = middle
                else:
                    high = middle - 1
            first, rest = text[:low], text[low:].lstrip()
        return first + "\n" + metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)

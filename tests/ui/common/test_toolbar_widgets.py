"""The bar that wraps its groups of controls and the button that drops its text, resized as a
window would resize them: what shows at each width, and that nothing overlaps or is cut."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from mopsboard.ui.common.compact_button import CompactToolButton
from mopsboard.ui.common.icons import Icon, icon
from mopsboard.ui.common.wrapping_bar import Control, Stretch, WrappingBar


def shown_bar(qtbot: QtBot) -> tuple[WrappingBar, list[QPushButton]]:
    buttons = [QPushButton(f"A button named {n}") for n in range(6)]
    bar = WrappingBar(
        [[Control(b) for b in buttons[:3]], [Stretch(), *(Control(b) for b in buttons[3:])]]
    )
    qtbot.addWidget(bar)
    bar.show()
    qtbot.waitExposed(bar)
    return bar, buttons


def test_one_row_while_it_fits_then_a_row_per_group(qtbot: QtBot) -> None:
    bar, buttons = shown_bar(qtbot)
    bar.resize(bar.one_row_width(), 40)
    assert not bar.wrapped
    assert len({b.y() for b in buttons}) == 1
    bar.resize(bar.one_row_width() - 1, 40)
    assert bar.wrapped
    assert buttons[0].y() == buttons[2].y() < buttons[3].y() == buttons[5].y()
    assert bar.minimumSizeHint().height() > buttons[0].height() * 2
    for button in buttons:
        assert button.width() >= button.sizeHint().width()
        assert bar.rect().contains(button.geometry())
    bar.resize(bar.one_row_width() + 50, 40)
    assert not bar.wrapped


def test_the_bar_asks_no_more_width_than_its_widest_group(qtbot: QtBot) -> None:
    bar, buttons = shown_bar(qtbot)
    widest_group = sum(b.sizeHint().width() for b in buttons[:3])
    assert widest_group < bar.minimumSizeHint().width() < widest_group + 60
    assert bar.minimumSizeHint().width() < bar.one_row_width() - 200


def test_labelled_buttons_show_their_icons_only_when_the_bar_is_narrow(qtbot: QtBot) -> None:
    buttons = [
        CompactToolButton(icon(Icon.FILE_DOWN), "Export .ics\u2026"),
        CompactToolButton(icon(Icon.USERS), "Teams\u2026"),
    ]
    bar = WrappingBar([[Control(QPushButton("Team")), Stretch(), *map(Control, buttons)]])
    qtbot.addWidget(bar)
    bar.show()
    qtbot.waitExposed(bar)
    bar.resize(bar.one_row_width(), 40)
    assert not bar.compact
    for button in buttons:
        assert not button.compact and button.width() >= button.sizeHint().width()
    bar.resize(bar.one_row_width() - 1, 40)
    assert bar.compact
    assert [b.toolTip() for b in buttons] == ["Export .ics", "Teams"]
    for button in buttons:
        assert button.compact
        assert button.width() == button.size_when(compact=True).width()
        assert bar.rect().contains(button.geometry())
    assert bar.minimumSizeHint().width() < bar.one_row_width() - 80
    bar.resize(bar.one_row_width() + 10, 40)
    assert not any(b.compact for b in buttons)


def test_a_bar_may_wrap_first_and_then_drop_the_labels(qtbot: QtBot) -> None:
    buttons = [CompactToolButton(icon(Icon.PLUS), f"Button number {n}") for n in range(4)]
    other = QPushButton("A wide control of the second group")
    bar = WrappingBar([list(map(Control, buttons)), [Control(other)]])
    qtbot.addWidget(bar)
    bar.show()
    qtbot.waitExposed(bar)
    bar.resize(bar.one_row_width() - 1, 40)
    assert bar.wrapped and not bar.compact
    bar.resize(sum(b.sizeHint().width() for b in buttons) - 1, 40)
    assert bar.wrapped and bar.compact
    assert other.width() >= other.sizeHint().width()

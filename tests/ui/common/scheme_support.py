"""The app's colour scheme for a test: installed on the tests' application, and taken off again
afterwards (light, no palette or style sheet of the app's, no setting), so that other tests see
the app as they expect."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from mopsboard.ui.common import colour_scheme, theme
from mopsboard.ui.common.colour_scheme import Appearance, ColourScheme


@pytest.fixture
def installed(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[ColourScheme]:
    monkeypatch.delenv(colour_scheme.ENVIRONMENT_KEY, raising=False)
    QSettings().remove(colour_scheme.SETTINGS_KEY)
    palette_before = qapp.palette()
    scheme = colour_scheme.install(qapp)
    yield scheme
    scheme.set_appearance(Appearance.SYSTEM, save=False)
    QSettings().remove(colour_scheme.SETTINGS_KEY)
    theme.use(theme.LIGHT)
    qapp.setStyleSheet("")
    qapp.setPalette(palette_before)
    shiboken6.delete(scheme)

"""The acceptance suite: a fresh database, the real main window with its own TaskRunner, and no
replaced dialogs; a clerk answers them (tests/acceptance/clerk.py)."""

from __future__ import annotations

import pytest

from app.ui.main_window import MainWindow
from tests.acceptance.clerk import Clerk


@pytest.fixture
def clerk(qtbot, empty_ctx):
    window = MainWindow(empty_ctx)  # its own TaskRunner: work really runs in the background
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    hands = Clerk(window, qtbot)
    yield hands
    hands.stop()
    window.close()
    assert not hands.unexpected, f"dialogs nobody expected: {hands.unexpected}"

"""Small screens and high DPI: the 公文 and 设置 pages and the main window at 1024×700, and at
911×512 — what a 1366×768 laptop leaves at QT_SCALE_FACTOR=1.5 (Qt lays out in logical pixels,
so the same size at scale 1 gives the same layout). Forms scroll down, never sideways, and
nothing is cut off on the right; 取号 stays in sight."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QScrollArea, QWidget

from app.ui.main_window import SETTINGS

SIZES = [(1024, 700), (911, 512)]


@pytest.fixture(params=SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def small(window, request, qtbot):
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(*request.param)
    qtbot.waitUntil(lambda: window.size().toTuple() == request.param)
    return window


def fields(container: QWidget) -> list[QWidget]:
    kinds = (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractButton)
    return [w for w in container.findChildren(QWidget) if isinstance(w, kinds) and w.isVisibleTo(container)
            and not isinstance(w.parent(), QAbstractSpinBox)]


def assert_fits_across(scroll: QScrollArea) -> None:
    """The scrolled widget is no wider than its viewport and every field lies inside it."""
    viewport = scroll.viewport()
    assert scroll.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert scroll.widget().width() <= viewport.width()
    for w in fields(scroll.widget()):
        right = w.mapTo(viewport, QPoint(w.width(), 0)).x()
        assert right <= viewport.width() + 1, f"{type(w).__name__} {w.objectName()!r} cut off ({right} > {viewport.width()})"
        assert w.width() >= min(w.minimumSizeHint().width(), 40), f"{w.objectName()!r} squeezed to {w.width()} px"


def test_notice_form_scrolls_down_only_and_keeps_take_number(small):
    small.nav.setCurrentRow(2)
    page = small.notices_page
    assert_fits_across(page.form_scroll)
    take = page.form.take
    assert take.isVisible() and take.width() >= take.sizeHint().width()
    assert page.form.prefix.width() >= 60 and page.form.serial.width() >= page.form.serial.minimumSizeHint().width()
    for b in page.buttons.values():  # the action bar above the form
        assert b.mapTo(page, QPoint(b.width(), 0)).x() <= page.width()
        assert b.width() >= b.sizeHint().width() - 2
    list_width, form_width, preview_width = page.split.sizes()
    assert 120 <= list_width <= 230 and form_width >= 300 and preview_width > 150
    assert page.form_scroll.verticalScrollBar().maximum() > 0  # the rest of the form is below


def test_issued_notice_banner_fits(small, dialogs):
    small.nav.setCurrentRow(2)
    page = small.notices_page
    page.mark_issued()
    assert page.banner.isVisible() and page.banner.wordWrap()
    assert page.banner.width() <= page.form_scroll.width() + 2


def test_settings_page_scrolls_down_only(small):
    small.nav.setCurrentRow(SETTINGS)
    page = small.settings_page
    assert_fits_across(page)
    assert page.verticalScrollBar().maximum() > 0


def test_main_window_fits(small):
    hint = small.minimumSizeHint()
    assert hint.width() <= small.width() and hint.height() <= small.height()
    assert small.nav.width() == 112
    for row in range(4):
        small.nav.setCurrentRow(row)
        assert small.stack.currentWidget().width() <= small.width()


def test_print_preview_fits_the_screen(small, qtbot):
    small.nav.setCurrentRow(2)
    small.notices_page.print_notice()
    preview = small.notices_page.actions.print_flow.preview
    area = preview.screen().availableGeometry()
    assert preview.width() <= area.width() and preview.height() <= area.height()
    assert preview.print_button.isVisible()
    preview.reject()

"""Small screens: every control of the plan editor, the units page and the import wizard stays
usable at 1024 × 700 and at 150 % on a 1366 × 768 laptop (911 × 512 logical pixels, the same
layout Qt makes with QT_SCALE_FACTOR=1.5). Forms scroll up and down; nothing is cut off sideways."""

import pytest
from PySide6.QtWidgets import QApplication, QPushButton

SIZES = {"1024x700": (1024, 700), "150% of 1366x768": (911, 512)}


@pytest.fixture(params=list(SIZES))
def small(request, window):
    window.showNormal()
    window.resize(*SIZES[request.param])
    QApplication.processEvents()
    assert (window.width(), window.height()) == SIZES[request.param]
    return window


def test_the_outline_keeps_every_column(small):
    editor = small.plans_page.editor
    editor.select_node(editor.model.roots()[1].children[1].id)
    QApplication.processEvents()
    header = editor.tree.header()
    widths = [header.sectionSize(i) for i in range(header.count())]
    assert all(w >= 60 for w in widths), widths
    assert widths[1] >= 80  # 内容 never disappears
    assert sum(widths) <= editor.tree.viewport().width() + 1  # and nothing is scrolled out of sight
    assert not editor.tree.horizontalScrollBar().isVisible()


def test_the_detail_form_scrolls_vertically_and_never_clips(small):
    editor = small.plans_page.editor
    editor.select_node(editor.model.roots()[1].children[1].id)
    QApplication.processEvents()
    panel = editor.panel
    assert panel.widget().width() <= panel.viewport().width()  # no part of the form off to the side
    assert not panel.horizontalScrollBar().isVisible()
    names = panel.assignments
    assert names.name_input.width() >= names.name_input.fontMetrics().horizontalAdvance("县人力资源社会保障局")
    role = names.table.columnWidth(1)
    assert role >= names.table.fontMetrics().horizontalAdvance("配合") + 30  # room for the 牵头/配合 editor
    for field in (panel.deadline_text, panel.deadline_date, panel.person):
        panel.ensureWidgetVisible(field)
        QApplication.processEvents()
        assert not field.visibleRegion().isEmpty(), field.objectName()
        assert field.width() >= 120


def test_the_filter_row_and_plan_texts_fit(small):
    editor = small.plans_page.editor
    editor.filter_bar.toggle.click()
    QApplication.processEvents()
    for w in (editor.filter_bar.unit, editor.filter_bar.deadline, editor.filter_bar.overdue):
        assert not w.visibleRegion().isEmpty()
        assert w.geometry().right() <= editor.filter_bar.width()
    editor.show_plan_texts()
    QApplication.processEvents()
    assert editor.plan_text.preamble.width() >= 150 and not editor.plan_text.horizontalScrollBar().isVisible()


def test_the_units_page_shows_its_buttons_and_the_task_list(small):
    small.nav.setCurrentRow(1)
    page = small.units_page
    page.reload(page.model.unit(10).id)
    QApplication.processEvents()
    for button in page.findChildren(QPushButton):
        if button.isVisibleTo(page):
            assert not button.visibleRegion().isEmpty(), button.text()
    assert page.tasks.table.height() >= 90 and page.table.height() >= 150
    assert page.tasks.table.rowCount() > 0


@pytest.mark.parametrize("name", ["督办", "年度报告", "对照"])
def test_the_year_pages_keep_every_button_on_screen(small, name):
    """The 督办, 年度报告 and 对照 pages: every button of their bars can be seen and pressed whole."""
    from PySide6.QtCore import QPoint, QRect

    from app.ui.main_window import PAGES

    small.nav.setCurrentRow(PAGES.index(name))
    QApplication.processEvents()
    page = small.stack.currentWidget()
    screen = QRect(QPoint(0, 0), small.size())
    buttons = [b for b in page.findChildren(QPushButton) if b.isVisibleTo(page) and b.window() is small]
    shown = [b for b in buttons if not b.visibleRegion().isEmpty()]  # others are on tabs not shown
    assert len(shown) >= 4
    for button in shown:
        where = QRect(button.mapTo(small, QPoint(0, 0)), button.size())
        assert screen.contains(where), (button.text(), where, screen)
        assert button.visibleRegion().boundingRect().width() == button.width(), button.text()
        assert button.width() >= button.fontMetrics().horizontalAdvance(button.text()), button.text()

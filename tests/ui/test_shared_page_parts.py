"""The parts the pages share, driven as a clerk meets them: the plan chooser of the 督办, 年度报告
and 对照 pages, their message when there is no plan yet, and the search boxes that wait for a pause."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from app.ui.runner import SyncRunner
from app.ui.widgets.search_box import PAUSE_MS, SearchBox


def ime_type(widget, text: str) -> None:
    """Chinese arrives from the input method as committed text, one word at a time."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _menu(window, title):
    return next(a.menu() for a in window.menuBar().actions() if a.text() == title)


def test_without_a_plan_the_report_and_coverage_buttons_say_what_to_do(qtbot, empty_ctx, dialogs):
    from app.ui.main_window import MainWindow

    w = MainWindow(empty_ctx, runner=SyncRunner())
    qtbot.addWidget(w)
    w.show()
    qtbot.mouseClick(w.report_page.buttons["draft"], Qt.MouseButton.LeftButton)
    next(a for a in _menu(w, "对照(&C)").actions() if a.text() == "导入上级文件…").trigger()
    told = dialogs.kinds("information")
    assert len(told) == 2 and all("还没有工作要点" in t and "新建或导入" in t for t in told)
    assert dialogs.files == []  # no file dialog was offered for a plan that does not exist
    w.close()


def test_a_new_plan_appears_in_the_choosers_and_the_choice_survives_a_reload(window, ctx):
    pages = (window.tracking_page, window.report_page, window.coverage_page)
    before = {p.plan.count() for p in pages}
    assert before == {len(ctx.services.plans.list_plans())}
    chosen = ctx.services.plans.list_plans()[0].id
    for p in pages:
        p.plan.setCurrentIndex(p.plan.findData(chosen))
    ctx.services.plans.create_plan("二〇二七年法治政府建设工作要点", year=2027)
    for p in pages:
        p.activate()  # the page is opened again
        assert p.plan.count() == len(ctx.services.plans.list_plans())
        assert p.plan_id() == chosen
        assert any(p.plan.itemText(i).startswith("二〇二七年") for i in range(p.plan.count()))


def test_the_search_box_waits_for_a_pause_and_enter_does_not(qtbot):
    box = SearchBox("probe", "查找")
    qtbot.addWidget(box)
    seen: list[str] = []
    box.settled.connect(lambda: seen.append(box.text()))
    ime_type(box, "司法")
    assert seen == []  # not on every keystroke
    qtbot.waitUntil(lambda: seen == ["司法"], timeout=30_000)
    ime_type(box, "局")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert seen == ["司法", "司法局"]  # Enter: at once
    qtbot.wait(PAUSE_MS * 2)
    assert seen == ["司法", "司法局"]  # and the pause already counted does not fire again


def test_the_unit_search_filters_after_the_pause(window, qtbot):
    page = window.units_page
    total = page.model.rowCount()
    ime_type(page.search, "公安")
    assert page.model.rowCount() == total  # still typing
    qtbot.waitUntil(lambda: 0 < page.model.rowCount() < total, timeout=30_000)

"""The main window: pages, menus, remembered state, about box, Chinese messages."""

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from app import __version__
from app.services.errors import ValidationError
from app.ui.error_reporting import INTERNAL_ERROR, install_excepthook
from app.ui.main_window import MainWindow
from app.ui.qt_app import install_translations
from app.ui.runner import SyncRunner


def test_window_opens_on_the_demo_plan(window, ctx):
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == ["工作要点", "责任单位", "公文", "督办",
                                                                             "年度报告", "对照", "设置"]
    editor = window.plans_page.editor
    assert editor.plan.id == ctx.demo_plan_id
    assert "示例县2026年法治政府建设工作要点" in editor.header.text()
    model = editor.model
    assert model.rowCount() == 9 and model.data(model.index(0, 0)).startswith("一、")
    assert window.plans_page.combo.count() == 1
    assert window.statusBar().currentMessage() == "就绪"


def test_pages_switch_from_navigation_and_shortcut_menu(window):
    for row in range(5):
        window.nav.setCurrentRow(row)
        assert window.stack.currentWidget() is window.pages[row]
    assert window.units_page.model.rowCount() > 30
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "视图(&V)")
    shortcuts = [a.shortcut().toString() for a in view_menu.actions()]
    assert shortcuts == ["Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5", "Ctrl+6", "Ctrl+7"]
    assert [a.text() for a in view_menu.actions()][3:] == ["督办", "年度报告", "对照", "设置"]
    # outline actions only act on the plan page
    assert not window.plans_page.editor.actions_by_name["add_sibling"].isEnabled()
    window.nav.setCurrentRow(0)
    assert window.plans_page.editor.actions_by_name["add_sibling"].isEnabled()


def test_menus_have_keyboard_shortcuts(window):
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    assert set(menus) >= {"文件(&F)", "编辑(&E)", "工作要点(&P)", "视图(&V)", "帮助(&H)"}
    edit = {a.text(): a.shortcut().toString() for a in menus["编辑(&E)"].actions() if a.text()}
    assert edit["撤销"] == "Ctrl+Z" and edit["重做"] == "Ctrl+Y"
    assert edit["上移"] == "Alt+Up" and edit["降级（右移一级）"] == "Alt+Right"
    assert isinstance(menus["文件(&F)"], QMenu)


def test_geometry_and_last_plan_are_remembered(qtbot, ctx):
    other = ctx.services.plans.create_plan("示例县2027年法治政府建设工作要点", year=2027)
    first = MainWindow(ctx, runner=SyncRunner())
    qtbot.addWidget(first)
    first.show()
    combo = first.plans_page.combo
    combo.setCurrentIndex(combo.findData(other.id))
    first.resize(first.width(), 650)  # the offscreen screen is 800 px wide: check the height
    first.close()
    stored = ctx.services.settings.load()
    assert stored.window_geometry and stored.last_plan_id == other.id

    ctx.settings = stored
    second = MainWindow(ctx, runner=SyncRunner())
    qtbot.addWidget(second)
    second.show()
    assert second.plans_page.editor.plan.id == other.id
    assert second.height() == 650


def test_closing_the_window_saves_a_notice_edit_still_waiting_for_autosave(window, ctx):
    window.nav.setCurrentRow(2)
    page = window.notices_page
    page.form.note.setText("（此件主动公开）")
    assert page._save_timer.isActive()  # the autosave would run 600 ms later
    window.close()
    assert ctx.services.notices.get_notice(page.notice.id).note == "（此件主动公开）"


def test_about_box_shows_the_version(window, dialogs):
    window.about()
    (text,) = dialogs.kinds("about")
    assert __version__ in text and "法治工作台" in text


def test_recent_files_menu(window, ctx):
    window.remember_file("/data/甲.docx")
    window.remember_file("/data/乙.txt")
    window.remember_file("/data/甲.docx")
    assert ctx.services.settings.load().recent_files == ["/data/甲.docx", "/data/乙.txt"]
    assert [a.text() for a in window.recent_menu.actions()] == ["&1 /data/甲.docx", "&2 /data/乙.txt"]


def test_excepthook_logs_and_shows_chinese(window, dialogs, monkeypatch):
    previous = sys.excepthook
    try:
        hook = install_excepthook(lambda: window)
        try:
            raise RuntimeError("boom")
        except RuntimeError as exc:
            hook(type(exc), exc, exc.__traceback__)
        hook(ValidationError, ValidationError("标题不能为空。"), None)
    finally:
        sys.excepthook = previous
    assert dialogs.kinds("critical") == [INTERNAL_ERROR, "标题不能为空。"]
    assert all("Traceback" not in t and "boom" not in t for t in dialogs.kinds("critical"))


def test_qt_dialogs_speak_chinese(qapp):
    assert install_translations(qapp), "qtbase_zh_CN translations not found"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QCoreApplication.translate("QPlatformTheme", "OK") == "确定"


def test_a_start_that_fails_unexpectedly_still_tells_the_clerk(qapp, dialogs, monkeypatch, tmp_path):
    import argparse

    import app.main

    def missing_samples(paths):
        raise FileNotFoundError(2, "No such file or directory", "resources/samples/demo_plan.json")

    monkeypatch.setattr(app.main, "open_context", missing_samples)
    monkeypatch.setattr(app.main, "setup_logging", lambda log_dir: None)
    assert app.main.start_gui(argparse.Namespace(db=str(tmp_path / "f.sqlite3"))) == 3
    assert dialogs.kinds("critical") == ["找不到文件“resources/samples/demo_plan.json”。"]


def test_a_window_that_cannot_be_built_says_so(tmp_path, monkeypatch):
    import argparse

    from PySide6.QtWidgets import QMessageBox

    from app import main as gui_main
    from app.ui import main_window

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[1:3]))
    monkeypatch.setattr(main_window.MainWindow, "__init__", lambda self, ctx: 1 / 0)
    code = gui_main.start_gui(argparse.Namespace(db=str(tmp_path / "w.sqlite3")))
    assert code == 3 and shown and shown[0][0] == "无法启动"


def test_application_has_its_icon(qapp):
    from app.ui.qt_app import create_application

    assert create_application() is qapp
    assert not qapp.windowIcon().isNull()


def test_first_start_never_opens_taller_or_wider_than_the_screen(qtbot, ctx):
    from app.ui.main_window import MainWindow
    from app.ui.runner import SyncRunner

    w = MainWindow(ctx, runner=SyncRunner())
    qtbot.addWidget(w)
    area = w.screen().availableGeometry()  # the offscreen screen is 800 × 800
    assert area.width() < 1280
    assert w.width() <= area.width() and w.height() <= area.height()
    assert w.windowState() & w.windowState().WindowMaximized

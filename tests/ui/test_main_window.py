from PySide6.QtCore import Qt

from app.ui.main_window import MainWindow
from app.ui.qt_app import install_translations


def test_window_opens_with_the_demo_plan(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.plan_list.count() == 1
    assert window.plan_title.text() == "示例县2026年法治政府建设工作要点"
    model = window.outline_model
    parts = [model.item(r, 0).text() for r in range(model.rowCount())]
    assert parts[0].startswith("一、") and len(parts) == 9
    first_item = model.item(0, 0).child(0, 0)
    assert first_item.text().startswith("（一）")
    assert model.item(0, 0).child(0, 1).text() == "县司法局"
    assert window.outline.editTriggers() == window.outline.EditTrigger.NoEditTriggers
    assert first_item.data(Qt.ItemDataRole.UserRole) > 0


def test_qt_dialogs_speak_chinese(qapp):
    from PySide6.QtCore import QCoreApplication

    assert install_translations(qapp), "qtbase_zh_CN translations not found"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"

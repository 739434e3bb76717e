"""Undo acts only on the page the clerk sees: each page has its own history, the Edit menu names
the step (“撤销 合并单位…”), the status bar shows it, and merge, unit edits and imports undo."""

from pathlib import Path

from PySide6.QtCore import Qt

from app.ui.main_window import SETTINGS

SAMPLE = Path(__file__).parent / "data" / "测试县工作要点.txt"


def names(page):
    return [page.model.unit(r).name for r in range(page.model.rowCount())]


def select_unit(page, name):
    row = names(page).index(name)
    page.table.selectRow(row)
    return page.model.unit(row)


def test_ctrl_z_on_the_units_page_never_undoes_an_import_made_on_the_plans_page(clerk, window, ctx, qtbot):
    clerk.import_file(SAMPLE)
    plans = window.plans_page
    assert plans.combo.count() == 2
    imported = plans.current_plan_id()
    assert window.undo_action.text() == "撤销 导入《测试县2027年法治政府建设工作要点》"

    window.nav.setCurrentRow(1)  # 责任单位
    units = window.units_page
    assert not window.undo_action.isEnabled() and window.undo_action.text() == "撤销"
    assert window.page_undo.label.text() == ""
    source = select_unit(units, "县数字化改革专班")  # created by the import
    target = ctx.services.units.match("县数据局").unit
    units.merge_unit()
    units.dialog.select_target(target.id)
    units.dialog.accept()
    assert "县数字化改革专班" not in names(units)
    assert window.undo_action.text() == "撤销 合并单位“县数字化改革专班”到“县数据局”"
    assert window.page_undo.label.text() == "可撤销：合并单位“县数字化改革专班”到“县数据局”"

    window.activateWindow()
    units.table.setFocus()
    qtbot.keyClick(units.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "县数字化改革专班" in names(units)  # the merge is undone, with the same unit
    assert ctx.services.units.get(source.id).usage == source.usage
    assert window.statusBar().currentMessage() == "已撤销：合并单位“县数字化改革专班”到“县数据局”"
    qtbot.keyClick(units.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # nothing more here
    assert plans.combo.count() == 2 and ctx.services.plans.get_plan(imported)

    window.nav.setCurrentRow(0)
    assert window.undo_action.text().startswith("撤销 导入《")
    window.undo_action.trigger()
    assert plans.combo.count() == 1
    assert ctx.services.units.match("县数字化改革专班").unit is None  # the import's own unit went with it
    window.redo_action.trigger()
    assert plans.combo.count() == 2 and ctx.services.units.match("县数字化改革专班").unit is not None
    # a unit the clerk has filled in since is kept, and the status bar says so
    kept = ctx.services.units.match("县数字化改革专班").unit.id
    ctx.services.units.update_unit(kept, contact_person="王五")
    window.undo_action.trigger()
    message = window.statusBar().currentMessage()
    assert message.startswith("已撤销：导入《") and "“县数字化改革专班”已在别处使用或补充过信息，保留在名录中" in message
    assert ctx.services.units.get(kept).contact_person == "王五"


def test_unit_add_edit_delete_and_order_are_undone_on_the_units_page(window, ctx):
    window.nav.setCurrentRow(1)
    page = window.units_page
    page.add_unit()
    page.dialog.name.setText("县档案馆")
    page.dialog.accept()
    new = ctx.services.units.match("县档案馆").unit
    page.edit_unit()
    page.dialog.short_name.setText("档案馆")
    page.dialog.accept()
    before = names(page)
    page.move(-1)
    assert names(page) != before
    assert window.undo_action.text() == "撤销 上移单位“县档案馆”"
    window.undo_action.trigger()
    assert names(page) == before
    window.undo_action.trigger()
    assert ctx.services.units.get(new.id).short_name == ""
    page.reload(new.id)
    page.delete_unit()
    assert "县档案馆" not in names(page)
    window.undo_action.trigger()  # the deleted unit comes back with its id
    assert ctx.services.units.get(new.id).name == "县档案馆"
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert ctx.services.units.match("县档案馆").unit is None
    window.redo_action.trigger()
    assert ctx.services.units.match("县档案馆").unit.id == new.id


def test_excel_import_of_units_is_one_undo_step(window, ctx, dialogs, tmp_path):
    from openpyxl import Workbook

    path = tmp_path / "单位.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["单位名称", "简称", "类别", "别名"])
    ws.append(["县机关事务中心", "事务中心", "县政府部门", "县机关事务管理局"])
    ws.append(["县司法局", "司法", "县政府部门", ""])
    wb.save(path)
    window.nav.setCurrentRow(1)
    page = window.units_page
    judicial = ctx.services.units.match("县司法局").unit.id
    short = ctx.services.units.get(judicial).short_name
    dialogs.files = [str(path)]
    page.import_xlsx()
    assert "县机关事务中心" in names(page) and ctx.services.units.get(judicial).short_name == "司法"
    assert window.undo_action.text() == "撤销 从 Excel 导入单位（单位.xlsx）"
    window.undo_action.trigger()
    assert "县机关事务中心" not in names(page) and ctx.services.units.get(judicial).short_name == short


def test_pages_without_a_history_have_no_undo(window):
    window.nav.setCurrentRow(2)
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    window.nav.setCurrentRow(SETTINGS)
    assert not window.undo_action.isEnabled()

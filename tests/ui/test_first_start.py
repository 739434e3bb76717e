"""The first-start dialog and the offer to remove an old untouched sample, answered through their
own buttons the way a clerk does."""

import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton

from app.context import open_context
from app.paths import resolve_paths
from app.ui.item_models.template_units_model import TemplateUnitsModel
from app.ui.main_window import SETTINGS, MainWindow
from app.ui.runner import SyncRunner

FIXTURES = Path(__file__).resolve().parents[1] / "db" / "fixtures"


@pytest.fixture
def own_ctx(tmp_path):
    """The clerk's own database, new and empty, as `python -m app --db new.sqlite3` opens it."""
    c = open_context(resolve_paths(tmp_path / "own.sqlite3"))
    yield c
    c.close()


def started(qtbot, ctx) -> MainWindow:
    w = MainWindow(ctx, runner=SyncRunner())
    qtbot.addWidget(w)
    w.show()
    w.start_first_run()
    return w


def test_a_fresh_database_through_the_dialog_holds_exactly_what_the_clerk_chose(qtbot, own_ctx):
    w = started(qtbot, own_ctx)
    d = w.first_start.dialog
    assert d is not None and d.isVisible() and d.stack.currentIndex() == 0
    d.county.setText("郸城县")
    rows = d.issuer_rows
    assert [r.name.text() for r in rows] == ["郸城县人民政府办公室", "中共郸城县委全面依法治县委员会办公室"]
    assert [r.prefix.text() for r in rows] == ["郸政办发", "郸法治办发"]
    rows[1].prefix.setText("郸法治办")
    rows[1].prefix.textEdited.emit("郸法治办")  # typed by the clerk: no longer follows the county's name
    d.county.setText("郸城县 ")
    assert rows[1].prefix.text() == "郸法治办"
    d.next_button.click()
    assert d.stack.currentIndex() == 1 and d.source() == "template"
    model = d.template_editor.model
    name = {model.data(model.index(r, 0)): r for r in range(model.rowCount())}
    qtbot.mouseClick(d.template_editor.findChild(QPushButton, "templateNone"), Qt.MouseButton.LeftButton)
    for wanted in ("县司法局", "县人民法院", "县人民检察院", "各乡镇人民政府"):
        assert model.setData(model.index(name[wanted], 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    model.setData(model.index(name["县司法局"], TemplateUnitsModel.SHORT), "司法局（依法治县办）")
    assert d.template_editor.count_label.text() == f"已勾选 4 / {model.rowCount()} 个单位"
    d.finish_button.click()
    assert not d.isVisible()
    units = own_ctx.services.units.list_units()
    assert [u.name for u in units] == ["县司法局", "县人民法院", "县人民检察院", "各乡镇人民政府"]
    assert units[0].short_name == "司法局（依法治县办）" and "郸城县司法局" in units[0].aliases
    issuers = own_ctx.services.notices.list_issuers()
    assert [(i.name, i.header_text, i.prefix) for i in issuers] == [
        ("郸城县人民政府办公室", "郸城县人民政府办公室文件", "郸政办发"),
        ("中共郸城县委全面依法治县委员会办公室", "中共郸城县委全面依法治县委员会办公室文件", "郸法治办")]
    stored = own_ctx.services.settings.load()
    assert (stored.county_name, stored.default_issuer_id, stored.first_start_done) == ("郸城县", issuers[0].id, True)
    assert own_ctx.services.plans.list_plans() == [] and own_ctx.services.notices.list_notices() == []
    assert own_ctx.settings.county_name == "郸城县"  # the window reads it at once
    assert w.settings_page.county.text() == "郸城县"
    assert "郸城县" in w.statusBar().currentMessage()
    assert own_ctx.services.units.match("郸城县司法局").unit.name == "县司法局"
    w2 = started(qtbot, own_ctx)
    assert w2.first_start.dialog is None  # once


def test_one_issuer_and_no_units(qtbot, own_ctx):
    w = started(qtbot, own_ctx)
    d = w.first_start.dialog
    d.county.setText("某某区")
    d.issuer_rows[0].use.setChecked(False)
    d.next_button.click()
    d.source_buttons["none"].click()
    d.finish_button.click()
    assert [i.name for i in own_ctx.services.notices.list_issuers()] == ["中共某某区委全面依法治区委员会办公室"]
    assert own_ctx.services.units.list_units() == []


def test_units_from_an_excel_file_the_office_keeps(qtbot, own_ctx, dialogs, tmp_path):
    wb = Workbook()
    wb.active.append(["单位名称", "类别"])
    for row in (["县司法局", "县政府部门"], ["县财政局", "县政府部门"], ["城关镇人民政府", "乡镇街道"]):
        wb.active.append(row)
    path = tmp_path / "单位名录.xlsx"
    wb.save(path)
    w = started(qtbot, own_ctx)
    d = w.first_start.dialog
    d.county.setText("郸城县")
    d.next_button.click()
    d.source_buttons["xlsx"].click()
    assert d.source_detail.currentIndex() == 1
    dialogs.files.append(str(path))
    d.findChild(QPushButton, "pickXlsx").click()
    assert d.xlsx_preview.text().startswith("表中有 3 个单位：县司法局、县财政局")
    d.finish_button.click()
    assert [u.name for u in own_ctx.services.units.list_units()] == ["县司法局", "县财政局", "城关镇人民政府"]


def test_wrong_answers_are_said_in_place_and_nothing_is_written(qtbot, own_ctx, tmp_path):
    w = started(qtbot, own_ctx)
    d = w.first_start.dialog
    d.next_button.click()
    assert d.stack.currentIndex() == 0 and "请填写本县" in d.error_label.text()
    d.county.setText("郸城县")
    d.next_button.click()
    assert d.stack.currentIndex() == 1 and d.error_label.text() == ""
    bad = tmp_path / "名录.xlsx"
    bad.write_text("不是表格", encoding="utf-8")
    d.source_buttons["xlsx"].click()
    d.xlsx_path.setText(str(bad))
    d.finish_button.click()
    assert d.isVisible() and "不是有效的 Excel" in d.error_label.text()
    assert own_ctx.services.notices.list_issuers() == [] and own_ctx.services.settings.load().county_name == ""
    d.back_button.click()
    assert d.stack.currentIndex() == 0


def test_put_aside_writes_nothing_but_the_answer(qtbot, own_ctx):
    w = started(qtbot, own_ctx)
    d = w.first_start.dialog
    d.county.setText("郸城县")
    d.later_button.click()
    assert not d.isVisible()
    stored = own_ctx.services.settings.load()
    assert stored.first_start_done and stored.county_name == ""
    assert own_ctx.services.units.list_units() == [] and own_ctx.services.notices.list_issuers() == []
    assert started(qtbot, own_ctx).first_start.dialog is None


def test_the_sample_and_a_worked_database_get_no_dialog(qtbot, ctx):
    w = started(qtbot, ctx)
    assert w.first_start.dialog is None and w.first_start.offer is None


def test_template_units_model(qtmodeltester, qtbot):
    from app.services.first_start.county_template import load_template

    model = TemplateUnitsModel()
    model.set_template(load_template(Path(__file__).resolve().parents[2] / "resources").units, "郸城县")
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)
    first = model.index(0, TemplateUnitsModel.ALIASES)
    assert "郸城县纪委监委" in model.data(first)
    model.setData(first, "甲，乙、 丙")
    model.set_county("某某区")  # an edited row keeps the clerk's words, the others follow
    assert model.chosen()[0].aliases == ("甲", "乙", "丙")
    assert model.chosen()[1].name == "区委办公室"
    row = model.add_row()
    assert model.rowCount() == row.row() + 1 and len(model.chosen()) == row.row()  # empty until named
    model.setData(row, "县档案馆")
    assert model.chosen()[-1].name == "县档案馆"


def test_every_answer_can_be_changed_later(qtbot, own_ctx, dialogs):
    w = started(qtbot, own_ctx)
    d = w.first_start.dialog
    d.county.setText("郸城县")
    d.next_button.click()
    d.source_buttons["none"].click()
    d.finish_button.click()
    # 设置: the county's name and an issuer's 全称, 标志 and 代字
    page = w.settings_page
    w.nav.setCurrentRow(SETTINGS)
    page.county.setText("郸城县（试）")
    page.county.editingFinished.emit()
    assert own_ctx.services.settings.load().county_name == "郸城县（试）"
    page.issuers.setCurrentRow(1)
    assert page.issuer_prefix.text() == "郸法治办发" and page.update_issuer_button.isEnabled()
    page.issuer_prefix.setText("郸法办")
    page.update_issuer_button.click()
    assert own_ctx.services.notices.list_issuers()[1].prefix == "郸法办"
    page.issuers.setCurrentRow(1)
    page.issuer_prefix.setText("郸〔法〕")
    page.update_issuer_button.click()
    assert dialogs.kinds("warning") == ["代字中不能含有括号，年份括号由程序自动加上。"]
    # 责任单位: the county template, edited before saving
    w.nav.setCurrentRow(1)
    units_page = w.units_page
    units_page.findChild(QPushButton, "templateUnits").click()
    td = units_page.dialog
    assert td.isVisible()
    model = td.editor.model
    model.set_all_checked(False)
    model.setData(model.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    first = model.data(model.index(0, 0))
    td.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert [u.name for u in own_ctx.services.units.list_units()] == [first]
    assert units_page.model.rowCount() == 1


# ---- an old database that still holds the untouched sample -----------------------------------
@pytest.fixture
def old_ctx(tmp_path):
    db = tmp_path / "old.sqlite3"
    shutil.copy(sorted(FIXTURES.glob("schema-*.sqlite3"))[0], db)
    c = open_context(resolve_paths(db))
    yield c
    c.close()


def answer(box: QMessageBox, button: QMessageBox.StandardButton) -> None:
    box.button(button).click()


def test_the_old_untouched_sample_removed_on_request_then_the_first_start(qtbot, old_ctx):
    w = started(qtbot, old_ctx)
    box = w.first_start.offer
    assert box is not None and box.isVisible() and "示例县" in box.text()
    assert box.button(QMessageBox.StandardButton.Yes).text() == "删除示例数据"
    answer(box, QMessageBox.StandardButton.Yes)
    assert old_ctx.services.units.list_units() == [] and old_ctx.services.plans.list_plans() == []
    assert list(old_ctx.paths.backup_dir.glob("*before-sample-removal*.sqlite3"))
    assert w.plans_page.combo.count() == 0
    assert w.first_start.dialog is not None and w.first_start.dialog.isVisible()
    assert old_ctx.settings.county_name == ""


def test_the_old_sample_kept_is_never_offered_again(qtbot, old_ctx):
    w = started(qtbot, old_ctx)
    answer(w.first_start.offer, QMessageBox.StandardButton.No)
    assert len(old_ctx.services.units.list_units()) > 40
    assert old_ctx.services.settings.load().sample_offer_made
    again = started(qtbot, old_ctx)
    assert again.first_start.offer is None and again.first_start.dialog is None


def test_a_worked_old_database_is_left_alone(qtbot, old_ctx):
    unit = old_ctx.services.units.list_units()[0]
    old_ctx.services.units.update_unit(unit.id, contact_person="王科长")
    w = started(qtbot, old_ctx)
    assert w.first_start.offer is None and w.first_start.dialog is None
    assert old_ctx.services.units.get(unit.id).contact_person == "王科长"


def test_the_gui_on_a_new_file_opens_it_empty_with_the_dialog(qapp, tmp_path, monkeypatch):
    import argparse
    import sys

    import app.main

    monkeypatch.setattr(app.main, "setup_logging", lambda log_dir: None)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # start_gui installs its own
    _app, ctx, window = app.main.start_gui(argparse.Namespace(db=str(tmp_path / "新.sqlite3")))
    try:
        assert window.first_start.dialog is not None and window.first_start.dialog.isVisible()
        assert ctx.services.units.list_units() == [] and ctx.services.plans.list_plans() == []
        assert ctx.settings.county_name == "" and not ctx.settings.demo_loaded
    finally:
        window.close()
        ctx.close()


def test_a_database_on_a_network_drive_opens_with_a_warning_that_does_not_block(qapp, tmp_path, monkeypatch):
    import argparse
    import sys

    from PySide6.QtWidgets import QApplication, QMessageBox

    import app.main
    from app.services.server import network_drive

    monkeypatch.setattr(app.main, "setup_logging", lambda log_dir: None)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # start_gui installs its own
    monkeypatch.setattr(network_drive, "network_reason", lambda _p, platform=None: "映射的网络驱动器 Z:")
    _app, ctx, window = app.main.start_gui(argparse.Namespace(db=str(tmp_path / "共享.sqlite3")))
    try:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        assert [b.windowTitle() for b in boxes] == ["数据库位置"]
        assert "映射的网络驱动器 Z:" in boxes[0].text() and "服务器" in boxes[0].text()
        assert window.isVisible()  # the window is there behind it: start did not wait for the answer
        boxes[0].button(QMessageBox.StandardButton.Ok).click()
        QApplication.processEvents()
        assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    finally:
        window.close()
        ctx.close()

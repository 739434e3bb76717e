"""The 年度报告 page driven as a clerk does: draft with the button, edit a part, undo it, re-draft
(the dialog asks before an edited part is replaced), change a property, type a paper figure in,
export both variants through the menu, figures sheets out and back."""

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.services.reports import figure_sheet as F
from app.services.reports import template as T
from app.ui.main_window import REPORT


def open_page(window):
    window.nav.setCurrentRow(REPORT)
    return window.report_page


def select(page, key):
    report = page.reports.report(page.plan_id())
    page.editor.select_section(report.section(key).id)


def menu_action(window, name):
    from PySide6.QtGui import QAction

    return window.findChild(QAction, name)


def test_draft_edit_undo_and_redraft_keeps_the_edit(window, qtbot, dialogs):
    page = open_page(window)
    assert page.buttons["draft"].text() == "起草" and not page.buttons["gov"].isEnabled()
    page.buttons["draft"].click()
    assert page.buttons["draft"].text() == "重新起草" and page.buttons["gov"].isEnabled()
    titles = [page.editor.model.data(page.editor.model.index(r, 0)) for r in range(page.editor.model.rowCount())]
    assert titles[0] == "（开头）" and "一、主要举措和成效" in titles and "五、其他需要报告的情况" in titles
    select(page, T.OTHER)
    page.editor.text.setPlainText("我县没有其他需要报告的情况。")
    select(page, T.OPENING)  # leaving the part commits the edit
    assert page.reports.report(page.plan_id()).section(T.OTHER).text == "我县没有其他需要报告的情况。"
    assert "（已修改）" in page.editor.model.data(page.editor.model.index(titles.index("五、其他需要报告的情况"), 0))
    window.undo_action.trigger()
    assert page.reports.report(page.plan_id()).section(T.OTHER).text.startswith("2026年，县委依法治县办")
    window.redo_action.trigger()
    # next year's plan appears: re-drafting would change the part the clerk edited … after asking
    window.ctx.services.plans.clone_plan(page.plan_id(), 2027)
    select(page, T.NEXT_YEAR)
    page.editor.text.setPlainText("手写的明年安排。")
    select(page, T.OPENING)
    page.buttons["draft"].click()
    dialog = page.actions.dialog
    assert dialog.isVisible() and [dialog.list.item(i).text() for i in range(dialog.list.count())] == ["2027年主要安排"]
    assert "示例县2027年法治政府建设工作要点" in dialog.new.toPlainText()
    dialog.ok.click()  # nothing ticked: the clerk's text stays
    assert page.reports.report(page.plan_id()).section(T.NEXT_YEAR).text == "手写的明年安排。"
    page.buttons["draft"].click()  # the draft the clerk kept is not asked about again
    assert page.actions.dialog is dialog and not dialog.isVisible()
    select(page, T.NEXT_YEAR)
    page.editor.text.setPlainText("再次手写的安排。")
    select(page, T.OPENING)
    plans = window.ctx.services.plans
    newer = plans.clone_plan(page.plan_id(), 2027)  # a newer 2027 draft plan: the draft changes
    plans.update_plan(newer.id, title="示例县2027年法治政府建设工作要点（征求意见稿）")
    page.buttons["draft"].click()
    again = page.actions.dialog
    assert again is not dialog and again.isVisible()
    again.list.item(0).setCheckState(Qt.CheckState.Checked)  # this time: replace it
    again.ok.click()
    assert page.reports.report(page.plan_id()).section(T.NEXT_YEAR).text.startswith("2027年，我县将以")
    window.undo_action.trigger()
    assert page.reports.report(page.plan_id()).section(T.NEXT_YEAR).text == "再次手写的安排。"


def test_properties_check_and_export_through_the_menu(window, dialogs, tmp_path):
    page = open_page(window)
    page.buttons["draft"].click()
    page.tabs.setCurrentWidget(page.properties)
    page.properties.gov_number.setText("示政发〔2027〕3号")
    page.properties.gov_number.editingFinished.emit()
    assert page.reports.report(page.plan_id()).gov_doc_number == "示政发〔2027〕3号"
    page.properties.gov_number.setText("示政发[2027]3号")  # refused: the old value comes back
    page.properties.gov_number.editingFinished.emit()
    assert "六角括号" in dialogs.kinds("warning")[-1] + "".join(dialogs.kinds("critical"))
    assert page.reports.report(page.plan_id()).gov_doc_number == "示政发〔2027〕3号"
    page.properties.superior.setText("中共示例市委、示例市人民政府")
    page.properties.superior.editingFinished.emit()
    assert window.ctx.settings.report_superior == "中共示例市委、示例市人民政府"
    assert window.ctx.services.settings.load().report_superior == "中共示例市委、示例市人民政府"
    page.properties.placement.setCurrentIndex(1)
    page.properties.placement.activated.emit(1)
    assert page.reports.report(page.plan_id()).duty_placement == T.SECTION
    window.undo_action.trigger()
    assert page.reports.report(page.plan_id()).duty_placement == T.CHAPTER
    page.properties.variant.setCurrentIndex(1)  # the joint report: its 主送 is set now
    page.findChild(type(page.buttons["gov"]), "reportCheck").click()
    found = [page.properties.findings.item(i).text() for i in range(page.properties.findings.count())]
    assert any("【待补充】" in f for f in found) and not any("上级党委" in f for f in found)
    for name, file in (("action_report_export_gov", "gov.pdf"), ("action_report_export_joint", "joint.docx"),
                       ("action_report_export_public", "public.pdf")):
        dialogs.files.append(str(tmp_path / file))
        menu_action(window, name).trigger()
        assert (tmp_path / file).stat().st_size > 10_000


def test_figures_typed_in_and_sheets_out_and_back(window, dialogs, monkeypatch, tmp_path):
    page = open_page(window)
    page.tabs.setCurrentWidget(page.figures)
    fields = page.figures.fields
    row = next(r for r in range(fields.rowCount()) if fields.field(r).name == "行政复议案件")
    page.figures.field_table.selectRow(row)
    assert fields.data(fields.index(row, 2)) == "47"
    units = page.figures.units
    assert units.data(units.index(0, 0)) == "县司法局"
    units.setData(units.index(0, 1), "50")
    assert fields.data(fields.index(row, 2)) == "50"
    window.undo_action.trigger()
    assert fields.data(fields.index(row, 2)) == "47"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    page.figures.findChild(type(page.buttons["gov"]), "figureExport").click()
    sheet = tmp_path / "县司法局-2026年度法治政府建设数据表.xlsx"
    assert sheet.is_file()
    wb = load_workbook(sheet)
    ws = wb[F.DATA_SHEET]
    r = next(r for r in range(F.FIRST_ROW, ws.max_row + 1) if ws.cell(r, F.FIELD_ID).value == "行政复议案件")
    ws.cell(r, F.VALUE, 55)
    wb.save(sheet)
    bad = tmp_path / "自制表.xlsx"
    bad.write_bytes(b"not a workbook")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(sheet), str(bad)], ""))
    page.figures.findChild(type(page.buttons["gov"]), "figureImport").click()
    dialog = page.actions.dialog
    from PySide6.QtWidgets import QPlainTextEdit

    assert "自制表.xlsx" in dialog.findChild(QPlainTextEdit, "refusedFiles").toPlainText()
    assert "县司法局 2026年度数据表" in dialog.summary.text() and dialog.model.taken() == 1
    dialog.ok.click()
    page.figures.field_table.selectRow(row)
    assert fields.data(fields.index(row, 2)) == "55"
    window.undo_action.trigger()
    assert fields.data(fields.index(row, 2)) == "47"
    assert Path(sheet).exists()


def test_dates_tab_lists_the_checklist(window):
    page = open_page(window)
    page.buttons["draft"].click()
    items = [page.checklist.item(i).text() for i in range(page.checklist.count())]
    assert len(items) == 5 and items[1].startswith("☑") and "通过政府网站向社会公开" in items[-1]

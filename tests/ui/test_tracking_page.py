"""督办 page driven through its widgets: the grid and keyboard entry, undo through the window's 编辑
menu, the dashboard's numbers leading to the rows behind them, the unit view, the calendar, the
import dialog, 催报/通报 drafting into the 公文 page, 销号 and 延期, and the 设置 thresholds."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QPlainTextEdit, QToolButton

from app.services.tracking import form_layout as F
from app.ui.dialogs import messages
from app.ui.item_models.ledger_table_model import LedgerTableModel
from app.ui.main_window import SETTINGS, TRACKING
from app.ui.runner import SyncRunner
from tests.unit.tracking.conftest import tracked_context


@pytest.fixture
def tracked_window(qtbot, tmp_path):
    from app.ui.main_window import MainWindow

    t = tracked_context(tmp_path / "ui.sqlite3")
    t.ctx.services.__dict__["tracking"] = t.service  # the demo's clock: 1 December 2026
    w = MainWindow(t.ctx, runner=SyncRunner())
    qtbot.addWidget(w)
    w.resize(1366, 768)
    with qtbot.waitExposed(w):
        w.show()
    w.nav.setCurrentRow(TRACKING)
    yield w, w.tracking_page
    w.close()
    t.ctx.close()


def rows(page):
    view = page.ledger_view
    return [view.model.row(view.proxy.mapToSource(view.proxy.index(r, 0)).row()) for r in range(view.proxy.rowCount())]


def pick(page, serial: int, unit: str):
    view = page.ledger_view
    assert view.select(next(r.task.node_id for r in page.ledger.rows if r.task.serial == serial),
                       next(u for u, n in page.ledger.units.items() if n == unit))
    return view.selected()


def test_item_models_pass_the_model_tester(tracked_window, qtmodeltester):
    _w, page = tracked_window
    qtmodeltester.check(page.ledger_view.model, force_py=True)
    qtmodeltester.check(page.ledger_view.proxy, force_py=True)
    page.tabs.setCurrentIndex(1)
    qtmodeltester.check(page.unit_view.model, force_py=True)
    qtmodeltester.check(page.unit_view.returns, force_py=True)


def test_page_opens_on_the_period_being_chased_with_lights(tracked_window):
    _w, page = tracked_window
    assert page.period.currentText() == "2026年11月"
    model = page.ledger_view.model
    row = pick(page, 10, "县司法局")
    src = model.row_of(row.task.node_id, row.unit_id)
    assert model.data(model.index(src, LedgerTableModel.LIGHT)) == "红"
    assert "已超过完成时限" in model.data(model.index(src, LedgerTableModel.LIGHT), Qt.ItemDataRole.ToolTipRole)
    assert "红灯" in page.ledger_view.panel.light.text()


def test_keyboard_entry_and_undo_through_the_edit_menu(tracked_window, qtbot):
    w, page = tracked_window
    view = page.ledger_view
    view.unit.setCurrentIndex(view.unit.findText("县信访局"))
    assert [r.unit_name for r in rows(page)] == ["县信访局"]
    assert rows(page)[0].entry is None
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_2)  # 推进中, keeping October's report
    row = rows(page)[0]
    assert row.entry is not None and row.entry.status == "推进中" and row.entry.percent == 61
    assert "未按时报送" not in row.light.explain()
    assert w.undo_action.isEnabled() and "登记状态" in w.undo_action.text()
    w.undo_action.trigger()
    assert rows(page)[0].entry is None
    w.redo_action.trigger()
    assert rows(page)[0].entry is not None


def test_panel_entry_ctrl_enter_saves_and_moves_on(tracked_window, qtbot):
    _w, page = tracked_window
    view = page.ledger_view
    view.unit.setCurrentIndex(view.unit.findText("县司法局"))
    first = pick(page, 11, "县司法局")
    panel = view.panel
    panel.percent.setValue(90)
    panel.text.setPlainText("已有12个乡镇落实合法性审核人员。")
    panel.reporter.setText("王静")
    qtbot.keyClick(panel.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    saved = next(r for r in page.ledger.rows if r.task.node_id == first.task.node_id and r.unit_id == first.unit_id)
    assert saved.entry.values.percent == 90 and saved.entry.reported_by == "王静"
    assert saved.light.color == "绿"
    assert view.selected() is not None and view.selected().task.node_id != first.task.node_id


def test_ctrl_d_takes_last_period_as_this_one(tracked_window, qtbot):
    _w, page = tracked_window
    row = pick(page, 27, "县统计局")
    qtbot.keyClick(page.ledger_view.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    again = next(r for r in page.ledger.rows if r.task.node_id == row.task.node_id and r.unit_id == row.unit_id)
    assert again.entry.values == row.last.values


def test_dashboard_numbers_lead_to_their_rows(tracked_window):
    _w, page = tracked_window
    page.tabs.setCurrentWidget(page.dashboard)
    red = page.dashboard.tiles["red"].text().split("\n")[0]
    page.dashboard.tiles["red"].click()
    assert page.tabs.currentWidget() is page.ledger_view
    assert len(rows(page)) == int(red) and all(r.light.color == "红" for r in rows(page))
    page.tabs.setCurrentWidget(page.dashboard)
    page.dashboard.tiles["missing"].click()
    assert {r.unit_name for r in rows(page)} == {"县信访局", "县统计局"}
    page.tabs.setCurrentWidget(page.dashboard)
    bar = page.dashboard.unit_chart.chart.bars[0]
    page.dashboard.unit_chart.click_bar(0)
    assert len(rows(page)) == bar.total and {r.unit_name for r in rows(page)} == {bar.label}


def test_unit_view_and_calendar(tracked_window):
    _w, page = tracked_window
    page.tabs.setCurrentWidget(page.unit_view)
    page.unit_view.unit.setCurrentIndex(page.unit_view.unit.findText("县信访局"))
    model = page.unit_view.model
    november = model.columnCount() - 2
    assert model.data(model.index(0, november)) == "未报" and "推进中" in model.data(model.index(0, november - 1))
    assert page.unit_view.returns.rowCount() >= 8
    page.tabs.setCurrentWidget(page.calendar)
    texts = [page.calendar.list.item(i).text() for i in range(page.calendar.list.count())]
    assert any("2026年11月进展情况报送截止" in t for t in texts)
    assert any("年度报告" in e.kind for e in page.calendar.events)
    # next year's first quarter: the annual report's steps, each ticked from the report's state
    following = page.calendar.calendar.findChild(QToolButton, "qt_calendar_nextmonth")
    steps = []
    for _month in range(4):  # December, then January to March 2027 with the clerk's ▶ button
        following.click()
        steps += [page.calendar.list.item(i).text() for i in range(page.calendar.list.count())]
    steps = [t for t in steps if t.endswith(("（已完成）", "（未完成）"))]
    assert len(steps) == 5 and any("起草2026年度法治政府建设情况报告" in t for t in steps)
    assert any("通过政府网站向社会公开" in t for t in steps)


def test_forms_out_and_returns_in_with_per_row_choice(tracked_window, monkeypatch, tmp_path, dialogs):
    w, page = tracked_window
    page.select_period(page.tracking.schedule(page.plan_id()).by_key("2026-12").id)
    monkeypatch.setattr(messages, "choose_folder", lambda *a, **k: str(tmp_path))
    page.buttons["forms"].click()
    files = sorted(tmp_path.glob("*.xlsx"))
    assert len(files) > 10 and any("进展情况报表" in t for t in dialogs.kinds("information"))
    mine = next(f for f in files if f.name.startswith("县审计局"))
    wb = load_workbook(mine)
    wb[F.DATA_SHEET].cell(F.FIRST_ROW, F.PERCENT, 96)
    wb.save(mine)
    bad = tmp_path / "坏文件.xlsx"
    bad.write_text("不是表格", encoding="utf-8")
    monkeypatch.setattr(messages, "open_files", lambda *a, **k: [str(mine), str(bad)])
    page.buttons["import"].click()
    dialog = page.actions.dialog
    assert "坏文件.xlsx" in dialog.findChild(QPlainTextEdit, "refusedFiles").toPlainText()
    model = dialog.model
    assert model.rowCount() == 1 and model.data(model.index(0, 4)) == "修改"
    dialog.ok.click()
    row = pick(page, 26, "县审计局")
    assert row.entry.values.percent == 96 and row.entry.source_file == mine.name
    w.undo_action.trigger()
    assert pick(page, 26, "县审计局").entry.values.percent == 82


def test_bulletin_drafts_into_the_notices_page_and_undo_removes_it(tracked_window, dialogs):
    w, page = tracked_window
    page.buttons["bulletin"].click()
    assert w.nav.currentRow() == 2  # answered “去公文页”
    notice = w.notices_page.notice
    assert notice.doc_number == "示法办督〔2026〕1号" and "通报" in notice.title
    w.nav.setCurrentRow(TRACKING)
    w.undo_action.trigger()
    assert all(n.id != notice.id for n in w.ctx.services.notices.list_notices())


def test_menu_entries_reach_the_page(tracked_window, dialogs):
    w, _page = tracked_window
    dialogs.confirm = False
    w.findChild(type(w.undo_action), "action_track_remind").trigger()
    assert any("催报" in t for t in dialogs.kinds("question"))
    assert any(n.title.startswith("关于催报") for n in w.ctx.services.notices.list_notices())


def test_close_and_reopen_a_task_through_the_dialogs(tracked_window):
    w, page = tracked_window
    pick(page, 4, "县委编办")
    page.ledger_view.panel.buttons["close"].click()
    page.actions.dialog.text.setPlainText("示编发〔2026〕3号")
    page.actions.dialog.accept()
    assert pick(page, 4, "县委编办").status_text == "已销号"
    page.ledger_view.panel.buttons["reopen"].click()
    page.actions.dialog.text.setPlainText("抽查发现未公开")
    page.actions.dialog.accept()
    assert pick(page, 4, "县委编办").status_text == "已完成"
    w.undo_action.trigger()
    assert pick(page, 4, "县委编办").status_text == "已销号"


def test_extension_request_and_decision(tracked_window):
    _w, page = tracked_window
    pick(page, 30, "县司法局")
    page.ledger_view.panel.buttons["extension"].click()
    d = page.actions.dialog
    d.reason.setPlainText("规划需待上级印发后分解。")
    d.deadline.setDate(QDate(2027, 3, 31))
    d.accept()
    assert "延期申请待审批" in pick(page, 30, "县司法局").light.explain()
    page.ledger_view.panel.buttons["decide"].click()
    page.actions.dialog.accept()
    task = pick(page, 30, "县司法局").task
    assert task.effective_deadline == QDate(2027, 3, 31).toPython() and task.extension.decision == "同意"


def test_settings_thresholds_change_the_lights(tracked_window):
    w, page = tracked_window
    before = page.summary.by_light["红"]
    w.nav.setCurrentRow(SETTINGS)
    w.settings_page.tracking_box.lag_red.setValue(50)
    w.nav.setCurrentRow(TRACKING)
    assert page.summary.by_light["红"] < before


def _audit_actions(ctx) -> list[tuple[str, str]]:
    from sqlalchemy import select

    from app.models import AuditLog
    from app.models.database import session_scope

    with session_scope(ctx.session_factory) as s:
        return [(r.entity, r.action) for r in s.scalars(select(AuditLog).order_by(AuditLog.id))]


def _press_ok(dialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_extension_and_milestones_are_undone_from_the_edit_menu_and_logged(tracked_window):
    w, page = tracked_window
    logged = len(_audit_actions(w.ctx))
    pick(page, 30, "县司法局")
    page.ledger_view.panel.buttons["extension"].click()
    d = page.actions.dialog
    d.reason.setPlainText("规划需待上级印发后分解。")
    d.deadline.setDate(QDate(2027, 3, 31))
    _press_ok(d)
    assert pick(page, 30, "县司法局").task.extension is not None
    assert "延期" in w.undo_action.text()
    w.undo_action.trigger()
    assert pick(page, 30, "县司法局").task.extension is None  # the request is gone again

    node = pick(page, 30, "县司法局").task.node_id
    before = page.tracking.milestones.list(node)
    page.ledger_view.panel.buttons["milestones"].click()
    page.actions.dialog.text.setPlainText("2026-06-30 40 完成方案\n2026-12-31 100 全面完成")
    _press_ok(page.actions.dialog)
    assert [x.target_percent for x in page.tracking.milestones.list(node)] == [40, 100]
    assert "序时目标" in w.undo_action.text()
    w.undo_action.trigger()
    assert page.tracking.milestones.list(node) == before
    assert len(_audit_actions(w.ctx)) - logged >= 4  # each step and each undo is in the audit log

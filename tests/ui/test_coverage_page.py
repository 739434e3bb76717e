"""The 对照 page driven as a clerk does: import the superior's document through the menu, confirm and
reject suggestions, mark 不适用 with a reason, make a county task from an uncovered item, undo each,
the reverse view, an indicator system, the Excel and the 对照表 on the notice."""

from openpyxl import Workbook
from PySide6.QtGui import QAction

from app.services.coverage.dto import COVERED, NOT_APPLICABLE, UNCOVERED
from app.ui.main_window import COVERAGE
from tests.unit.coverage.conftest import SUPERIOR_FILE


def open_with_superior(window, dialogs):
    window.nav.setCurrentRow(COVERAGE)
    page = window.coverage_page
    assert page.model.rowCount() == 0 and "导入上级文件" in page.summary.text()
    dialogs.files.append(str(SUPERIOR_FILE))
    window.findChild(QAction, "action_coverage_import_superior").trigger()
    assert page.model.rowCount() == 35 and page.source.currentText().startswith("上级文件：《自治区")
    return page


def status(page, row):
    return page.model.data(page.model.index(row, 3))


def test_confirm_reject_not_applicable_and_undo(window, dialogs):
    page = open_with_superior(window, dialogs)
    page.table.selectRow(3)  # （四）全面实行政府权责清单制度
    detail = page.detail
    assert detail.suggested.data(detail.suggested.index(0, 1)).endswith("动态调整权责清单")
    detail.confirm.click()
    assert status(page, 3) == COVERED and "动态调整权责清单" in page.model.data(page.model.index(3, 2))
    assert "已对应 1 项" in page.summary.text()
    window.undo_action.trigger()
    assert status(page, 3) == UNCOVERED
    window.redo_action.trigger()
    assert status(page, 3) == COVERED
    page.table.selectRow(1)  # （二）坚持党的领导: reject its first suggestion
    first = detail.suggested.task(0)[0].node_id
    detail.reject.click()
    assert first not in [t.node_id for t, _s in page.current_row().suggestions]
    page.table.selectRow(10)  # （十一）公共法律服务: no suggestion; the clerk names the county task
    dialogs.items.append(29)  # 第30项 启动实施“九五”普法规划
    detail.pick.click()
    assert status(page, 10) == COVERED and "九五" in page.model.data(page.model.index(10, 2))
    page.table.selectRow(11)  # （十二）加强重点领域立法
    detail.not_applicable.setChecked(True)
    detail.note.setPlainText("县级无立法权")
    detail.findChild(type(detail.confirm), "coverageSaveNote").click()
    assert status(page, 11) == NOT_APPLICABLE and "不适用 1 项" in page.summary.text()
    window.undo_action.trigger()
    assert status(page, 11) == UNCOVERED
    detail.not_applicable.setChecked(True)
    detail.note.setPlainText("")
    detail.findChild(type(detail.confirm), "coverageSaveNote").click()  # no reason: refused
    assert any("请写明理由" in t for t in dialogs.kinds("warning") + dialogs.kinds("critical"))
    assert status(page, 11) == UNCOVERED


def test_county_task_from_an_uncovered_item_and_the_reverse_view(window, dialogs):
    page = open_with_superior(window, dialogs)
    plans = window.ctx.services.plans
    before = sum(1 for _ in _tasks(plans.tree(page.plan_id())))
    unlinked_before = page.reverse.rowCount()
    page.table.selectRow(5)  # （六）深入推进“证照分离”改革: no suggestion in the demo plan
    page.detail.draft.click()
    assert sum(1 for _ in _tasks(plans.tree(page.plan_id()))) == before + 1
    assert status(page, 5) == COVERED and "新建待核" in page.model.data(page.model.index(5, 2))
    assert page.detail.accept_new.isEnabled()
    page.detail.accept_new.click()
    assert "新建待核" not in page.model.data(page.model.index(5, 2))
    assert page.reverse.rowCount() == unlinked_before  # the new task is linked, the others unchanged
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert status(page, 5) == UNCOVERED and sum(1 for _ in _tasks(plans.tree(page.plan_id()))) == before
    window.undo_action.trigger()  # the import itself
    assert page.model.rowCount() == 0


def test_indicator_system_excel_and_notice_table(window, dialogs, tmp_path):
    page = open_with_superior(window, dialogs)
    wb = Workbook()
    ws = wb.active
    ws.append(["一级指标", "二级指标", "三级指标"])
    ws.append(["一、政府职能依法全面履行", "1.推进权责清单管理", "1.动态调整县级部门权责清单"])
    ws.append(["一、政府职能依法全面履行", "1.推进权责清单管理", "2.严格执行市场准入负面清单"])
    wb.save(tmp_path / "指标.xlsx")
    dialogs.files.append(str(tmp_path / "指标.xlsx"))
    window.findChild(QAction, "action_coverage_import_indicators").trigger()
    assert page.source.currentText() == "指标体系：《指标》" and page.model.rowCount() == 2
    dialogs.files.append(str(tmp_path / "对照.xlsx"))
    window.findChild(QAction, "action_coverage_export_xlsx").trigger()
    assert (tmp_path / "对照.xlsx").stat().st_size > 5000
    page.source.setCurrentIndex(0)
    window.findChild(QAction, "action_coverage_attach_table").trigger()
    notice = next(n for n in window.ctx.services.notices.list_notices() if n.plan_id == page.plan_id())
    assert notice.attachments[-1]["title"] == "上级文件重点任务对照表"
    window.undo_action.trigger()
    notice = window.ctx.services.notices.get_notice(notice.id)
    assert [a["title"] for a in notice.attachments] == ["示例县2026年法治政府建设工作要点", "重点任务分工表"]


def _tasks(nodes):
    for n in nodes:
        if n.is_task:
            yield n
        yield from _tasks(n.children)

"""Units page: search, category filter, add and edit with aliases, order, delete blocked while in
use with merging offered, merge, and the .xlsx round trip."""

from openpyxl import load_workbook

from app.ui.item_models.unit_table_model import UnitTableModel


def select(page, name):
    row = next(r for r in range(page.model.rowCount()) if page.model.unit(r).name == name)
    page.table.selectRow(row)
    return page.model.unit(row)


def names(page):
    return [page.model.unit(r).name for r in range(page.model.rowCount())]


def test_search_and_category_filter(window, qtbot):
    page = window.units_page
    total = page.model.rowCount()
    page.search.setText("司法")
    qtbot.waitUntil(lambda: page.model.rowCount() < total, timeout=30_000)
    assert "县司法局" in names(page) and all("司法" in n or "司法" in "".join(page.model.unit(r).aliases)
                                             for r, n in enumerate(names(page)))
    page.search.setText("")
    page.category.setCurrentIndex(page.category.findData("乡镇街道"))
    assert names(page) and all(page.model.unit(r).category == "乡镇街道" for r in range(page.model.rowCount()))
    assert page.count_label.text() == f"共 {page.model.rowCount()} 个单位"


def test_add_edit_aliases_and_order(window, ctx):
    page = window.units_page
    page.add_unit()
    dialog = page.dialog
    dialog.name.setText("县档案馆")
    dialog.category.setCurrentText("县政府部门")
    dialog.aliases.setPlainText("示例县档案馆\n县档案局")
    dialog.accept()
    unit = ctx.services.units.match("县档案局").unit
    assert unit is not None and unit.name == "县档案馆"
    assert names(page)[-1] == "县档案馆" and page.selected().name == "县档案馆"

    page.edit_unit()
    page.dialog.short_name.setText("档案馆")
    page.dialog.accept()
    assert ctx.services.units.get(unit.id).short_name == "档案馆"

    before = names(page)
    page.move(-1)
    after = names(page)
    assert after[-1] == before[-2] and after[-2] == "县档案馆"
    assert [u.name for u in ctx.services.units.list_units()] == after


def test_duplicate_name_is_refused_in_chinese(window, dialogs):
    page = window.units_page
    page.add_unit()
    page.dialog.name.setText("县司法局")
    page.dialog.accept()
    assert dialogs.kinds("warning") == ["单位“县司法局”已存在。"]


def test_delete_is_blocked_while_in_use_and_merge_is_offered(window, ctx, dialogs):
    page = window.units_page
    unit = select(page, "县司法局")
    usage = unit.usage
    page.delete_unit()
    asked = dialogs.kinds("question")
    assert asked[0] == "确定从名录中删除“县司法局”吗？"
    assert "仍承担" in asked[1] and "合并" in asked[1]
    merge = page.dialog
    assert merge is not None and merge.isVisible()
    target = ctx.services.units.match("县委依法治县办").unit
    target_usage = ctx.services.units.get(target.id).usage
    merge.select_target(target.id)
    merge.accept()
    assert ctx.services.units.match("县司法局").unit.id == target.id  # the old name is now an alias
    assert ctx.services.units.get(target.id).usage <= target_usage + usage
    assert "县司法局" not in names(page)
    assert page.selected().name == "县委依法治县办"
    # the plan editor shows the merged unit at once
    editor = window.plans_page.editor
    assert editor.model.roots()[0].children[0].lead_units == ["县委依法治县办"]


def test_unused_unit_is_deleted(window, ctx):
    page = window.units_page
    spare = ctx.services.units.add_unit("县临时专班", category="其他")
    page.reload(spare.id)
    page.delete_unit()
    assert "县临时专班" not in names(page)
    assert ctx.services.units.match("县临时专班").unit is None


def test_export_and_import_xlsx(window, ctx, dialogs, tmp_path):
    page = window.units_page
    out = tmp_path / "名录.xlsx"
    dialogs.files = [str(out)]
    page.export_xlsx()
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert len(rows) == page.model.rowCount() + 1 and rows[0][0] == "单位名称"

    ws_book = load_workbook(out)
    ws = ws_book.active
    ws.append(["县机关事务中心", "机关事务中心", "县政府部门", "县机关事务管理局", "", "", None, "在用", 0])
    ws_book.save(out)
    dialogs.files = [str(out)]
    page.import_xlsx()
    assert "新增 1 个单位" in dialogs.kinds("information")[-1]
    assert "县机关事务中心" in names(page)
    assert page.model.data(page.model.index(names(page).index("县机关事务中心"), UnitTableModel.ALIASES)) == "县机关事务管理局"


def test_a_units_task_list_and_its_export(window, ctx, dialogs, tmp_path, qtbot):
    page = window.units_page
    unit = select(page, "县司法局")
    tasks = page.tasks
    assert tasks.title.text() == "“县司法局”的任务：牵头 12 项，配合 5 项"
    assert tasks.table.rowCount() == unit.usage
    assert tasks.plan.currentData() == ctx.demo_plan_id  # the only plan it works in
    assert [tasks.table.item(0, c).text() for c in (1, 3, 4)] == ["一、（一）", "牵头", "2026年年底前"]
    out = tmp_path / "司法局任务.xlsx"
    dialogs.files = [str(out)]
    tasks.export_button.click()
    rows = [r for r in load_workbook(out).active.iter_rows(values_only=True) if any(r)]
    assert rows[0][0] == "县司法局任务清单" and len(rows) == 4 + unit.usage  # title, header, plan line, note
    assert rows[-1][0].startswith("序号与该工作要点的重点任务分工表一致")
    assert "已导出“县司法局”的 17 项任务" in window.statusBar().currentMessage()
    # double-clicking a task opens it in the plan editor
    row = next(r for r in range(tasks.table.rowCount()) if tasks.table.item(r, 1).text() == "三、（四）")
    tasks.table.cellDoubleClicked.emit(row, 2)
    assert window.stack.currentIndex() == 0
    assert window.plans_page.editor.current_node().heading == "推进乡镇合法性审核全覆盖"


def test_unit_task_list_over_several_plans(window, ctx):
    clone = ctx.services.plans.clone_plan(ctx.demo_plan_id)
    page = window.units_page
    page.reload()
    select(page, "县审计局")
    tasks = page.tasks
    assert tasks.plan.count() == 3 and tasks.plan.currentData() is None  # 全部工作要点
    assert tasks.table.rowCount() == 2 and not tasks.table.isColumnHidden(0)
    tasks.plan.setCurrentIndex(tasks.plan.findData(clone.id))
    assert tasks.table.rowCount() == 1 and tasks.table.isColumnHidden(0)
    select(page, "县委办公室")  # no tasks
    assert tasks.table.rowCount() == 0 and not tasks.export_button.isEnabled()

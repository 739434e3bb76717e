"""Finding and bulk-editing tasks the way a clerk does: Ctrl+F and the search box, the filter row,
header clicks to sort, Ctrl+click to select, Ctrl+B 批量设置 and Ctrl+H 查找和替换 through their
dialogs, each edit undone in one step from the Edit menu."""

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.services.plan_tree import iter_nodes
from app.ui.item_models.plan_tree_model import PlanTreeModel


def shown(editor, parent=None):
    """The heading of every row the outline shows, depth first."""
    parent = parent if parent is not None else QModelIndex()
    out = []
    proxy = editor.proxy
    for row in range(proxy.rowCount(parent)):
        idx = proxy.index(row, 0, parent)
        node = editor.node_at(idx)
        out.append(node.heading)
        out += shown(editor, idx)
    return out


def tasks(ctx):
    return [n for n in iter_nodes(ctx.services.plans.tree(ctx.demo_plan_id)) if n.is_task]


def test_search_box_finds_by_heading_text_unit_and_person(clerk, window):
    editor = clerk.editor
    hits = clerk.search("刘芳")
    assert [n.heading for n in hits] == ["加强行政规范性文件制定管理", "全面落实合法性审查制度",
                                         "发挥行政复议化解行政争议主渠道作用"]
    assert editor.filter_bar.count.text() == "找到 3 项"
    # the parts stay visible (greyed) so every hit keeps its place in the outline
    assert shown(editor) == ["健全依法行政制度体系", *[h.heading for h in hits[:2]], "健全社会矛盾纠纷行政预防调处化解体系",
                             hits[2].heading]
    part = editor.view_index(editor.model.roots()[2].id)
    assert editor.proxy.data(part, Qt.ItemDataRole.ForegroundRole) is not None
    assert editor.proxy.data(editor.view_index(hits[0].id), Qt.ItemDataRole.ForegroundRole) is None
    assert [n.heading for n in clerk.search("县审计局")] == ["强化审计监督和整改落实"]
    assert len(clerk.search("以公开为常态")) == 1
    editor.filter_bar.clear_button.click()
    assert len(shown(editor)) == len(list(iter_nodes(editor.model.roots())))
    assert editor.filter_bar.count.text() == ""


def test_filter_row_unit_role_quarter_no_lead_and_overdue(clerk, window, ctx):
    editor = clerk.editor
    bar = editor.filter_bar
    clerk.go_to_plans()
    bar.toggle.click()
    assert bar.filters.isVisible()
    judicial = ctx.services.units.match("县司法局").unit.id
    bar.unit.setCurrentIndex(bar.unit.findData(judicial))
    bar.role.setCurrentIndex(bar.role.findData("support"))
    supports = [t.heading for t in tasks(ctx) if "县司法局" in t.support_units]
    assert [n.heading for n in editor.found_nodes()] == supports
    assert bar.toggle.text() == "筛选（1）"
    bar.role.setCurrentIndex(0)
    bar.unit.setCurrentIndex(0)
    bar.deadline.setCurrentIndex(3)  # 第三季度
    assert {n.heading for n in editor.found_nodes()} == {"动态调整权责清单", "开展行政规范性文件专项清理", "深化行政执法体制改革"}
    bar.deadline.setCurrentIndex(bar.deadline.count() - 1)  # 指定日期范围
    assert bar.date_from.isVisible() and bar.date_to.isVisible()
    bar.date_from.setDate(bar.date_from.date().fromString("2026-03-01", "yyyy-MM-dd"))
    bar.date_to.setDate(bar.date_to.date().fromString("2026-03-31", "yyyy-MM-dd"))
    assert [n.heading for n in editor.found_nodes()] == ["实行重大行政决策事项目录管理", "开展法治督察和年度报告工作"]
    bar.deadline.setCurrentIndex(0)
    bar.today = date(2026, 7, 1)
    bar.overdue.click()
    assert len(editor.found_nodes()) == 4
    bar.overdue.click()
    gap = tasks(ctx)[2]
    ctx.services.plans.set_assignments(gap.id, lead=[], support=[])
    window.plans_page.show_plan(ctx.demo_plan_id)
    bar.no_lead.click()
    assert [n.id for n in editor.found_nodes()] == [gap.id]
    # a problem hidden by the filter is still reachable: the filter clears to show it
    bar.clear()
    bar.search.setText("普法")
    bar.apply_now()
    editor.select_node(gap.id)
    assert editor.current_node().id == gap.id and not editor.proxy.filtering


def test_columns_sort_on_header_click_and_the_outline_order_comes_back(clerk, qtbot, ctx):
    editor = clerk.editor
    clerk.go_to_plans()
    assert PlanTreeModel.COLUMNS[PlanTreeModel.SUPPORT] == "配合单位"
    first = editor.model.roots()[0].children[0]
    assert editor.proxy.data(editor.view_index(first.id, PlanTreeModel.SUPPORT)) == "县委宣传部、县委组织部、县直各部门"
    header = editor.tree.header()
    x = header.sectionViewportPosition(PlanTreeModel.DEADLINE) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center().__class__(x, 5))
    assert editor.proxy.sortColumn() == PlanTreeModel.DEADLINE
    part = editor.view_index(editor.model.roots()[3].id)  # 四、 with deadlines 3月31日, 11月底前 and none
    order = [editor.node_at(editor.proxy.index(r, 0, part)).deadline for r in range(editor.proxy.rowCount(part))]
    assert order == [date(2026, 3, 31), date(2026, 11, 30), None]
    assert not editor.actions_by_name["move_up"].isEnabled() and not editor.tree.dragEnabled()
    x = header.sectionViewportPosition(PlanTreeModel.HEADING) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center().__class__(x, 5))
    if editor.proxy.sortOrder() != Qt.SortOrder.AscendingOrder:  # a second click on 条目
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center().__class__(x, 5))
    assert editor.proxy.in_outline_order
    assert [editor.node_at(editor.proxy.index(r, 0)).id for r in range(9)] == [n.id for n in editor.model.roots()]


def test_bulk_assignment_on_a_ctrl_click_selection_is_one_undo_step(clerk, window, ctx):
    before = {t.id: t for t in tasks(ctx)}
    hits = clerk.search("刘芳")  # still found after the edit (a search for 司法局 would lose them)
    assert window.plans_page.editor.selection_label.text() == ""
    clerk.bulk_assign(hits, add=["县审计局"], role="配合", remove=["县司法局"], deadline="2026年10月底前")
    after = {t.id: t for t in tasks(ctx)}
    for h in hits:
        t = after[h.id]
        assert "县审计局" in t.support_units and "县司法局" not in t.lead_units + t.support_units
        assert (t.deadline_text, t.deadline) == ("2026年10月底前", date(2026, 10, 31))
    untouched = next(t for t in before.values() if t.id not in {h.id for h in hits})
    assert after[untouched.id].assignments == untouched.assignments
    assert [n.id for n in clerk.editor.selected_nodes()] == [h.id for h in hits]  # still selected
    assert "已选 3 项" in clerk.editor.selection_label.text()
    assert window.undo_action.text() == "撤销 批量设置 3 项条目"
    assert window.page_undo.label.text() == "可撤销：批量设置 3 项条目"
    window.undo_action.trigger()
    restored = {t.id: t for t in tasks(ctx)}
    assert all(restored[h.id].assignments == before[h.id].assignments for h in hits)
    assert all(restored[h.id].deadline_text == before[h.id].deadline_text for h in hits)
    assert window.statusBar().currentMessage() == "已撤销：批量设置 3 项条目"
    window.redo_action.trigger()
    assert "县审计局" in {t.id: t for t in tasks(ctx)}[hits[0].id].support_units


def test_shift_click_selects_a_run_of_tasks_for_bulk_editing(clerk, window, ctx):
    before = {t.id: t.deadline_text for t in tasks(ctx)}
    first_part = tasks(ctx)[:4]  # the outline's first tasks, in order
    clerk.go_to_plans()
    clerk.click(first_part[0].id)
    clerk.click(first_part[-1].id, Qt.KeyboardModifier.ShiftModifier)
    chosen = [n.id for n in clerk.editor.selected_nodes() if n.is_task]
    assert set(chosen) >= {t.id for t in first_part}  # everything between the two clicks
    window.plans_page.editor.actions_by_name["bulk_edit"].trigger()
    dialog = clerk.editor.bulk_dialog
    dialog.set_deadline.setChecked(True)
    dialog.deadline.setText("2026年9月底前")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    after = {t.id: t for t in tasks(ctx)}
    assert all(after[i].deadline == date(2026, 9, 30) for i in chosen)
    window.undo_action.trigger()
    assert {t.id: t.deadline_text for t in tasks(ctx)} == before  # one step undone


def test_bulk_dialog_explains_an_unknown_unit_and_stays_open(clerk, window, ctx):
    clerk.go_to_plans()
    node = tasks(ctx)[0]
    clerk.select([node.id])
    window.plans_page.editor.actions_by_name["bulk_edit"].trigger()
    dialog = clerk.editor.bulk_dialog
    dialog.add_names.setText("县档案局")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and "单位名录中没有“县档案局”" in dialog.error.text()
    dialog.add_names.clear()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "至少" in dialog.error.text()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert not window.undo_action.isEnabled()


def test_find_and_replace_reviews_hits_and_undoes_in_one_step(clerk, window, ctx, dialogs):
    plan = ctx.services.plans.get_plan(ctx.demo_plan_id)
    dialog = clerk.find_replace("2026年", "2027年", untick=[0])  # row 0 is the title: kept
    now = ctx.services.plans.get_plan(ctx.demo_plan_id)
    assert now.title == plan.title and now.preamble.startswith("2027年是")
    deadlines = [t.deadline_text for t in tasks(ctx) if t.deadline_text.startswith("202")]
    assert deadlines and all(d.startswith("2027年") for d in deadlines)
    assert [h.where for h in dialog.hits] == ["标题"]  # the list shows what is left
    assert window.undo_action.text().startswith("撤销 替换“2026年”为“2027年”")
    window.undo_action.trigger()
    assert ctx.services.plans.get_plan(ctx.demo_plan_id).preamble == plan.preamble
    assert not any(t.deadline_text.startswith("2027") for t in tasks(ctx))
    assert not dialogs.kinds("warning")


def test_copy_to_next_year_offers_to_replace_the_old_year(window, ctx, dialogs):
    page = window.plans_page
    page.duplicate_next_year()
    question = dialogs.kinds("question")[-1]
    assert "还有 3 处“2026年”" in question and "前言" in question
    find = page.editor.find_dialog
    assert find.isVisible() and find.find.text() == "2026年" and find.replacement.text() == "2027年"
    assert not find.fields["title"].isChecked() and not find.fields["deadline_text"].isChecked()
    find.replace_button.click()
    clone = page.editor.plan
    assert clone.year == 2027 and clone.preamble.startswith("2027年是“十五五”")
    assert ctx.services.plans.get_plan(ctx.demo_plan_id).preamble.startswith("2026年是")


def test_preamble_is_edited_beside_the_outline(window, ctx):
    editor = window.plans_page.editor
    editor.show_plan_texts()
    texts = editor.plan_text
    texts.preamble.setPlainText("新的前言。")
    editor.tree.setFocus()
    editor.commit_pending()
    assert ctx.services.plans.get_plan(ctx.demo_plan_id).preamble == "新的前言。"
    assert window.undo_action.text() == "撤销 修改前言"
    texts.title.setText("")
    texts.title.editingFinished.emit()
    assert ctx.services.plans.get_plan(ctx.demo_plan_id).title  # refused, shown again
    assert texts.title.text() == ctx.services.plans.get_plan(ctx.demo_plan_id).title
    window.undo_action.trigger()
    assert ctx.services.plans.get_plan(ctx.demo_plan_id).preamble.startswith("2026年是")

"""Main flows of the plan editor, driven through the real widgets: create a plan, add and move
items with labels renumbering, assign units, undo and redo, delete and restore a plan."""

from PySide6.QtCore import QModelIndex, Qt

from app.services.plan_tree import iter_nodes


def labels(editor):
    model = editor.model
    out = []

    def walk(parent):
        for row in range(model.rowCount(parent)):
            idx = model.index(row, 0, parent)
            out.append(model.data(idx))
            walk(idx)

    walk(QModelIndex())
    return out


def type_heading(editor, node_id, text):
    """What the inline editor's delegate does when the clerk types a heading and presses Enter."""
    assert editor.model.setData(editor.model.index_of(node_id), text, Qt.ItemDataRole.EditRole)


def new_plan(window, title="测试县2027年法治政府建设工作要点"):
    page = window.plans_page
    page.new_blank()
    dialog = page.dialog
    dialog.title.setText(title)
    dialog.year.setValue(2027)
    dialog.accept()
    return page


def test_create_a_blank_plan(window, ctx):
    page = new_plan(window)
    assert page.combo.count() == 2
    plan = page.editor.plan
    assert plan.title == "测试县2027年法治政府建设工作要点" and plan.year == 2027
    assert page.editor.model.rowCount() == 0
    assert ctx.services.settings.load().last_plan_id == plan.id


def test_add_and_move_items_renumbers_labels(window, ctx):
    page = new_plan(window)
    editor = page.editor
    a = editor.add_sibling()
    type_heading(editor, a, "甲部分")
    b = editor.add_sibling()
    type_heading(editor, b, "乙部分")
    editor.select_node(a)
    t1 = editor.add_child()
    type_heading(editor, t1, "第一项任务")
    t2 = editor.add_sibling()
    type_heading(editor, t2, "第二项任务")
    assert labels(editor) == ["一、甲部分", "（一）第一项任务", "（二）第二项任务", "二、乙部分"]
    assert editor.current_node().id == t2 and editor.current_node().is_task

    editor.move_up()
    assert labels(editor) == ["一、甲部分", "（一）第二项任务", "（二）第一项任务", "二、乙部分"]
    editor.select_node(t1)
    editor.indent()  # under 第二项任务
    assert labels(editor) == ["一、甲部分", "（一）第二项任务", "1．第一项任务", "二、乙部分"]
    editor.outdent()
    editor.outdent()  # now a part of its own, after 甲部分
    assert labels(editor) == ["一、甲部分", "（一）第二项任务", "二、第一项任务", "三、乙部分"]
    editor.select_node(b)
    editor.move_up()
    assert labels(editor) == ["一、甲部分", "（一）第二项任务", "二、乙部分", "三、第一项任务"]
    stored = [n.label + n.heading for n in iter_nodes(ctx.services.plans.tree(editor.plan.id))]
    assert stored == labels(editor)


def test_drag_and_drop_moves_through_the_model(window, qtbot):
    editor = window.plans_page.editor
    model = editor.model
    part = model.index(1, 0)  # 二、
    first_task = model.index(0, 0, model.index(0, 0))  # 一、（一）
    moved = model.node(first_task).id
    data = model.mimeData([first_task])
    with qtbot.waitSignal(model.move_requested):
        model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, part)
    idx = model.index_of(moved)
    assert model.node(idx.parent()).id == model.node(model.index(1, 0)).id
    assert model.data(idx).startswith("（一）")
    assert editor.current_node().id == moved
    assert window.plans_page.undo.stack.undoText() == "拖动条目"


def test_inline_edit_and_detail_panel_fields_are_saved_and_undoable(window, ctx):
    editor = window.plans_page.editor
    node = editor.model.roots()[0].children[0]
    editor.select_node(node.id)
    panel = editor.panel
    panel.person.setText("王五")
    panel.person.editingFinished.emit()
    panel.deadline_text.setText("2026年9月底前")
    panel.deadline_text.editingFinished.emit()
    panel.measures.load(node.measures)
    panel.measures.setPlainText("每季度通报一次")
    panel.measures.commit()
    stored = ctx.services.plans.get_node(node.id)
    assert stored.responsible_person == "王五" and stored.measures == "每季度通报一次"
    assert stored.deadline_text == "2026年9月底前" and stored.deadline.isoformat() == "2026-09-30"
    assert panel.deadline_date.date().toString("yyyy-MM-dd") == "2026-09-30"

    type_heading(editor, node.id, "新的标题")
    assert ctx.services.plans.get_node(node.id).heading == "新的标题"
    stack = window.plans_page.undo.stack
    assert stack.undoText() == "修改标题"
    for _ in range(4):
        window.undo_action.trigger()
    restored = ctx.services.plans.get_node(node.id)
    assert (restored.heading, restored.responsible_person, restored.deadline_text, restored.measures) == (
        node.heading, node.responsible_person, node.deadline_text, node.measures)
    window.redo_action.trigger()
    assert ctx.services.plans.get_node(node.id).responsible_person == "王五"


def test_assign_units_from_the_registry_and_create_one_inline(window, ctx, dialogs):
    editor = window.plans_page.editor
    node = editor.model.roots()[1].children[0]
    editor.select_node(node.id)
    picker = editor.panel.assignments
    picker.role_box.setCurrentIndex(1)  # 配合
    picker.name_input.setText("县公安局、市场监管局")  # an alias-free short form is matched too
    picker.add_typed()
    after = ctx.services.plans.get_node(node.id)
    assert after.support_units[-2:] == ["县公安局", "县市场监管局"]
    assert after.lead_units == node.lead_units

    dialogs.items = [None]  # the clerk cancels: nothing added
    picker.name_input.setText("县档案馆")
    picker.add_typed()
    assert "县档案馆" not in ctx.services.plans.get_node(node.id).support_units
    options = dialogs.shown[-1][2].splitlines()
    create_index = next(i for i, o in enumerate(options[1:]) if o.startswith("新建单位“县档案馆”（县政府部门）"))
    dialogs.items = [create_index]
    picker.name_input.setText("县档案馆")
    picker.add_typed()
    assert ctx.services.plans.get_node(node.id).support_units[-1] == "县档案馆"
    assert ctx.services.units.match("县档案馆").unit is not None

    window.undo_action.trigger()
    assert "县档案馆" not in ctx.services.plans.get_node(node.id).support_units
    assert editor.panel.assignments.model.rowCount() == len(after.assignments)


def test_assignment_role_change_and_chooser_dialog(window, ctx):
    editor = window.plans_page.editor
    node = editor.model.roots()[0].children[2]  # lead 县政府办公室, no support
    editor.select_node(node.id)
    picker = editor.panel.assignments
    picker.open_chooser()
    chooser = picker.chooser
    chooser.search.setText("司法")
    judicial = ctx.services.units.match("县司法局").unit.id
    chooser.set_checked({judicial})
    chooser.role.setCurrentIndex(0)
    chooser.accept()
    assert ctx.services.plans.get_node(node.id).lead_units == ["县政府办公室", "县司法局"]
    model = picker.model
    model.setData(model.index(0, 1), "配合")
    stored = ctx.services.plans.get_node(node.id)
    assert stored.lead_units == ["县司法局"] and stored.support_units == ["县政府办公室"]


def test_problems_panel_lists_and_jumps(window, ctx):
    editor = window.plans_page.editor
    node = editor.model.roots()[2].children[1]
    editor.select_node(node.id)
    before = len(editor.problems.problems)
    ctx.services.plans.set_assignments(node.id, lead=[], support=[])
    window.plans_page.show_plan(editor.plan.id)
    problems = editor.problems.problems
    assert len(problems) == before + 1
    mine = next(p for p in problems if p.node_id == node.id)
    assert mine.kind == "no_lead" and "未指定牵头单位" in mine.message
    editor.select_node(editor.model.roots()[0].id)
    row = next(i for i, p in enumerate(problems) if p.node_id == node.id)
    editor.problems.list.itemClicked.emit(editor.problems.list.item(row))
    assert editor.current_node().id == node.id
    assert "印发日期 2026年3月20日" in editor.problems.header.text()


def test_delete_items_and_plans_are_recoverable_by_undo(window, ctx, dialogs):
    page = window.plans_page
    editor = page.editor
    part = editor.model.roots()[0]
    editor.select_node(part.id)
    editor.delete_current()
    assert "及其 3 个下级条目" in dialogs.kinds("question")[-1]
    assert labels(editor)[0].startswith("一、依法全面履行政府职能")
    window.undo_action.trigger()
    assert labels(editor)[0] == "一、深入学习贯彻习近平法治思想"
    restored = editor.model.roots()[0]
    assert [c.lead_units for c in restored.children] == [c.lead_units for c in part.children]

    # an edit made after the restore is undone and redone on the recreated rows
    type_heading(editor, restored.children[0].id, "改过的标题")
    before = ctx.services.plans.tree(ctx.demo_plan_id)
    page.delete_plan()
    assert page.combo.count() == 0 and editor.plan is None
    window.undo_action.trigger()
    assert page.combo.count() == 1
    plan_id = page.current_plan_id()
    after = ctx.services.plans.tree(plan_id)
    assert [n.label + n.heading for n in iter_nodes(after)] == [n.label + n.heading for n in iter_nodes(before)]
    window.undo_action.trigger()  # the heading edit, on the row recreated twice
    assert editor.model.roots()[0].children[0].heading == part.children[0].heading
    window.redo_action.trigger()
    window.redo_action.trigger()  # delete the plan again
    assert page.combo.count() == 0
    assert not dialogs.kinds("warning") and not dialogs.kinds("critical")


def test_rename_duplicate_and_clone_from_previous_year(window, ctx, dialogs):
    page = window.plans_page
    dialogs.texts = ["示例县2026年法治政府建设工作要点（修订）"]
    page.rename()
    assert ctx.services.plans.get_plan(ctx.demo_plan_id).title.endswith("（修订）")
    page.duplicate_next_year()
    clone = page.editor.plan
    assert clone.year == 2027 and clone.title == "示例县2027年法治政府建设工作要点（修订）"
    assert page.editor.model.rowCount() == 9
    dialogs.items = [1]
    dialogs.ints = [2028]
    page.new_from_previous()
    assert page.editor.plan.year == 2028 and page.combo.count() == 3
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert page.combo.count() == 1


def test_refused_edit_shows_chinese_message_and_is_not_pushed(window, dialogs):
    page = window.plans_page
    stack = page.undo.stack
    count = stack.count()
    dialogs.texts = []
    page.editor.select_node(page.editor.model.roots()[0].id)
    page.editor.model.move_requested.emit(page.editor.model.roots()[0].id,
                                          page.editor.model.roots()[0].children[0].id, 0)
    assert stack.count() == count
    assert dialogs.kinds("warning") == ["不能把条目移动到它自己的下级。"]


def test_keyboard_shortcuts_move_and_undo(window, qtbot):
    editor = window.plans_page.editor
    window.activateWindow()
    first, second = editor.model.roots()[0].children[:2]
    editor.select_node(first.id)
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [c.id for c in editor.model.roots()[0].children[:2]] == [second.id, first.id]
    qtbot.keyClick(editor.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [c.id for c in editor.model.roots()[0].children[:2]] == [first.id, second.id]
    qtbot.keyClick(editor.tree, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert [c.id for c in editor.model.roots()[0].children[:2]] == [second.id, first.id]


def test_deadline_date_picked_then_selection_moves_is_kept(window, ctx, qtbot):
    from PySide6.QtCore import QDate

    editor = window.plans_page.editor
    first, second = editor.model.roots()[0].children[:2]
    editor.select_node(first.id)
    editor.panel.deadline_date.setDate(QDate(2026, 10, 15))
    editor.select_node(second.id)  # before the date edit settles
    qtbot.waitUntil(lambda: ctx.services.plans.get_node(first.id).deadline is not None
                    and ctx.services.plans.get_node(first.id).deadline.isoformat() == "2026-10-15", timeout=30_000)
    assert ctx.services.plans.get_node(second.id).deadline == second.deadline
    assert editor.current_node().id == second.id  # the late edit did not pull the selection back


def test_reload_keeps_what_is_being_typed(window, ctx):
    editor = window.plans_page.editor
    node = editor.model.roots()[0].children[0]
    editor.select_node(node.id)
    window.activateWindow()
    box = editor.panel.text
    box.setFocus()
    assert box.hasFocus()
    box.setPlainText("正在输入的新内容")
    editor.panel.person.setText("钱七")
    editor.panel.person.editingFinished.emit()  # another field is saved meanwhile: the item reloads
    assert ctx.services.plans.get_node(node.id).responsible_person == "钱七"
    assert box.toPlainText() == "正在输入的新内容"
    editor.tree.setFocus()  # leaving the box reports it
    assert ctx.services.plans.get_node(node.id).text == "正在输入的新内容"


def test_undo_that_no_longer_fits_the_data_clears_history_with_a_message(window, ctx, dialogs, qtbot):
    editor = window.plans_page.editor
    node = editor.model.roots()[0].children[2]  # lead 县政府办公室 only
    editor.select_node(node.id)
    spare = ctx.services.units.add_unit("县临时专班", category="其他")
    editor.panel.assignments.name_input.setText("县临时专班")
    editor.panel.assignments.add_typed()
    assert ctx.services.plans.get_node(node.id).lead_units == ["县政府办公室", "县临时专班"]
    window.undo_action.trigger()
    assert ctx.services.plans.get_node(node.id).lead_units == ["县政府办公室"]
    ctx.services.units.delete_unit(spare.id)  # no longer in use: deleted on the units page
    stack = window.plans_page.undo.stack
    window.redo_action.trigger()  # would put the deleted unit back
    qtbot.waitUntil(lambda: stack.count() == 0, timeout=30_000)
    (message,) = dialogs.kinds("warning")
    assert "所选单位已不存在" in message and "撤销记录已清空" in message
    assert ctx.services.plans.get_node(node.id).lead_units == ["县政府办公室"]


def test_unit_name_box_completes_from_the_registry_from_the_start(window):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QFocusEvent
    from PySide6.QtWidgets import QApplication

    picker = window.plans_page.editor.panel.assignments
    QApplication.sendEvent(picker.name_input, QFocusEvent(QEvent.Type.FocusIn))
    names = picker.name_input.completer().model().stringList()
    assert "县司法局" in names and "县公安局" in names


def test_problems_panel_shows_corrupted_text_and_placeholders(window, ctx):
    editor = window.plans_page.editor
    node = editor.model.roots()[1].children[0]
    ctx.services.plans.update_node(node.id, text="对？？？？领域开展检查，由【牵头单位】负责。")
    window.plans_page.show_plan(editor.plan.id)
    mine = [p for p in editor.problems.problems if p.node_id == node.id]
    assert {p.kind for p in mine} == {"corrupted", "placeholder"}
    shown = [editor.problems.list.item(i).text() for i in range(editor.problems.list.count())]
    assert any(t.startswith("【乱码】") and "？？？？" in t for t in shown)
    assert any(t.startswith("【待填内容】") and "【牵头单位】" in t for t in shown)

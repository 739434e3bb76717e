"""Every item model passes pytest-qt's qtmodeltester, and behaves as the editor needs."""

from PySide6.QtCore import QModelIndex, Qt

from app.services.dto import AssignmentDTO
from app.ui.item_models.assignment_table_model import AssignmentTableModel
from app.ui.item_models.plan_tree_model import PlanTreeModel
from app.ui.item_models.unit_table_model import UnitTableModel


def test_plan_tree_model(qtmodeltester, services, ctx):
    model = PlanTreeModel()
    model.set_tree(services.plans.tree(ctx.demo_plan_id))
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)
    assert model.rowCount() == 9
    first = model.index(0, 0)
    assert model.data(first).startswith("一、")
    child = model.index(0, 0, first)
    assert model.data(child).startswith("（一）")
    assert model.parent(child) == first
    assert model.data(model.index(0, PlanTreeModel.LEAD, first)) == "县司法局"
    assert model.flags(child) & Qt.ItemFlag.ItemIsEditable


def test_plan_tree_model_updates_in_place_when_the_shape_is_kept(qtbot, services, ctx):
    model = PlanTreeModel()
    tree = services.plans.tree(ctx.demo_plan_id)
    assert model.set_tree(tree) is True
    node_id = tree[0].children[0].id
    services.plans.update_node(node_id, heading="新标题")
    with qtbot.waitSignal(model.dataChanged):
        assert model.set_tree(services.plans.tree(ctx.demo_plan_id)) is False
    assert model.data(model.index_of(node_id)) == "（一）新标题"


def test_plan_tree_model_refuses_drops_into_own_subtree(qtbot, services, ctx):
    model = PlanTreeModel()
    model.set_tree(services.plans.tree(ctx.demo_plan_id))
    part = model.index(0, 0)
    child = model.index(0, 0, part)
    data = model.mimeData([part])
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, child)
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    with qtbot.waitSignal(model.move_requested) as blocker:
        assert model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex()) is False
    assert blocker.args == [model.node(part).id, None, 2]  # below the third part = index 2 once removed


def test_unit_table_model(qtmodeltester, services):
    model = UnitTableModel()
    model.set_units(services.units.list_units())
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)
    row = model.row_of(services.units.match("县司法局").unit.id)
    assert model.data(model.index(row, UnitTableModel.USAGE)) not in ("", "0")


def test_assignment_table_model(qtmodeltester, qtbot):
    model = AssignmentTableModel()
    model.set_assignments([AssignmentDTO(1, "甲局", "support"), AssignmentDTO(2, "乙局", "lead")])
    qtmodeltester.check(model, force_py=True)
    assert model.lead_ids() == [2] and model.support_ids() == [1]
    with qtbot.waitSignal(model.changed):
        assert model.add(3, "丙局", "lead")
    assert model.lead_ids() == [2, 3]
    assert model.move(1, -1) == 0
    assert model.lead_ids() == [3, 2]
    assert model.setData(model.index(2, AssignmentTableModel.ROLE), "牵头")
    assert model.lead_ids() == [3, 2, 1] and model.support_ids() == []
    model.remove(0)
    assert model.lead_ids() == [2, 1]
    qtmodeltester.check(model)

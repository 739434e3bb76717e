"""The plan editor: outline tree, detail panel of the selected item, and the problems panel.

Every edit is an undoable command run through the UndoController; the commands reload this
editor (via the page's show_plan) so what is shown is always what is stored."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.context import Services
from app.services.dates import format_cn_date
from app.services.dto import NodeDTO, PlanDTO
from app.services.plan_problems import find_problems
from app.services.plan_tree import iter_nodes
from app.ui.dialogs import messages
from app.ui.item_models.plan_tree_model import PlanTreeModel
from app.ui.undo.node_commands import (
    AddNodeCommand,
    DeleteNodeCommand,
    MoveNodeCommand,
    SetAssignmentsCommand,
    UpdateNodeCommand,
)
from app.ui.undo.undo_controller import UndoController
from app.ui.widgets.problems_panel import ProblemsPanel
from app.ui.widgets.task_detail_panel import TaskDetailPanel

FIELD_LABEL = {"heading": "标题", "text": "内容", "is_task": "重点任务", "deadline_text": "完成时限",
               "deadline": "完成时限", "responsible_person": "责任人", "measures": "工作措施"}


class PlanEditor(QWidget):
    status_message = Signal(str)

    def __init__(self, services: Services, undo: UndoController, parent=None):
        super().__init__(parent)
        self.services = services
        self.undo = undo
        self.plan: PlanDTO | None = None
        self._collapsed: set[int] = set()
        self._restoring = False
        self._active = True  # False while another page is shown: the shortcuts stay off
        self.delete_warning: Callable[[], str] | None = None  # e.g. "the plan has an issued notice"

        self.header = QLabel()
        self.header.setObjectName("planHeader")
        self.header.setStyleSheet("font-size: 13pt; font-weight: bold; padding: 2px 0;")
        self.model = PlanTreeModel(self)
        self.model.edit_requested.connect(self._inline_edit)
        self.model.move_requested.connect(lambda nid, parent, index: self._move(nid, parent, index, "拖动条目"))
        self.tree = QTreeView()
        self.tree.setObjectName("outlineView")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDropIndicatorShown(True)
        head = self.tree.header()
        head.setStretchLastSection(False)
        head.setSectionResizeMode(PlanTreeModel.HEADING, QHeaderView.ResizeMode.Interactive)
        head.setSectionResizeMode(PlanTreeModel.TEXT, QHeaderView.ResizeMode.Stretch)
        self.tree.setColumnWidth(PlanTreeModel.HEADING, 300)
        self.tree.setColumnWidth(PlanTreeModel.LEAD, 120)
        self.tree.setColumnWidth(PlanTreeModel.DEADLINE, 110)
        self.tree.collapsed.connect(lambda i: self._track(i, True))
        self.tree.expanded.connect(lambda i: self._track(i, False))
        self.tree.selectionModel().currentChanged.connect(self._on_current)

        self.panel = TaskDetailPanel(services.units)
        self.panel.fields_edited.connect(self._fields_edited)
        self.panel.assignments_edited.connect(self._assignments_edited)
        self.problems = ProblemsPanel()
        self.problems.node_activated.connect(self._jump_to_problem)

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.tree)
        left.addWidget(self.problems)
        left.setStretchFactor(0, 4)
        left.setStretchFactor(1, 1)
        left.setSizes([600, 90])
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([700, 420])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.header)
        lay.addWidget(split, 1)
        self.actions_by_name = self._build_actions()
        self._update_actions()

    # ---- actions -------------------------------------------------------------------------
    def _build_actions(self) -> dict[str, QAction]:
        specs = [
            ("add_sibling", "新增同级条目", "Ctrl+Return", self.add_sibling),
            ("add_child", "新增下级条目", "Ctrl+Shift+Return", self.add_child),
            ("delete", "删除条目", QKeySequence.StandardKey.Delete, self.delete_current),
            ("move_up", "上移", "Alt+Up", self.move_up),
            ("move_down", "下移", "Alt+Down", self.move_down),
            ("outdent", "升级（左移一级）", "Alt+Left", self.outdent),
            ("indent", "降级（右移一级）", "Alt+Right", self.indent),
        ]
        out = {}
        for name, text, key, slot in specs:
            act = QAction(text, self)
            act.setObjectName(f"action_{name}")
            act.setShortcut(QKeySequence(key))
            act.triggered.connect(slot)
            out[name] = act
        # Delete only acts on the outline, never on a text box or the unit table.
        out["delete"].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.tree.addAction(out["delete"])
        return out

    def set_active(self, active: bool) -> None:
        self._active = active
        self._update_actions()

    def _update_actions(self) -> None:
        active = self._active and self.plan is not None
        node = self.current_node()
        row = self.model.row_of(node.id) if node else -1
        count = len(self.model.siblings(node)) if node else 0
        enabled = {
            "add_sibling": active,
            "add_child": active and node is not None,
            "delete": active and node is not None,
            "move_up": active and row > 0,
            "move_down": active and node is not None and row < count - 1,
            "outdent": active and node is not None and node.parent_id is not None,
            "indent": active and row > 0,
        }
        for name, on in enabled.items():
            self.actions_by_name[name].setEnabled(on)

    # ---- showing -------------------------------------------------------------------------
    def open_plan(self, plan_id: int | None, node_id: int | None = None) -> None:
        if plan_id is None:
            self.plan = None
            self.model.set_tree([])
            self.header.setText("尚未选择工作要点")
            self.panel.load(None)
            self.problems.set_problems([], None)
            self._update_actions()
            return
        same = self.plan is not None and self.plan.id == plan_id
        current = self.current_node() if same else None
        keep = node_id if node_id is not None else (current.id if current else None)
        self.plan = self.services.plans.get_plan(plan_id)
        if not same:
            self._collapsed.clear()
        if self.model.set_tree(self.services.plans.tree(plan_id)):
            self._restore_expansion()
        self.panel.set_plan_year(self.plan.year)
        self._update_header()
        self._update_problems()
        if keep is not None and self.model.node_by_id(keep) is not None:
            self.select_node(keep)
        else:
            self._on_current(self.tree.currentIndex(), QModelIndex())

    def _update_header(self) -> None:
        p = self.plan
        tasks = sum(1 for n in iter_nodes(self.model.roots()) if n.is_task)
        year = f"{p.year}年 · " if p.year else ""
        self.header.setText(f"{p.title}　<span style='font-size:10pt;font-weight:normal;color:#555'>"
                            f"{p.kind} · {year}{tasks} 项任务 · {p.status}</span>")

    def _update_problems(self) -> None:
        active = self.services.units.active_ids()
        issue = self.services.notices.plan_issue_date(self.plan.id)
        note = (f"时限按印发日期 {format_cn_date(issue)} 检查" if issue else "尚无印发通知，未检查时限")
        found = find_problems(self.model.roots(), active, issue)
        self.problems.set_problems(found, note)
        self.model.set_problem_nodes({p.node_id for p in found})

    def _track(self, index: QModelIndex, collapsed: bool) -> None:
        node = self.model.node(index)
        if node is None or self._restoring:
            return
        (self._collapsed.add if collapsed else self._collapsed.discard)(node.id)

    def _restore_expansion(self) -> None:
        self._restoring = True
        try:
            self.tree.expandAll()
            for node_id in list(self._collapsed):
                idx = self.model.index_of(node_id)
                if idx.isValid():
                    self.tree.collapse(idx)
                else:
                    self._collapsed.discard(node_id)
        finally:
            self._restoring = False

    def current_node(self) -> NodeDTO | None:
        return self.model.node(self.tree.currentIndex())

    def select_node(self, node_id: int) -> None:
        idx = self.model.index_of(node_id)
        if not idx.isValid():
            return
        parent = idx.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        self.tree.setCurrentIndex(idx)
        self.tree.scrollTo(idx)
        self._on_current(idx, QModelIndex())

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.panel.load(self.model.node(current))
        self._update_actions()

    def _jump_to_problem(self, node_id: int) -> None:
        self.panel.commit_pending()
        self.select_node(node_id)
        self.tree.setFocus()

    # ---- edits ---------------------------------------------------------------------------
    @property
    def _env(self):
        return self.undo.env

    def _fields_edited(self, node_id: int, old: dict, new: dict) -> None:
        what = "、".join(dict.fromkeys(FIELD_LABEL.get(k, k) for k in new))
        self.undo.run(UpdateNodeCommand(self._env, self.plan.id, node_id, old, new, f"修改{what}"))

    def _inline_edit(self, node_id: int, field: str, value: str) -> None:
        node = self.model.node_by_id(node_id)
        if node is not None:
            self._fields_edited(node_id, {field: getattr(node, field)}, {field: value})

    def _assignments_edited(self, node_id: int, old, new, notes: dict) -> None:
        self.undo.run(SetAssignmentsCommand(self._env, self.plan.id, node_id, old, new, notes))

    def _add(self, parent_id: int | None, index: int, is_task: bool, text: str) -> int | None:
        if self.plan is None:
            return None
        cmd = AddNodeCommand(self._env, self.plan.id, parent_id, index, {"heading": "", "is_task": is_task}, text)
        if not self.undo.run(cmd):
            return None
        idx = self.model.index_of(cmd.node_id)
        self.tree.setFocus()
        self.tree.edit(idx)
        self.status_message.emit("已新增条目，请输入标题。")
        return cmd.node_id

    def add_sibling(self) -> int | None:
        node = self.current_node()
        if node is None:
            return self._add(None, len(self.model.roots()), False, "新增条目")
        row = self.model.row_of(node.id)
        return self._add(node.parent_id, row + 1, node.is_task, "新增同级条目")

    def add_child(self) -> int | None:
        node = self.current_node()
        if node is None:
            return None
        return self._add(node.id, len(node.children), not node.is_task, "新增下级条目")

    def delete_current(self) -> None:
        node = self.current_node()
        if node is None:
            return
        count = sum(1 for _ in iter_nodes(node.children))
        extra = self.delete_warning() if self.delete_warning is not None else ""
        children = f"及其 {count} 个下级条目" if count else ""
        if (count or extra) and not messages.confirm(
                self, "删除条目", f"删除“{node.label}{node.heading}”{children}？\n{extra}删除后可用“撤销”(Ctrl+Z)恢复。"):
            return
        if self.undo.run(DeleteNodeCommand(self._env, node.id)):
            self.status_message.emit("已删除条目，按 Ctrl+Z 可撤销。")

    def _move(self, node_id: int, parent_id: int | None, index: int, text: str) -> None:
        self.undo.run(MoveNodeCommand(self._env, node_id, parent_id, index, text))

    def move_up(self) -> None:
        node = self.current_node()
        if node is not None and (row := self.model.row_of(node.id)) > 0:
            self._move(node.id, node.parent_id, row - 1, "上移条目")

    def move_down(self) -> None:
        node = self.current_node()
        if node is None:
            return
        siblings = self.model.siblings(node)
        row = self.model.row_of(node.id)
        if row < len(siblings) - 1:
            self._move(node.id, node.parent_id, row + 1, "下移条目")

    def indent(self) -> None:
        node = self.current_node()
        if node is None:
            return
        siblings = self.model.siblings(node)
        row = self.model.row_of(node.id)
        if row > 0:
            prev = siblings[row - 1]
            self._move(node.id, prev.id, len(prev.children), "降级条目")

    def outdent(self) -> None:
        node = self.current_node()
        if node is None or node.parent_id is None:
            return
        parent = self.model.node_by_id(node.parent_id)
        row = self.model.row_of(parent.id)
        self._move(node.id, parent.parent_id, row + 1, "升级条目")

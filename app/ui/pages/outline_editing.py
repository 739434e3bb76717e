"""The plan editor's edits of single items: fields, units, add, delete, move, indent, outdent.

A mixin of PlanEditor (which provides model, tree, undo, plan and the selection helpers); every
edit is an undoable command run through the page's UndoController."""

from __future__ import annotations

from app.services.plan_tree import iter_nodes
from app.ui.dialogs import messages
from app.ui.undo.node_commands import (
    AddNodeCommand,
    DeleteNodeCommand,
    MoveNodeCommand,
    SetAssignmentsCommand,
    UpdateNodeCommand,
)
from app.ui.undo.plan_commands import UpdatePlanCommand

FIELD_LABEL = {"heading": "标题", "text": "内容", "is_task": "重点任务", "deadline_text": "完成时限",
               "deadline": "完成时限", "responsible_person": "责任人", "measures": "工作措施",
               "title": "工作要点标题", "preamble": "前言", "closing": "结语"}


class OutlineEditing:
    @property
    def _env(self):
        return self.undo.env

    # ---- fields and units ----------------------------------------------------------------
    def _fields_edited(self, node_id: int, old: dict, new: dict) -> None:
        what = "、".join(dict.fromkeys(FIELD_LABEL.get(k, k) for k in new))
        self.undo.run(UpdateNodeCommand(self._env, self.plan.id, node_id, old, new, f"修改{what}",
                                        self._version(node_id)))

    def _version(self, node_id: int) -> int | None:
        """The version of the node as this screen shows it (None: not shown, no check)."""
        node = self.model.node_by_id(node_id)
        return node.version if node is not None and node.version else None

    def _inline_edit(self, node_id: int, field: str, value: str) -> None:
        node = self.model.node_by_id(node_id)
        if node is not None:
            self._fields_edited(node_id, {field: getattr(node, field)}, {field: value})

    def _assignments_edited(self, node_id: int, old, new, notes: dict) -> None:
        self.undo.run(SetAssignmentsCommand(self._env, self.plan.id, node_id, old, new, notes,
                                            version=self._version(node_id)))

    def _plan_text_edited(self, old: dict, new: dict) -> None:
        if self.plan is None:
            return
        what = "、".join(FIELD_LABEL.get(k, k) for k in new)
        if not self.undo.run(UpdatePlanCommand(self._env, self.plan.id, old, new, f"修改{what}")):
            self.plan_text.load(self.plan)  # refused (e.g. an empty title): show what is stored

    # ---- structure -----------------------------------------------------------------------
    def _add(self, parent_id: int | None, index: int, is_task: bool, text: str) -> int | None:
        if self.plan is None:
            return None
        self.show_all()  # a new, empty item would not pass a filter and could not be typed into
        cmd = AddNodeCommand(self._env, self.plan.id, parent_id, index, {"heading": "", "is_task": is_task}, text)
        if not self.undo.run(cmd):
            return None
        self.tree.setFocus()
        self.tree.edit(self.view_index(cmd.node_id))
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
        if self.undo.run(DeleteNodeCommand(self._env, node.id, f"删除条目“{node.label}{node.heading[:12]}”")):
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

"""Undoable edits of a plan's outline: add, delete, move, edit fields, assign units."""

from __future__ import annotations

from app.ui.undo.id_registry import NODE, PLAN, KeyTree
from app.ui.undo.service_command import ServiceCommand, UndoEnv


class AddNodeCommand(ServiceCommand):
    def __init__(self, env: UndoEnv, plan_id: int, parent_id: int | None, index: int, fields: dict,
                 text: str = "新增条目"):
        super().__init__(env, text)
        self.plan_key = self.reg.key(PLAN, plan_id)
        self.parent_key = self.reg.key(NODE, parent_id) if parent_id is not None else None
        self.index = index
        self.fields = dict(fields)
        self.node_key: int | None = None

    def _parent(self) -> int | None:
        return self.reg.real(self.parent_key) if self.parent_key is not None else None

    def do(self) -> None:
        plan_id = self.reg.real(self.plan_key)
        node_id = self.plans.add_node(plan_id, self._parent(), self.index, **self.fields)
        if self.node_key is None:
            self.node_key = self.reg.key(NODE, node_id)
        else:
            self.reg.rebind(self.node_key, node_id)
        self.env.view.show_plan(plan_id, node_id)

    def revert(self) -> None:
        node_id = self.reg.real(self.node_key)
        self.plans.delete_node(node_id)
        self.reg.forget(NODE, node_id)
        self.env.view.show_plan(self.reg.real(self.plan_key), self._parent())

    @property
    def node_id(self) -> int | None:
        return self.reg.real(self.node_key) if self.node_key is not None else None


class DeleteNodeCommand(ServiceCommand):
    def __init__(self, env: UndoEnv, node_id: int, text: str = "删除条目"):
        super().__init__(env, text)
        self.node_key = self.reg.key(NODE, node_id)
        self.snapshot: dict | None = None
        self.keys: KeyTree | None = None
        self.plan_key: int | None = None
        self.parent_key: int | None = None

    def do(self) -> None:
        node = self.plans.get_node(self.reg.real(self.node_key))
        (self.keys,) = self.reg.capture([node])
        self.plan_key = self.reg.key(PLAN, node.plan_id)
        self.parent_key = self.reg.key(NODE, node.parent_id) if node.parent_id is not None else None
        self.snapshot = self.plans.delete_node(node.id)
        self.reg.forget_tree([self.keys])
        self.env.view.show_plan(node.plan_id, node.parent_id)

    def revert(self) -> None:
        snap = dict(self.snapshot)
        snap["plan_id"] = self.reg.real(self.plan_key)
        snap["parent_id"] = self.reg.real(self.parent_key) if self.parent_key is not None else None
        node_id = self.plans.restore_node(snap)
        self.reg.rebind_tree([self.keys], [self.plans.get_node(node_id)])
        self.env.view.show_plan(snap["plan_id"], node_id)


class MoveNodeCommand(ServiceCommand):
    """Move to `index` under a new parent; indent, outdent, up, down and drag and drop."""

    def __init__(self, env: UndoEnv, node_id: int, new_parent_id: int | None, index: int,
                 text: str = "移动条目"):
        super().__init__(env, text)
        self.node_key = self.reg.key(NODE, node_id)
        self.new_parent_key = self.reg.key(NODE, new_parent_id) if new_parent_id is not None else None
        self.index = index
        self.old_parent_key: int | None = None
        self.old_index = 0

    def _real(self, key: int | None) -> int | None:
        return self.reg.real(key) if key is not None else None

    def do(self) -> None:
        node = self.plans.get_node(self.reg.real(self.node_key))
        self.old_parent_key = self.reg.key(NODE, node.parent_id) if node.parent_id is not None else None
        self.old_index = node.position
        self.plans.move_node(node.id, self._real(self.new_parent_key), self.index)
        self.env.view.show_plan(node.plan_id, node.id)

    def revert(self) -> None:
        node_id = self.reg.real(self.node_key)
        self.plans.move_node(node_id, self._real(self.old_parent_key), self.old_index)
        self.env.view.show_plan(self.plans.get_node(node_id).plan_id, node_id)


class UpdateNodeCommand(ServiceCommand):
    """Changes fields (heading, text, deadline, 责任人, measures, is_task) of one node."""

    def __init__(self, env: UndoEnv, plan_id: int, node_id: int, old: dict, new: dict, text: str = "修改条目",
                 version: int | None = None):
        super().__init__(env, text)
        self.plan_key = self.reg.key(PLAN, plan_id)
        self.node_key = self.reg.key(NODE, node_id)
        self.old = dict(old)
        self.new = dict(new)
        self.version = version  # the node's version on screen; each save moves it on

    def _set(self, values: dict) -> None:
        node_id = self.reg.real(self.node_key)
        self.version = self.plans.update_node(node_id, expected_version=self._expected(node_id), **values)
        self.env.versions[node_id] = self.version
        # the edit the clerk just made leaves the selection alone; undo and redo show the node
        self.env.view.show_plan(self.reg.real(self.plan_key), None if self.applying else node_id)

    def do(self) -> None:
        self._set(self.new)

    def revert(self) -> None:
        self._set(self.old)

    def reload(self) -> None:
        self.env.view.show_plan(self.reg.real(self.plan_key), self.reg.real(self.node_key))


class SetAssignmentsCommand(ServiceCommand):
    """Replaces the lead and support units of a task."""

    def __init__(self, env: UndoEnv, plan_id: int, node_id: int,
                 old: tuple[list[int], list[int]], new: tuple[list[int], list[int]],
                 notes: dict[int, str] | None = None, text: str = "调整责任单位", version: int | None = None):
        super().__init__(env, text)
        self.version = version
        self.notes = dict(notes or {})
        self.plan_key = self.reg.key(PLAN, plan_id)
        self.node_key = self.reg.key(NODE, node_id)
        self.old = (list(old[0]), list(old[1]))
        self.new = (list(new[0]), list(new[1]))

    def _set(self, value: tuple[list[int], list[int]]) -> None:
        node_id = self.reg.real(self.node_key)
        self.version = self.plans.set_assignments(node_id, lead=value[0], support=value[1], notes=self.notes,
                                                  expected_version=self._expected(node_id))
        self.env.versions[node_id] = self.version
        self.env.view.show_plan(self.reg.real(self.plan_key), None if self.applying else node_id)

    def do(self) -> None:
        self._set(self.new)

    def revert(self) -> None:
        self._set(self.old)

    def reload(self) -> None:
        self.env.view.show_plan(self.reg.real(self.plan_key), self.reg.real(self.node_key))

"""Undoable edits of many nodes at once: a bulk assignment and a find-and-replace, one step each.

The first execution asks the service to make the change (it returns the states before and after);
undo and redo write those states back. Node ids are held as registry keys (see id_registry)."""

from __future__ import annotations

from dataclasses import replace

from app.services.errors import ValidationError
from app.services.plan_bulk import BulkChange, NodeState
from app.services.plan_replace import Hit
from app.ui.undo.id_registry import NODE, PLAN
from app.ui.undo.service_command import ServiceCommand, UndoEnv


class _StatesCommand(ServiceCommand):
    def __init__(self, env: UndoEnv, plan_id: int, text: str):
        super().__init__(env, text)
        self.plan_key = self.reg.key(PLAN, plan_id)
        self.before: list[NodeState] = []
        self.after: list[NodeState] = []
        self.plan_before: dict = {}
        self.plan_after: dict = {}
        self._done_once = False

    def _keyed(self, states: list[NodeState]) -> list[NodeState]:
        return [replace(s, node_id=self.reg.key(NODE, s.node_id)) for s in states]

    def _real(self, states: list[NodeState]) -> list[NodeState]:
        return [replace(s, node_id=self.reg.real(s.node_id)) for s in states]

    def _write(self, plan_fields: dict, states: list[NodeState]) -> None:
        plan_id = self.reg.real(self.plan_key)
        self.env.services.edits.apply(plan_id, plan_fields, self._real(states))
        self.env.view.show_plan(plan_id)

    def first(self) -> None:
        raise NotImplementedError

    def do(self) -> None:
        if not self._done_once:
            self.first()
            self._done_once = True
            self.env.view.show_plan(self.reg.real(self.plan_key))
        else:
            self._write(self.plan_after, self.after)

    def revert(self) -> None:
        self._write(self.plan_before, self.before)


class BulkEditCommand(_StatesCommand):
    """Adds or removes units and sets the deadline on the selected nodes."""

    def __init__(self, env: UndoEnv, plan_id: int, node_ids: list[int], change: BulkChange, text: str):
        super().__init__(env, plan_id, text)
        self.node_ids = list(node_ids)
        self.change = change

    def first(self) -> None:
        before, after = self.env.services.edits.bulk(self.node_ids, self.change)
        if not after:
            raise ValidationError("所选条目已是这样，没有需要修改的内容。")
        self.before, self.after = self._keyed(before), self._keyed(after)

    @property
    def changed(self) -> int:
        return len(self.after)


class ReplaceCommand(_StatesCommand):
    """Replaces the occurrences the clerk kept in the hit list."""

    def __init__(self, env: UndoEnv, plan_id: int, hits: list[Hit], needle: str, replacement: str, text: str):
        super().__init__(env, plan_id, text)
        self.hits = list(hits)
        self.needle = needle
        self.replacement = replacement

    def first(self) -> None:
        change = self.env.services.edits.replace(self.reg.real(self.plan_key), self.hits, self.needle,
                                                 self.replacement)
        if change.empty:
            raise ValidationError("没有可替换的内容：所选位置的文字可能已经改过，请重新查找。")
        self.plan_before, self.plan_after = change.plan_before, change.plan_after
        self.before, self.after = self._keyed(change.nodes_before), self._keyed(change.nodes_after)

    @property
    def changed(self) -> int:
        return len(self.plan_after) + len(self.after)

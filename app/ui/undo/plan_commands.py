"""Undoable edits of whole plans: create (blank, clone, import), delete, change properties."""

from __future__ import annotations

from collections.abc import Callable

from app.services.dto import PlanDTO
from app.ui.undo.id_registry import PLAN, KeyTree
from app.ui.undo.service_command import ServiceCommand, UndoEnv


class _PlanLifecycle(ServiceCommand):
    """Shared by create and delete: removing a plan keeps its snapshot and its keys."""

    plan_key: int | None = None
    snapshot: dict | None = None
    keys: list[KeyTree]

    def _remove(self) -> None:
        plan_id = self.reg.real(self.plan_key)
        self.keys = self.reg.capture(self.plans.tree(plan_id))
        self.snapshot = self.plans.delete_plan(plan_id)
        self.reg.forget_tree(self.keys)
        self.reg.forget(PLAN, plan_id)
        self.env.view.show_plan(None)

    def _restore(self) -> None:
        plan = self.plans.restore_plan(self.snapshot)
        self.reg.rebind(self.plan_key, plan.id)
        self.reg.rebind_tree(self.keys, self.plans.tree(plan.id))
        self.env.view.show_plan(plan.id)


class CreatePlanCommand(_PlanLifecycle):
    """`make` creates the plan the first time (blank, clone or import); redo restores it."""

    def __init__(self, env: UndoEnv, make: Callable[[], PlanDTO], text: str = "新建工作要点"):
        super().__init__(env, text)
        self._make = make
        self.keys = []

    def do(self) -> None:
        if self.plan_key is None:
            plan = self._make()
            self.plan_key = self.reg.key(PLAN, plan.id)
            self.env.view.show_plan(plan.id)
        else:
            self._restore()

    def revert(self) -> None:
        self._remove()

    @property
    def plan_id(self) -> int | None:
        return self.reg.real(self.plan_key) if self.plan_key is not None else None


class DeletePlanCommand(_PlanLifecycle):
    def __init__(self, env: UndoEnv, plan_id: int, text: str = "删除工作要点"):
        super().__init__(env, text)
        self.plan_key = self.reg.key(PLAN, plan_id)
        self.keys = []

    def do(self) -> None:
        self._remove()

    def revert(self) -> None:
        self._restore()


class UpdatePlanCommand(ServiceCommand):
    """Rename, or change kind, year, preamble and closing."""

    def __init__(self, env: UndoEnv, plan_id: int, old: dict, new: dict, text: str = "修改工作要点"):
        super().__init__(env, text)
        self.plan_key = self.reg.key(PLAN, plan_id)
        self.old = dict(old)
        self.new = dict(new)

    def _set(self, values: dict) -> None:
        plan_id = self.reg.real(self.plan_key)
        self.plans.update_plan(plan_id, **values)
        self.env.view.show_plan(plan_id)

    def do(self) -> None:
        self._set(self.new)

    def revert(self) -> None:
        self._set(self.old)


class ImportPlanCommand(ServiceCommand):
    """An import: `store` saves the analysed file (plan, units, notice); undo takes back what it
    brought in (ImportService.remove) and redo stores the same analysis again."""

    def __init__(self, env: UndoEnv, store: Callable[[], tuple[PlanDTO, object]], text: str):
        super().__init__(env, text)
        self._store = store
        self.plan_key: int | None = None
        self.report = None
        self.keys: list[KeyTree] = []
        self.note = ""

    def do(self) -> None:
        plan, self.report = self._store()
        if self.plan_key is None:
            self.plan_key = self.reg.key(PLAN, plan.id)
        else:  # the same file stored again: same shape, so later steps' keys find their rows
            self.reg.rebind(self.plan_key, plan.id)
            self.reg.rebind_tree(self.keys, self.plans.tree(plan.id))
        self.env.view.show_plan(plan.id)

    def revert(self) -> None:
        plan_id = self.reg.real(self.plan_key)
        self.keys = self.reg.capture(self.plans.tree(plan_id))
        notes = self.env.services.imports.remove(self.report)
        self.reg.forget_tree(self.keys)
        self.reg.forget(PLAN, plan_id)
        self.env.view.show_plan(None)
        self.note = "；".join(notes)  # read by the window's 撤销 for its status message

    @property
    def plan_id(self) -> int | None:
        return self.reg.real(self.plan_key) if self.plan_key is not None else None

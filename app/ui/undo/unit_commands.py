"""Undoable edits of the unit registry (the 责任单位 page's own undo history): add, edit, delete,
reorder, Excel import — each kept as snapshots of the units it touched — and merge."""

from __future__ import annotations

from collections.abc import Callable

from app.services.unit_history import MergeRecord, Registry
from app.ui.undo.service_command import ServiceCommand, UndoEnv


class UnitEditCommand(ServiceCommand):
    """`edit` changes the registry and returns the unit to select; `touched` lists the ids it may
    change (None: the whole registry, for an Excel import). Undo and redo restore snapshots."""

    def __init__(self, env: UndoEnv, edit: Callable[[], int | None], text: str, touched: list[int] | None = None):
        super().__init__(env, text)
        self._edit = edit
        self._touched = touched
        self.before: Registry = {}
        self.after: Registry = {}
        self.select_id: int | None = None
        self._done = False

    @classmethod
    def made(cls, env: UndoEnv, before: Registry, after: Registry, text: str,
             select_id: int | None = None) -> UnitEditCommand:
        """A step already made elsewhere (an Excel import on the TaskRunner), for undo and redo."""
        cmd = cls(env, lambda: select_id, text)
        cmd.before, cmd.after, cmd.select_id = dict(before), dict(after), select_id
        for uid in after:
            cmd.before.setdefault(uid, None)
        cmd._done = True
        cmd._first = True
        return cmd

    @property
    def history(self):
        return self.env.services.unit_history

    def do(self) -> None:
        if getattr(self, "_first", False):  # made() elsewhere: nothing to do the first time
            self._first = False
            self.env.view.show_units(self.select_id)
            return
        if not self._done:
            self.before = self.history.snapshot(self._touched)
            self.select_id = self._edit()
            ids = list(self.before) if self._touched is not None else None
            self.after = self.history.snapshot(ids)
            if self._touched is not None and self.select_id is not None and self.select_id not in self.after:
                self.after.update(self.history.snapshot([self.select_id]))  # a unit the edit created
            for uid in self.after:
                self.before.setdefault(uid, None)
            self._done = True
        else:
            self.history.restore(self.after)
        self.env.view.show_units(self.select_id)

    def revert(self) -> None:
        self.history.restore(self.before)
        self.env.view.show_units(self.select_id if self.before.get(self.select_id) else None)


class MergeUnitsCommand(ServiceCommand):
    def __init__(self, env: UndoEnv, source_id: int, target_id: int, text: str):
        super().__init__(env, text)
        self.source_id = source_id
        self.target_id = target_id
        self.record: MergeRecord | None = None

    def do(self) -> None:
        _target, self.record = self.env.services.unit_history.merge(self.source_id, self.target_id)
        self.env.view.show_units(self.target_id)

    def revert(self) -> None:
        self.env.services.unit_history.unmerge(self.record)
        self.env.view.show_units(self.source_id)

"""Base of every undoable edit: a QUndoCommand whose redo/undo call the services.

The first execution happens before the command is pushed (`UndoController.run`), so a refused
edit (a DomainError) never enters the stack; later redo/undo failures are reported and clear the
stack, since the history no longer matches the data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from app.context import Services
from app.ui.undo.id_registry import IdRegistry


class PlanView(Protocol):
    def show_plan(self, plan_id: int | None, node_id: int | None = None) -> None:
        """Reload what shows plans and their outline, then select the plan (and node)."""


@dataclass
class UndoEnv:
    services: Services
    registry: IdRegistry
    view: PlanView | Any  # what the commands reload: the plan page, or the units page
    report_failure: Callable[[BaseException], None]
    notify: Callable[[str], None] = lambda _text: None  # a note for the status bar
    # node id → the version this page's last write left it at; undo and redo save against it, so a
    # colleague's change in between is a conflict, while the clerk's own chain of steps is not
    versions: dict[int, int] = field(default_factory=dict)


class AppliedCommand(QUndoCommand):
    """A command already carried out once by `apply()` before it is pushed: the push's redo is
    skipped, later redo/undo failures go to env.report_failure, and `on_step_done()` runs after each step."""

    def __init__(self, env, text: str):
        super().__init__(text)
        self.env = env
        self._skip_redo = False
        self.applying = False  # True during the first execution, which the clerk just asked for

    def apply(self) -> None:
        """First execution; errors propagate to the caller and nothing is pushed."""
        self.applying = True
        try:
            self.do()
        finally:
            self.applying = False
        self._skip_redo = True
        self.on_step_done()

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._guard(self.do)

    def undo(self) -> None:
        self._guard(self.revert)

    def _guard(self, fn: Callable[[], None]) -> None:
        try:
            fn()
        except Exception as exc:
            self.env.report_failure(exc)
        self.on_step_done()

    def on_step_done(self) -> None:
        """What follows every step (e.g. the view redrawn); nothing by default."""

    def do(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class ServiceCommand(AppliedCommand):
    def __init__(self, env: UndoEnv, text: str):
        super().__init__(env, text)
        self.version: int | None = None  # versioned edits: the version shown when the clerk made it

    @property
    def plans(self):
        return self.env.services.plans

    @property
    def reg(self) -> IdRegistry:
        return self.env.registry

    def _expected(self, node_id: int) -> int | None:
        """The version a versioned save names: the one on screen for the clerk's edit, the one this
        page last wrote for undo and redo (None, no check, for a node this page has not written)."""
        return self.version if self.applying else self.env.versions.get(node_id)

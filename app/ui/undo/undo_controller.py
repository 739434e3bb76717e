"""A page's QUndoStack, and the rule for running a command.

Each page that edits keeps its own history (the main window's QUndoGroup makes the shown page's
stack the active one), so Ctrl+Z never undoes something on a page the clerk is not looking at."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from app.context import Services
from app.services.errors import DomainError
from app.services.versions import ConflictError
from app.ui.conflicts import settle
from app.ui.error_reporting import show_error, user_message
from app.ui.undo.id_registry import IdRegistry
from app.ui.undo.service_command import PlanView, ServiceCommand, UndoEnv

log = logging.getLogger(__name__)


class UndoController(QObject):
    note = Signal(str)  # what a command wants the clerk to read in the status bar

    def __init__(self, services: Services, view: PlanView, parent: QWidget | None = None):
        super().__init__(parent)
        self._parent_widget = parent
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(200)
        self.registry = IdRegistry()
        self.env = UndoEnv(services, self.registry, view, self._report_failure, self.note.emit)
        self.last_failure: str | None = None
        # called before each new edit is executed (e.g. to tell the clerk about an issued notice)
        self.before_run: Callable[[ServiceCommand], None] | None = None

    def run(self, command: ServiceCommand) -> bool:
        """Executes the command; it enters the stack only when it succeeded."""
        if self.before_run is not None:
            self.before_run(command)
        try:
            command.apply()
        except ConflictError as exc:  # a colleague saved this task first: reload theirs, or keep mine
            if not settle(self._parent_widget, self.env.services, exc, lambda c: self._keep(command, c),
                          getattr(command, "reload", lambda: None)):
                return False
        except Exception as exc:
            show_error(self._parent_widget, exc)
            return False
        self.stack.push(command)
        return True

    @staticmethod
    def _keep(command: ServiceCommand, conflict: ConflictError) -> None:
        command.version = conflict.current  # saved over the colleague's version, which the clerk has seen
        command.apply()

    def _report_failure(self, exc: BaseException) -> None:
        # Called from inside QUndoStack.undo()/redo(): the stack may only be cleared afterwards.
        self.last_failure = user_message(exc)
        log.warning("undo/redo failed: %s", exc)
        QTimer.singleShot(0, self._after_failure)

    def _after_failure(self) -> None:
        self.stack.clear()
        show_error(self._parent_widget, DomainError(
            f"{self.last_failure}\n撤销记录已清空，当前数据以界面显示为准。"))


"""What a page that edits through undoable commands shares (督办, 年度报告, 对照): running a command
(it enters the page's stack only when it succeeded) and what happens when a later undo or redo
fails (said once, and the stack cleared, since it no longer matches the data)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer

from app.services.versions import ConflictError
from app.ui.conflicts import settle
from app.ui.error_reporting import show_error, user_message

log = logging.getLogger(__name__)


class CommandPageMixin:
    """For a QWidget with `ctx`, `undo_stack`, `status_message` and `refresh()`."""

    def run(self, command) -> bool:
        try:
            command.apply()
        except ConflictError as exc:  # a colleague saved first: reload theirs, or keep mine
            keep = getattr(command, "overwrite", None)
            if keep is None:
                show_error(self, exc)
                self.refresh()
                return False
            if not settle(self, self.ctx.services, exc, lambda _c: keep(), self.refresh):
                return False
        except Exception as exc:
            show_error(self, exc)
            self.refresh()
            return False
        self.undo_stack.push(command)
        self.status_message.emit(f"{command.text()}。按 Ctrl+Z 可撤销。")
        return True

    def _report_failure(self, exc: BaseException) -> None:
        log.warning("%s undo/redo failed: %s", type(self).__name__, exc)
        message = user_message(exc)
        QTimer.singleShot(0, lambda: self._after_failure(message))

    def _after_failure(self, message: str) -> None:
        self.undo_stack.clear()
        from app.services.errors import DomainError

        show_error(self, DomainError(f"{message}\n撤销记录已清空，当前数据以界面显示为准。"))

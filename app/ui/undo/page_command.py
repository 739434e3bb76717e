"""Base of the undoable edits of pages that work on one service (督办, 年度报告, 对照): the first run
happens before the push, so a refused edit never enters the stack; a later failure is reported
and clears it; the page redraws after each run, undo or redo."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand


class PageCommand(QUndoCommand):
    """env: anything with `view` (has refresh()) and `report_failure` (takes the exception)."""

    def __init__(self, env, text: str):
        super().__init__(text)
        self.env = env
        self._skip_redo = False

    def apply(self) -> None:
        self.do()
        self._skip_redo = True
        self.env.view.refresh()

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
        self.env.view.refresh()

    def do(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class PageEnv:
    """What a page's commands work on: its service, the view to redraw, where failures go."""

    def __init__(self, service, view, report_failure: Callable[[BaseException], None]):
        self.service = service
        self.view = view
        self.report_failure = report_failure

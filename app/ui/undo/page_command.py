"""Base of the undoable edits of pages that work on one service (督办, 年度报告, 对照): the first run
happens before the push, so a refused edit never enters the stack; a later failure is reported
and clears it; the page redraws after each run, undo or redo."""

from __future__ import annotations

from collections.abc import Callable

from app.ui.undo.service_command import AppliedCommand


class PageCommand(AppliedCommand):
    """env: anything with `view` (has refresh()) and `report_failure` (takes the exception)."""

    def on_step_done(self) -> None:
        self.env.view.refresh()


class PageEnv:
    """What a page's commands work on: its service, the view to redraw, where failures go."""

    def __init__(self, service, view, report_failure: Callable[[BaseException], None]):
        self.service = service
        self.view = view
        self.report_failure = report_failure

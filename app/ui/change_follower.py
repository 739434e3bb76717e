"""Other clerks' changes appear without a restart: every few seconds the window asks the database
whether another program changed something (services.changes: a notification on a server, SQLite's
data_version on a file), and reloads the page in front. A page the clerk is typing in waits until
the typing stops, so nothing typed is thrown away (a save over a newer change is a conflict anyway)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QPlainTextEdit, QTextEdit

from app.services.changes import summary

log = logging.getLogger(__name__)

INTERVAL_MS = 3000


class ChangeFollower(QObject):
    def __init__(self, window, interval_ms: int = INTERVAL_MS):
        super().__init__(window)
        self.window = window
        self.pending: list = []
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> bool:
        """True when the page was reloaded for other clerks' changes."""
        self.pending += self.window.ctx.changes.poll()
        if not self.pending or self._typing():
            return False
        changes, self.pending = self.pending, []
        try:
            self._reload()
        except Exception:  # the next look tries again; the window stays usable
            log.exception("reloading after other clerks' changes failed")
            return False
        self.window.show_status(summary(changes))
        return True

    def _typing(self) -> bool:
        focus = QApplication.focusWidget()
        return isinstance(focus, (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)) and \
            self.window.isAncestorOf(focus)

    def _reload(self) -> None:
        w = self.window
        row = w.stack.currentIndex()
        if row == 0:
            node = w.plans_page.editor.current_node()
            w.plans_page.show_plan(w.plans_page.current_plan_id(), node.id if node else None)
            return
        page = w.page(row)
        if hasattr(page, "activate"):
            page.activate()

    def stop(self) -> None:
        self.timer.stop()

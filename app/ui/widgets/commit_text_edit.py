"""A plain-text editor that reports its text once, when the clerk leaves it (like editingFinished)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QPlainTextEdit


class CommitTextEdit(QPlainTextEdit):
    committed = Signal(str)

    def __init__(self, parent=None, max_lines: int = 4):
        super().__init__(parent)
        self._loaded = ""
        self.setTabChangesFocus(True)
        line = self.fontMetrics().lineSpacing()
        self.setMaximumHeight(line * max_lines + 14)

    def load(self, text: str) -> None:
        self._loaded = text
        self.setPlainText(text)

    def commit(self) -> None:
        text = self.toPlainText().strip()
        if text != self._loaded:
            self._loaded = text
            self.committed.emit(text)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.commit()
        super().focusOutEvent(event)

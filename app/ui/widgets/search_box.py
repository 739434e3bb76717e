"""The search box of the plan editor, the unit registry and the 督办 ledger: `settled` is emitted once
the clerk pauses typing (a list of hundreds is not re-filtered on every keystroke), or at once on Enter."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit

PAUSE_MS = 200


class SearchBox(QLineEdit):
    settled = Signal()

    def __init__(self, name: str, placeholder: str, parent=None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self.settled)
        self.textChanged.connect(lambda _t: self._pause.start())
        self.returnPressed.connect(self.settle_now)

    def settle_now(self) -> None:
        self._pause.stop()
        self.settled.emit()

    def cancel_pending(self) -> None:
        """Forgets a pause in progress (the text is being reset by the program)."""
        self._pause.stop()

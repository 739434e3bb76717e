"""The list of problems in the open plan; activating one jumps to its outline item."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QListWidgetItem, QStyle, QVBoxLayout, QWidget

from app.services.plan_problems import KIND_LABEL, Problem


class ProblemsPanel(QWidget):
    node_activated = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("problemsPanel")
        self.header = QLabel()
        self.header.setObjectName("problemsHeader")
        self.list = QListWidget()
        self.list.setObjectName("problemsList")
        self.list.setWordWrap(True)  # a long message wraps rather than scrolling sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.addWidget(self.header)
        lay.addWidget(self.list)
        self.problems: list[Problem] = []
        self.set_problems([], None)

    def set_problems(self, problems: list[Problem], note: str | None) -> None:
        self.problems = list(problems)
        self.list.clear()
        icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for p in problems:
            item = QListWidgetItem(icon, f"【{KIND_LABEL.get(p.kind, p.kind)}】{p.message}")
            item.setData(Qt.ItemDataRole.UserRole, p.node_id)
            self.list.addItem(item)
        self.list.setVisible(bool(problems))  # an empty list would only take room from the outline
        head = f"问题（{len(problems)}）" if problems else "问题：未发现"
        self.header.setText(head + (f"　{note}" if note else ""))

    def _activated(self, item: QListWidgetItem) -> None:
        self.node_activated.emit(item.data(Qt.ItemDataRole.UserRole))

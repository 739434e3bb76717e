"""Re-drafting asks before it replaces a part the clerk edited: each such part with the clerk's
text beside the new draft, unticked (kept) unless the clerk ticks it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
)

from app.services.reports.dto import Conflict


class RedraftDialog(QDialog):
    def __init__(self, conflicts: list[Conflict], parent=None):
        super().__init__(parent)
        self.setObjectName("redraftDialog")
        self.setWindowTitle("重新起草：以下部分您修改过")
        self.resize(900, 520)
        self.conflicts = conflicts
        self.list = QListWidget()
        self.list.setObjectName("redraftParts")
        self.list.setMaximumHeight(120)
        for c in conflicts:
            item = QListWidgetItem(c.heading)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.mine = QPlainTextEdit()
        self.mine.setReadOnly(True)
        self.new = QPlainTextEdit()
        self.new.setReadOnly(True)
        self.new.setObjectName("redraftNew")
        self.list.currentRowChanged.connect(self._show)
        texts = QHBoxLayout()
        for label, edit in (("您修改后的文字（不勾选则保留）", self.mine), ("按督办台账新起草的文字", self.new)):
            col = QVBoxLayout()
            col.addWidget(QLabel(label))
            col.addWidget(edit)
            texts.addLayout(col)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton("重新起草", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("redraftOk")
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("其他部分按新的草稿更新。勾选的部分用新草稿替换您的修改；不勾选的保留您的修改（可撤销）。"))
        lay.addWidget(self.list)
        lay.addLayout(texts, 1)
        lay.addWidget(buttons)
        if conflicts:
            self.list.setCurrentRow(0)

    def _show(self, row: int) -> None:
        c = self.conflicts[row] if 0 <= row < len(self.conflicts) else None
        self.mine.setPlainText(c.current if c else "")
        self.new.setPlainText(c.new if c else "")

    def replace(self) -> set[str]:
        return {c.key for i, c in enumerate(self.conflicts)
                if self.list.item(i).checkState() == Qt.CheckState.Checked}

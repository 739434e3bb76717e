"""销号 (with its evidence) or 恢复督办 (with the reason)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPlainTextEdit

from app.ui.dialogs.form_layout import form_with_buttons


class ClosureDialog(QDialog):
    def __init__(self, task_text: str, reopen: bool = False, parent=None):
        super().__init__(parent)
        self.setObjectName("closureDialog")
        self.reopen = reopen
        self.setWindowTitle("恢复督办" if reopen else "销号")
        self.resize(520, 260)
        task = QLabel(task_text)
        task.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("closureText")
        self.text.setPlaceholderText("恢复督办的原因" if reopen else "佐证材料：验收文件、文号或存档位置")
        self.note = QLineEdit()
        self.note.setObjectName("closureNote")
        self.note.setPlaceholderText("备注（可空）")
        rows = [("任务", task), ("原因" if reopen else "佐证材料", self.text)]
        if not reopen:
            rows.append(("备注", self.note))
        form_with_buttons(self, rows)

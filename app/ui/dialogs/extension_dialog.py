"""延期申请 (reason and new date) and its decision (同意, possibly with another date, or 不同意)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QDialog, QLabel, QLineEdit, QPlainTextEdit

from app.services.tracking.dto import ExtensionDTO
from app.ui.dialogs.form_layout import form_with_buttons


def _date_edit(d: date) -> QDateEdit:
    e = QDateEdit(QDate(d.year, d.month, d.day))
    e.setCalendarPopup(True)
    e.setDisplayFormat("yyyy年M月d日")
    return e


class ExtensionDialog(QDialog):
    """request=True: a unit's request; otherwise the decision on `extension`."""

    def __init__(self, task_text: str, current: date | None, extension: ExtensionDTO | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("extensionDialog")
        self.extension = extension
        self.setWindowTitle("审批延期申请" if extension else "登记延期申请")
        self.resize(520, 300)
        self.task = QLabel(task_text)
        self.task.setWordWrap(True)
        start = extension.requested_deadline if extension else (current or date.today())
        self.deadline = _date_edit(start)
        self.deadline.setObjectName("extensionDate")
        if extension is None:
            self.reason = QPlainTextEdit()
            self.reason.setObjectName("extensionReason")
            self.reason.setPlaceholderText("延期原因（须在完成时限前提出）")
            rows = [("任务", self.task), ("现完成时限", QLabel(f"{current:%Y-%m-%d}" if current else "未定")),
                    ("申请延期至", self.deadline), ("原因", self.reason)]
        else:
            self.approve = QCheckBox("同意延期")
            self.approve.setObjectName("extensionApprove")
            self.approve.setChecked(True)
            self.note = QLineEdit()
            self.note.setObjectName("extensionNote")
            self.note.setPlaceholderText("审批意见，如“经主任会议研究同意”")
            rows = [("任务", self.task), ("申请理由", QLabel(extension.reason)),
                    ("同意延期至", self.deadline), ("审批", self.approve), ("意见", self.note)]
        form_with_buttons(self, rows)

    def new_deadline(self) -> date:
        return self.deadline.date().toPython()

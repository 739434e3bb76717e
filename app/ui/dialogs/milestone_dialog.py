"""序时目标 of one task: dated percentages, one a line (“2026-06-30 40 完成方案”)."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit

from app.services.errors import ValidationError
from app.services.tracking.dto import MilestoneDTO
from app.ui.dialogs.form_layout import form_with_buttons

_LINE = re.compile(r"^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s+(\d{1,3})\s*[%％]?\s*(.*)$")


def parse_milestones(node_id: int, text: str) -> list[MilestoneDTO]:
    out = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        m = _LINE.match(line)
        if m is None:
            raise ValidationError(f"第{n}行“{line.strip()[:30]}”看不懂，请写成“2026-06-30 40 完成方案”的形式。")
        try:
            due = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError as exc:
            raise ValidationError(f"第{n}行的日期不存在。") from exc
        out.append(MilestoneDTO(node_id, due, int(m[4]), m[5].strip()))
    return out


class MilestoneDialog(QDialog):
    def __init__(self, task_text: str, milestones: list[MilestoneDTO], parent=None):
        super().__init__(parent)
        self.setObjectName("milestoneDialog")
        self.setWindowTitle("序时目标")
        self.resize(520, 320)
        task = QLabel(task_text)
        task.setWordWrap(True)
        self.text = QPlainTextEdit("\n".join(f"{m.due:%Y-%m-%d} {m.target_percent} {m.text}".strip()
                                             for m in milestones))
        self.text.setObjectName("milestoneText")
        self.text.setPlaceholderText("每行一个：日期 进度 说明，如\n2026-06-30 40 完成方案\n2026-09-30 70 主体完成")
        hint = QLabel("设了序时目标的任务，亮灯按目标计算；不设则按完成时限平均计算。清空即取消。")
        hint.setWordWrap(True)
        form_with_buttons(self, [("任务", task), ("序时目标", self.text), ("", hint)])

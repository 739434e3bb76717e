"""The plan's own texts beside its outline: title, preamble (指导思想 …) and closing (工作要求).

Each box reports its change once, when the clerk leaves it; the editor makes it an undoable step."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from app.services.dto import PlanDTO
from app.ui.widgets.commit_text_edit import CommitTextEdit

LABELS = {"title": "标题", "preamble": "前言", "closing": "结语"}


class PlanTextPanel(QScrollArea):
    edited = Signal(dict, dict)  # old values, new values

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("planTextPanel")
        self.setWidgetResizable(True)
        self.plan: PlanDTO | None = None
        self._loading = False
        self.title = QLineEdit()
        self.title.setObjectName("planTitleEdit")
        self.title.editingFinished.connect(lambda: self._report("title", self.title.text().strip()))
        self.preamble = CommitTextEdit(max_lines=14)
        self.preamble.setObjectName("preambleEdit")
        self.preamble.setPlaceholderText("开头一段：指导思想、总体要求等（印在第一部分之前）")
        self.preamble.committed.connect(lambda t: self._report("preamble", t))
        self.closing = CommitTextEdit(max_lines=8)
        self.closing.setObjectName("closingEdit")
        self.closing.setPlaceholderText("结尾一段：工作要求等（印在最后一部分之后）")
        self.closing.committed.connect(lambda t: self._report("closing", t))
        hint = QLabel("标题、前言和结语与大纲一起印在审阅稿和印发的工作要点中。离开输入框即保存，Ctrl+Z 可撤销。")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(LABELS["title"], self.title)
        form.addRow(LABELS["preamble"], self.preamble)
        form.addRow(LABELS["closing"], self.closing)
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.addWidget(hint)
        lay.addLayout(form)
        lay.addStretch(1)
        self.setWidget(body)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def load(self, plan: PlanDTO | None) -> None:
        self._loading = True
        try:
            self.plan = plan
            for w in (self.title, self.preamble, self.closing):
                w.setEnabled(plan is not None)
            busy = next((w for w in (self.title, self.preamble, self.closing) if w.hasFocus()), None)
            if busy is not self.title:
                self.title.setText(plan.title if plan else "")
            if busy is not self.preamble:
                self.preamble.load(plan.preamble if plan else "")
            if busy is not self.closing:
                self.closing.load(plan.closing if plan else "")
        finally:
            self._loading = False

    def commit_pending(self) -> None:
        self.preamble.commit()
        self.closing.commit()

    def _report(self, field: str, value: str) -> None:
        if self._loading or self.plan is None:
            return
        old = getattr(self.plan, field)
        if value != old:
            self.edited.emit({field: old}, {field: value})

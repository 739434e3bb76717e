"""The detail panel of the selected outline item: heading, text, units, deadline, 责任人, measures.

Each field reports a change once (on leaving it); the editor turns it into an undoable command."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.services.deadlines import deadline_date
from app.services.dto import NodeDTO
from app.services.units import UnitService
from app.ui.widgets.assignment_editor import AssignmentEditor
from app.ui.widgets.commit_text_edit import CommitTextEdit

NO_DATE = QDate(2000, 1, 1)
DEADLINE_PHRASES = ("年底前", "6月底前", "上半年", "下半年", "每季度", "每半年", "长期坚持", "持续推进")


class TaskDetailPanel(QScrollArea):
    fields_edited = Signal(int, dict, dict)  # node id, old values, new values
    assignments_edited = Signal(int, object, object, dict)  # node id, (lead, support) old, new, notes

    def __init__(self, units: UnitService, parent=None):
        super().__init__(parent)
        self.setObjectName("taskDetailPanel")
        self.setWidgetResizable(True)
        self.node: NodeDTO | None = None
        self.plan_year: int | None = None
        self._loading = False

        self.title = QLabel("未选择条目")
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.heading = QLineEdit()
        self.heading.setObjectName("headingEdit")
        self.heading.setPlaceholderText("条目标题，如“深化行政执法体制改革”")
        self.heading.editingFinished.connect(lambda: self._field("heading", self.heading.text().strip()))
        self.text = CommitTextEdit(max_lines=6)
        self.text.setObjectName("textEdit")
        self.text.committed.connect(lambda t: self._field("text", t))
        self.is_task = QCheckBox("重点任务")
        self.is_task.setToolTip("重点任务：分配责任单位和完成时限，列入分工表")
        self.is_task.setObjectName("isTaskBox")
        self.is_task.clicked.connect(lambda on: self._field("is_task", bool(on)))

        self.assignments = AssignmentEditor(units)
        self.assignments.edited.connect(self._assignments)

        self.deadline_text = QLineEdit()
        self.deadline_text.setObjectName("deadlineText")
        self.deadline_text.setPlaceholderText("如“2026年6月底前”“年底前”“长期坚持”")
        self._phrases = QStringListModel(list(DEADLINE_PHRASES), self)
        completer = QCompleter(self._phrases, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.deadline_text.setCompleter(completer)
        self.deadline_text.editingFinished.connect(self._deadline_text_done)
        self.deadline_date = QDateEdit()
        self.deadline_date.setObjectName("deadlineDate")
        self.deadline_date.setCalendarPopup(True)
        self.deadline_date.setDisplayFormat("yyyy年M月d日")
        self.deadline_date.setMinimumDate(NO_DATE)
        self.deadline_date.setSpecialValueText("无具体日期")
        self._date_timer = QTimer(self)
        self._date_timer.setSingleShot(True)
        self._date_timer.setInterval(400)
        self._date_timer.timeout.connect(self._deadline_date_done)
        self._pending_date: tuple[NodeDTO, date | None] | None = None
        self.deadline_date.dateChanged.connect(self._date_changed)
        date_row = QHBoxLayout()
        date_row.addWidget(self.deadline_date)
        date_hint = QLabel("由时限换算，可修改")
        date_hint.setStyleSheet("color: #666;")
        date_hint.setWordWrap(True)
        date_row.addWidget(date_hint, 1)

        self.person = QLineEdit()
        self.person.setObjectName("personEdit")
        self.person.editingFinished.connect(lambda: self._field("responsible_person", self.person.text().strip()))
        self.measures = CommitTextEdit(max_lines=4)
        self.measures.setObjectName("measuresEdit")
        self.measures.setPlaceholderText("具体工作措施（可选）")
        self.measures.committed.connect(lambda t: self._field("measures", t))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("标题", self.heading)
        form.addRow("内容", self.text)
        form.addRow("", self.is_task)
        form.addRow("责任单位", self.assignments)
        form.addRow("完成时限", self.deadline_text)
        form.addRow("日期", date_row)
        form.addRow("责任人", self.person)
        form.addRow("工作措施", self.measures)
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.addWidget(self.title)
        lay.addLayout(form)
        lay.addStretch(1)
        self.setWidget(body)
        # the form scrolls up and down, never sideways: the panel is as wide as its narrowest form
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(body.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width() + 4)
        self._set_enabled(False)

    # ---- loading -------------------------------------------------------------------------
    def set_plan_year(self, year: int | None) -> None:
        self.plan_year = year
        phrases = list(DEADLINE_PHRASES)
        if year:
            phrases = [f"{year}年年底前", f"{year}年6月底前", f"{year}年9月底前", *phrases]
        self._phrases.setStringList(phrases)

    def load(self, node: NodeDTO | None) -> None:
        self._loading = True
        try:
            same = node is not None and self.node is not None and node.id == self.node.id
            self.node = node
            self._set_enabled(node is not None)
            if node is None:
                self.title.setText("未选择条目")
                for w in (self.heading, self.deadline_text, self.person):
                    w.clear()
                self.text.load("")
                self.measures.load("")
                self.assignments.load([])
                self.deadline_date.setDate(NO_DATE)
                return
            # On a reload of the same item, the box being typed in keeps what is typed (it is
            # reported when the clerk leaves it).
            busy = self._typing_in() if same else None
            self.title.setText(f"{node.label}{node.heading or '（无标题）'}")
            if busy is not self.heading:
                self.heading.setText(node.heading)
            if busy is not self.text:
                self.text.load(node.text)
            self.is_task.setChecked(node.is_task)
            self.assignments.load(node.assignments)
            if busy is not self.deadline_text:
                self.deadline_text.setText(node.deadline_text)
            self.deadline_date.setDate(QDate(node.deadline) if node.deadline else NO_DATE)
            if busy is not self.person:
                self.person.setText(node.responsible_person)
            if busy is not self.measures:
                self.measures.load(node.measures)
        finally:
            self._loading = False

    def _typing_in(self):
        return next((w for w in (self.heading, self.text, self.deadline_text, self.person, self.measures)
                     if w.hasFocus()), None)

    def _set_enabled(self, on: bool) -> None:
        for w in (self.heading, self.text, self.is_task, self.assignments, self.deadline_text,
                  self.deadline_date, self.person, self.measures):
            w.setEnabled(on)

    def commit_pending(self) -> None:
        """Reports fields still being edited (before the selection moves elsewhere)."""
        self.text.commit()
        self.measures.commit()
        if self._date_timer.isActive():
            self._date_timer.stop()
            self._deadline_date_done()

    # ---- reporting -----------------------------------------------------------------------
    def _field(self, name: str, value) -> None:
        self._fields({name: value})

    def _fields(self, new: dict) -> None:
        if self._loading or self.node is None:
            return
        old = {k: getattr(self.node, k) for k in new}
        if old != new:
            self.fields_edited.emit(self.node.id, old, new)

    def _deadline_text_done(self) -> None:
        text = self.deadline_text.text().strip()
        if self.node is None or text == self.node.deadline_text:
            return
        self._fields({"deadline_text": text, "deadline": deadline_date(text, self.plan_year)})

    def _date_changed(self, qd: QDate) -> None:
        if self._loading or self.node is None:
            return
        value: date | None = None if qd == NO_DATE else date(qd.year(), qd.month(), qd.day())
        self._pending_date = (self.node, value)  # kept with its node: the selection may move on
        self._date_timer.start()

    def _deadline_date_done(self) -> None:
        if self._pending_date is None:
            return
        node, value = self._pending_date
        self._pending_date = None
        if value != node.deadline:
            self.fields_edited.emit(node.id, {"deadline": node.deadline}, {"deadline": value})

    def _assignments(self, lead: list, support: list, notes: dict) -> None:
        if self._loading or self.node is None:
            return
        old = ([a.unit_id for a in self.node.assignments if a.role == "lead"],
               [a.unit_id for a in self.node.assignments if a.role == "support"])
        new = (list(lead), list(support))
        if old != new:
            self.assignments_edited.emit(self.node.id, old, new, notes)

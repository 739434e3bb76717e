"""The 录入 panel beside the 台账 grid: what the selected row owes and last said, its light and why,
and the fields of this period's report. Ctrl+Enter saves and moves on, Ctrl+D takes last period's
report as this period's (a paper return that says “无变化”)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.tracking.dto import EntryValues
from app.services.tracking.ledger import LedgerRow
from app.services.tracking.policy import LIGHT_FILL, STATUSES

NO_PERCENT = -1


class EntryPanel(QWidget):
    save_requested = Signal(object, str)  # EntryValues, reported_by
    same_as_last_requested = Signal()
    clear_requested = Signal()
    action_requested = Signal(str)  # extension | decide | close | reopen | milestones

    def __init__(self, parent=None):
        super().__init__(parent)
        self.row: LedgerRow | None = None
        self.title = QLabel()
        self.title.setObjectName("entryTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.light = QLabel()
        self.light.setObjectName("entryLight")
        self.light.setWordWrap(True)
        self.last = QLabel()
        self.last.setObjectName("entryLast")
        self.last.setWordWrap(True)
        self.last.setStyleSheet("color:#555;")
        self.status = QComboBox()
        self.status.setObjectName("entryStatus")
        self.status.addItems(STATUSES)
        self.status.setToolTip("也可在左侧表格中按数字键 1～6 直接选状态")
        self.percent = QSpinBox()
        self.percent.setObjectName("entryPercent")
        self.percent.setRange(NO_PERCENT, 100)
        self.percent.setSpecialValueText("—")
        self.percent.setSuffix("%")
        self.text = QPlainTextEdit()
        self.text.setObjectName("entryText")
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText("本期进展情况")
        self.problems = QLineEdit()
        self.problems.setObjectName("entryProblems")
        self.problems.setPlaceholderText("存在问题／延期理由")
        self.evidence = QLineEdit()
        self.evidence.setObjectName("entryEvidence")
        self.evidence.setPlaceholderText("文件名称、文号或存放位置")
        self.reporter = QLineEdit()
        self.reporter.setObjectName("entryReporter")
        self.reporter.setPlaceholderText("填报人（纸质报表上的）")
        form = QFormLayout()
        form.addRow("本期状态", self.status)
        form.addRow("完成进度", self.percent)
        form.addRow("进展情况", self.text)
        form.addRow("存在问题", self.problems)
        form.addRow("佐证材料", self.evidence)
        form.addRow("填报人", self.reporter)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for i, (key, text, tip) in enumerate((
                ("save", "保存并下一条", "Ctrl+Enter"), ("same", "同上期", "Ctrl+D：本期无变化，沿用上期报送内容"),
                ("clear", "清除本期", "删除这一行本期的进展记录"), ("extension", "延期申请…", ""),
                ("decide", "审批延期…", ""), ("close", "销号…", ""), ("reopen", "恢复督办…", ""),
                ("milestones", "序时目标…", ""))):
            b = QPushButton(text)
            b.setObjectName(f"entry_{key}")
            b.setToolTip(tip)
            self.buttons[key] = b
            grid.addWidget(b, i // 2, i % 2)
        self.buttons["save"].clicked.connect(self.save)
        self.buttons["same"].clicked.connect(self.same_as_last_requested)
        self.buttons["clear"].clicked.connect(self.clear_requested)
        for key in ("extension", "decide", "close", "reopen", "milestones"):
            self.buttons[key].clicked.connect(lambda _=False, k=key: self.action_requested.emit(k))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+D"), self, self.same_as_last_requested.emit,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 0, 0, 0)
        lay.addWidget(self.title)
        lay.addWidget(self.light)
        lay.addWidget(self.last)
        lay.addLayout(form, 1)
        lay.addLayout(grid)
        self.show_row(None)

    def show_row(self, row: LedgerRow | None) -> None:
        self.row = row
        on = row is not None
        for w in (self.status, self.percent, self.text, self.problems, self.evidence, self.reporter,
                  *self.buttons.values()):
            w.setEnabled(on)
        if row is None:
            self.title.setText("在左侧选择一行（任务 × 单位）登记本期进展。")
            self.light.setText("")
            self.light.setStyleSheet("")
            self.last.setText("")
            return
        t = row.task
        self.title.setText(f"<b>第{t.serial}项　{t.title}</b><br>{row.unit_name} · {row.role_text} · "
                           f"完成时限：{t.deadline_text or '未定'}")
        self.light.setText(f"{row.light.color}灯：{row.light.explain()}")
        self.light.setStyleSheet(f"background:#{LIGHT_FILL[row.light.color]};padding:4px;border-radius:3px;")
        prev = row.entry or row.last
        if row.entry is None and row.last is not None:
            self.last.setText(f"上次报送（{row.last_label}）：{row.last.status}"
                              f"{'' if row.last.percent is None else f' {row.last.percent}%'}。按 Ctrl+D 沿用。")
        elif row.entry is not None:
            self.last.setText(f"本期已报送（{row.entry.source}{'：' + row.entry.source_file if row.entry.source_file else ''}"
                              f"{'，' + row.entry.reported_by if row.entry.reported_by else ''}）。")
        else:
            self.last.setText("尚无报送记录。")
        v = prev.values if prev else None
        self.status.setCurrentText(v.status if v else "推进中")
        self.percent.setValue(v.percent if v and v.percent is not None else NO_PERCENT)
        self.text.setPlainText(v.text if v else "")
        self.problems.setText(v.problems if v else "")
        self.evidence.setText(v.evidence if v else "")
        self.reporter.setText(row.entry.reported_by if row.entry else "")
        closed = t.closure is not None
        self.buttons["close"].setVisible(not closed)
        self.buttons["reopen"].setVisible(closed)
        ext = t.extension
        self.buttons["decide"].setEnabled(ext is not None and ext.decision == "待审批")

    def values(self) -> EntryValues:
        pct = self.percent.value()
        return EntryValues(self.status.currentText(), None if pct == NO_PERCENT else pct,
                           self.text.toPlainText().strip(), self.problems.text().strip(), self.evidence.text().strip())

    def save(self) -> None:
        if self.row is not None:
            self.save_requested.emit(self.values(), self.reporter.text().strip())

    def focus_first(self) -> None:
        self.status.setFocus()

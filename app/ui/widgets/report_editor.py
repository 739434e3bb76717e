"""The report's outline on the left, the chosen part's heading and text on the right. The widget
only shows and reports: an edit leaves as `edit_requested` when the clerk leaves the field or picks
another part, and the page turns it into an undoable command."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QSplitter, QVBoxLayout, QWidget

from app.services.reports.report_outline import OutlineEntry
from app.ui.item_models.report_outline_model import ReportOutlineModel
from app.ui.widgets.commit_text_edit import CommitTextEdit

HINT = ("一段一行；数据写作 {名称}（如 {行政复议案件}），打印时换成全县合计，见“数据”页。"
        "“（已修改）”的部分重新起草时不会被替换，除非您选择替换。")


class ReportEditor(QWidget):
    edit_requested = Signal(int, object, object)  # section id, text or None, heading or None

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = ReportOutlineModel(self)
        self.outline = QListView()
        self.outline.setObjectName("reportOutline")
        self.outline.setModel(self.model)
        self.outline.selectionModel().currentChanged.connect(lambda cur, _prev: self._show(cur.row()))
        self.heading = QLineEdit()
        self.heading.setObjectName("reportHeading")
        self.heading.setPlaceholderText("本部分的标题（序号自动编排）")
        self.heading.editingFinished.connect(self._commit_heading)
        self.text = CommitTextEdit(max_lines=400)
        self.text.setMaximumHeight(16777215)
        self.text.setObjectName("reportText")
        self.text.setTabChangesFocus(False)
        self.text.committed.connect(self._commit_text)
        self.where = QLabel()
        self.where.setObjectName("reportWhere")
        hint = QLabel(HINT)
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#555;")
        right = QWidget()
        lay = QVBoxLayout(right)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.where)
        lay.addWidget(self.heading)
        lay.addWidget(self.text, 1)
        lay.addWidget(hint)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.outline)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setSizes([260, 700])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(split)
        self._entry: OutlineEntry | None = None

    def set_entries(self, entries: list[OutlineEntry], keep_section: int | None = None) -> None:
        self.text.commit()
        self.model.set_entries(entries)
        row = self.model.row_of_section(keep_section) if keep_section is not None else -1
        row = row if row >= 0 else (0 if entries else -1)
        if row >= 0:
            self.outline.setCurrentIndex(self.model.index(row, 0))
        self._show(row)

    def current_section_id(self) -> int | None:
        return self._entry.section.id if self._entry is not None and self._entry.section is not None else None

    def select_section(self, section_id: int) -> None:
        row = self.model.row_of_section(section_id)
        if row >= 0:
            self.outline.setCurrentIndex(self.model.index(row, 0))

    def _show(self, row: int) -> None:
        if self._entry is not None:
            self.text.commit()  # an edit in progress goes before the next part is shown
        self._entry = self.model.entry(row)
        e = self._entry
        has_text = e is not None and e.section is not None
        self.text.setEnabled(has_text)
        self.heading.setEnabled(has_text and e.level > 0)
        self.heading.setText(e.section.heading if has_text and e.level > 0 else "")
        self.text.load(e.section.text if has_text else "")
        if e is None:
            self.where.setText("还没有起草：点“起草”，按督办台账生成报告初稿。")
        elif e.section is None:
            self.where.setText(f"{e.title}：由下列各节组成，请选择其中一节。")
        else:
            self.where.setText(f"{e.title}{'（已修改）' if e.section.edited else ''}")

    def _commit_text(self, text: str) -> None:
        sid = self.current_section_id()
        if sid is not None:
            self.edit_requested.emit(sid, text, None)

    def _commit_heading(self) -> None:
        sid = self.current_section_id()
        if sid is None or self._entry is None or self._entry.level == 0:
            return
        text = self.heading.text().strip()
        if text and text != self._entry.section.heading:
            self.edit_requested.emit(sid, None, text)

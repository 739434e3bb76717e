"""The chosen superior task (or indicator) on the 对照 page: its text, the county tasks suggested
for it (confirm or reject), those linked to it (remove a link, confirm a task made from it), its
不适用 mark or 情况说明, and making a county task from it in one step. Requests leave as signals."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.coverage.dto import CoverageRow
from app.ui.item_models.coverage_table_model import CountyTaskModel


def _table(model, name: str) -> QTableView:
    t = QTableView()
    t.setObjectName(name)
    t.setModel(model)
    t.verticalHeader().hide()
    t.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    t.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    t.setColumnWidth(0, 64)
    return t


class CoverageDetail(QWidget):
    link_requested = Signal(int, object, object)  # county node id, state (None: remove), score
    note_requested = Signal(bool, str)  # 不适用, text
    draft_requested = Signal()
    pick_requested = Signal()  # link a county task the matcher did not suggest

    def __init__(self, parent=None):
        super().__init__(parent)
        self.text = QPlainTextEdit()
        self.text.setObjectName("coverageTargetText")
        self.text.setReadOnly(True)
        self.text.setMaximumHeight(96)
        self.suggested = CountyTaskModel(("序号", "建议的本县任务", "相似度", "判断"), self)
        self.suggest_table = _table(self.suggested, "coverageSuggestions")
        self.linked = CountyTaskModel(("序号", "已对应的本县任务", "所属部分"), self)
        self.linked_table = _table(self.linked, "coverageLinked")
        self.confirm = QPushButton("确认对应")
        self.confirm.setObjectName("coverageConfirm")
        self.confirm.clicked.connect(lambda: self._suggestion("confirmed"))
        self.reject = QPushButton("否决")
        self.reject.setObjectName("coverageReject")
        self.reject.setToolTip("否决后不再建议这一项")
        self.reject.clicked.connect(lambda: self._suggestion("rejected"))
        self.unlink = QPushButton("取消对应")
        self.unlink.setObjectName("coverageUnlink")
        self.unlink.clicked.connect(self._unlink)
        self.accept_new = QPushButton("确认新建的任务")
        self.accept_new.setObjectName("coverageAcceptDrafted")
        self.accept_new.setToolTip("新建的本县任务文字已核对，标为已对应")
        self.accept_new.clicked.connect(self._accept_drafted)
        self.pick = QPushButton("指定本县任务…")
        self.pick.setObjectName("coveragePick")
        self.pick.setToolTip("没有建议、或建议不对时，从本县任务中挑一项作为对应")
        self.pick.clicked.connect(self.pick_requested.emit)
        self.draft = QPushButton("由此新建本县任务")
        self.draft.setObjectName("coverageDraft")
        self.draft.setToolTip("复制这一项的文字，把“自治区/省/市”等改写为“县”，加入本县工作要点，待您核对")
        self.draft.clicked.connect(self.draft_requested.emit)
        self.not_applicable = QCheckBox("不适用")
        self.not_applicable.setObjectName("coverageNA")
        self.note = QPlainTextEdit()
        self.note.setObjectName("coverageNote")
        self.note.setPlaceholderText("不适用的理由（如：县级无立法权），或这一项的情况说明")
        self.note.setMaximumHeight(64)
        save = QPushButton("保存说明")
        save.setObjectName("coverageSaveNote")
        save.clicked.connect(lambda: self.note_requested.emit(self.not_applicable.isChecked(),
                                                              self.note.toPlainText().strip()))
        row1 = QHBoxLayout()
        row1.addWidget(self.confirm)
        row1.addWidget(self.reject)
        row1.addWidget(self.pick)
        row1.addStretch(1)
        row1.addWidget(self.draft)
        row2 = QHBoxLayout()
        row2.addWidget(self.unlink)
        row2.addWidget(self.accept_new)
        row2.addStretch(1)
        note_box = QGroupBox("不适用 / 情况说明")
        nb = QVBoxLayout(note_box)
        top = QHBoxLayout()
        top.addWidget(self.not_applicable)
        top.addStretch(1)
        top.addWidget(save)
        nb.addLayout(top)
        nb.addWidget(self.note)
        self.caption = QLabel()
        self.caption.setObjectName("coverageCaption")
        self.caption.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.caption)
        lay.addWidget(self.text)
        lay.addWidget(self.suggest_table, 2)
        lay.addLayout(row1)
        lay.addWidget(self.linked_table, 1)
        lay.addLayout(row2)
        lay.addWidget(note_box)
        self.row: CoverageRow | None = None
        self.show_row(None)

    def show_row(self, row: CoverageRow | None) -> None:
        self.row = row
        self.setEnabled(row is not None)
        self.caption.setText(f"{row.target.path}  ›  {row.target.label}{row.target.title}（{row.status}）" if row else
                             "请在左侧选择一项。")
        self.text.setPlainText(row.target.text if row else "")
        self.suggested.set_tasks(list(row.suggestions) if row else [])
        self.linked.set_tasks([(t, None) for t in row.linked] if row else [])
        if row is not None and row.suggestions:
            self.suggest_table.selectRow(0)
        self.not_applicable.setChecked(bool(row and row.note and row.note.not_applicable))
        self.note.setPlainText(row.note.text if row and row.note else "")
        self.accept_new.setEnabled(bool(row and row.drafted))
        self.draft.setEnabled(bool(row and not row.linked))

    def _suggestion(self, state: str) -> None:
        found = self.suggested.task(self.suggest_table.currentIndex().row())
        if found is not None:
            self.link_requested.emit(found[0].node_id, state, found[1])

    def _unlink(self) -> None:
        found = self.linked.task(self.linked_table.currentIndex().row())
        if found is not None:
            self.link_requested.emit(found[0].node_id, None, None)

    def _accept_drafted(self) -> None:
        if self.row is not None:
            for node_id in sorted(self.row.drafted):
                self.link_requested.emit(node_id, "confirmed", None)

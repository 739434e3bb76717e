"""查找和替换 across the open plan: the clerk searches, reviews the list of hits (each can be
unticked), then replaces the ticked ones as one undoable step. A hit opens its item on double-click."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.services.plan_replace import ALL_FIELDS, NODE_FIELDS, PLAN_FIELDS, Hit

FIELD_NAMES = {**PLAN_FIELDS, **NODE_FIELDS}


class FindReplaceDialog(QDialog):
    search_requested = Signal(str, tuple)  # text, fields
    replace_requested = Signal(list, str, str)  # ticked hits, text, replacement
    jump_requested = Signal(object)  # node id (None: the plan's own texts)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("findReplaceDialog")
        self.setWindowTitle("查找和替换")
        self.setModal(False)
        self.hits: list[Hit] = []
        self.find = QLineEdit()
        self.find.setObjectName("findText")
        self.find.setPlaceholderText("要查找的文字")
        self.find.returnPressed.connect(self.search)
        self.replacement = QLineEdit()
        self.replacement.setObjectName("replaceText")
        self.replacement.setPlaceholderText("替换为（可以留空）")
        self.fields = {f: QCheckBox(FIELD_NAMES[f]) for f in ALL_FIELDS}
        fields_row = QHBoxLayout()
        for f, box in self.fields.items():
            box.setObjectName(f"field_{f}")
            box.setChecked(True)
            fields_row.addWidget(box)
        fields_row.addStretch(1)
        self.find_button = QPushButton("查找")
        self.find_button.setObjectName("findButton")
        self.find_button.setDefault(True)
        self.find_button.clicked.connect(self.search)
        find_row = QHBoxLayout()
        find_row.addWidget(self.find, 1)
        find_row.addWidget(self.find_button)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("查找", find_row)
        form.addRow("替换为", self.replacement)
        form.addRow("范围", fields_row)

        self.table = QTableWidget(0, 2)
        self.table.setObjectName("hitTable")
        self.table.setHorizontalHeaderLabels(["位置", "原文（【】内为将被替换的文字）"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(lambda _i: self._update_summary())
        self.table.cellDoubleClicked.connect(self._jump)
        self.summary = QLabel("输入文字后点“查找”，核对下方列表，再替换勾选的位置。")
        self.summary.setObjectName("hitSummary")
        self.summary.setWordWrap(True)
        all_on = QPushButton("全选")
        all_on.clicked.connect(lambda: self._tick_all(True))
        all_off = QPushButton("全不选")
        all_off.clicked.connect(lambda: self._tick_all(False))
        self.replace_button = QPushButton("替换勾选的位置")
        self.replace_button.setObjectName("replaceButton")
        self.replace_button.clicked.connect(self._replace)
        close = QPushButton("关闭")
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for b in (all_on, all_off):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.replace_button)
        buttons.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        self.resize(760, 480)
        self._update_summary()

    def chosen_fields(self) -> tuple[str, ...]:
        return tuple(f for f, box in self.fields.items() if box.isChecked())

    def set_fields(self, fields) -> None:
        for f, box in self.fields.items():
            box.setChecked(f in fields)

    def search(self) -> None:
        self.search_requested.emit(self.find.text(), self.chosen_fields())

    def show_hits(self, hits: list[Hit]) -> None:
        self.hits = list(hits)
        self.table.blockSignals(True)
        try:
            self.table.setRowCount(len(hits))
            for row, h in enumerate(hits):
                where = QTableWidgetItem(h.where)
                where.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
                where.setCheckState(Qt.CheckState.Checked)
                self.table.setItem(row, 0, where)
                self.table.setItem(row, 1, QTableWidgetItem(f"{h.before}【{h.match}】{h.after}"))
        finally:
            self.table.blockSignals(False)
        self.table.resizeRowsToContents()
        self._update_summary()

    def ticked(self) -> list[Hit]:
        return [h for row, h in enumerate(self.hits)
                if self.table.item(row, 0).checkState() == Qt.CheckState.Checked]

    def set_ticked(self, rows: set[int]) -> None:
        for row in range(self.table.rowCount()):
            self.table.item(row, 0).setCheckState(Qt.CheckState.Checked if row in rows else Qt.CheckState.Unchecked)

    def _tick_all(self, on: bool) -> None:
        self.set_ticked(set(range(self.table.rowCount())) if on else set())

    def _update_summary(self) -> None:
        ticked = len(self.ticked())
        self.replace_button.setEnabled(ticked > 0)
        if self.hits:
            self.summary.setText(f"找到 {len(self.hits)} 处，已勾选 {ticked} 处。双击一行可在大纲中查看该条目。")
        elif self.find.text():
            self.summary.setText(f"没有找到“{self.find.text()}”。")

    def _replace(self) -> None:
        chosen = self.ticked()
        if chosen:
            self.replace_requested.emit(chosen, self.find.text(), self.replacement.text())

    def _jump(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.hits):
            self.jump_requested.emit(self.hits[row].node_id)

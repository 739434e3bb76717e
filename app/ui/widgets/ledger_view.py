"""The 台账 tab: filters, the grid and the 录入 panel. Keyboard entry from paper returns: pick a unit,
then per row press 1–6 for the status (the row's last report is kept), or Enter to type the report in
the panel and Ctrl+Enter to save and go to the next row; Ctrl+D takes last period's report as is."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.tracking.dto import EntryValues
from app.services.tracking.entries import EntryKey, EntryWrite
from app.services.tracking.ledger import Ledger, LedgerRow
from app.services.tracking.policy import CLOSED, LIGHT_FILL, LIGHTS, STATUSES
from app.ui.item_models.ledger_table_model import NOT_REPORTED, LedgerFilterModel, LedgerTableModel
from app.ui.widgets.entry_panel import EntryPanel
from app.ui.widgets.search_box import SearchBox

ROWS = (("all", "全部行"), ("lead", "只看牵头单位"), ("primary", "每项任务一行"))


class LedgerView(QWidget):
    write_requested = Signal(list, str)  # [EntryWrite], undo text
    action_requested = Signal(str, object)  # action, LedgerRow

    def __init__(self, parent=None):
        super().__init__(parent)
        self.ledger: Ledger | None = None
        self.model = LedgerTableModel(LIGHT_FILL, self)
        self.proxy = LedgerFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.unit = self._combo("filterUnit", "全部单位")
        self.part = self._combo("filterPart", "全部部分")
        self.status = self._combo("filterStatus", "全部状态", [(s, s) for s in (*STATUSES, CLOSED, NOT_REPORTED)])
        self.light = self._combo("filterLight", "全部灯色", [(f"{c}灯", c) for c in LIGHTS])
        self.rows = QComboBox()
        self.rows.setObjectName("filterRows")
        for key, text in ROWS:
            self.rows.addItem(text, key)
        self.rows.currentIndexChanged.connect(self._filters_changed)
        self.words = SearchBox("filterWords", "查找任务、单位或进展")
        self.words.settled.connect(self._filters_changed)
        self.count = QLabel()
        self.count.setObjectName("ledgerCount")
        reset = QPushButton("清除筛选")
        reset.setObjectName("clearFilters")
        reset.clicked.connect(lambda: self.apply_filters(self.proxy.clear()))
        bar = QHBoxLayout()
        for w, stretch in ((self.unit, 2), (self.part, 2), (self.status, 1), (self.light, 1), (self.rows, 1),
                           (self.words, 2), (reset, 0), (self.count, 0)):
            bar.addWidget(w, stretch)

        self.table = QTableView()
        self.table.setObjectName("ledgerTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(LedgerTableModel.SERIAL, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setWordWrap(False)
        head = self.table.horizontalHeader()
        M = LedgerTableModel
        for col, width in ((M.SERIAL, 38), (M.TASK, 160), (M.UNIT, 96), (M.ROLE, 38), (M.DEADLINE, 92),
                           (M.STATUS, 66), (M.PERCENT, 44), (M.LIGHT, 30), (M.REASON, 240), (M.REPORT, 64),
                           (M.TEXT, 240)):
            self.table.setColumnWidth(col, width)
        head.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._row_changed())
        self.table.installEventFilter(self)

        self.panel = EntryPanel()
        self.panel.setObjectName("entryPanel")
        self.panel.save_requested.connect(self._save)
        self.panel.same_as_last_requested.connect(self.same_as_last)
        self.panel.clear_requested.connect(self._clear)
        self.panel.action_requested.connect(lambda a: self.action_requested.emit(a, self.selected()))
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([760, 300])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(bar)
        lay.addWidget(split, 1)

    def _combo(self, name: str, everything: str, items=()) -> QComboBox:
        c = QComboBox()
        c.setObjectName(name)
        c.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        c.setMinimumContentsLength(5)  # long part names must not widen the window
        c.addItem(everything, None)
        for text, data in items:
            c.addItem(text, data)
        c.currentIndexChanged.connect(self._filters_changed)
        return c

    # ---- data ------------------------------------------------------------------------------
    def set_ledger(self, ledger: Ledger | None) -> None:
        keep = self.selected()
        keep_key = (keep.task.node_id, keep.unit_id) if keep else None
        self.ledger = ledger
        self.proxy.ledger = ledger
        self._refill(self.unit, sorted({(r.unit_name, r.unit_id) for r in ledger.rows}) if ledger else [])
        parts = dict.fromkeys((t.part_name, t.part_id) for t in ledger.tasks if t.part_id) if ledger else {}
        self._refill(self.part, list(parts))
        self.model.set_ledger(ledger)
        self._update_count()
        if keep_key is not None:
            self.select(*keep_key)
        if self.selected() is None and self.proxy.rowCount():
            self.table.selectRow(0)
        self._row_changed()

    @staticmethod
    def _refill(combo: QComboBox, items: list[tuple[str, int]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _filters_changed(self) -> None:
        self.proxy.set_filters(unit_id=self.unit.currentData(), part_id=self.part.currentData(),
                               status=self.status.currentData(), light=self.light.currentData(),
                               rows=self.rows.currentData(), words=self.words.text().strip())
        self._update_count()
        if self.selected() is None and self.proxy.rowCount():
            self.table.selectRow(0)
        self._row_changed()

    def apply_filters(self, values: dict) -> None:
        """Filters asked for by the dashboard (or 清除筛选): the combos show them too."""
        full = {**self.proxy.clear(), **values}
        for combo, key in ((self.unit, "unit_id"), (self.part, "part_id"), (self.status, "status"),
                           (self.light, "light"), (self.rows, "rows")):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(full[key])))
            combo.blockSignals(False)
        self.words.blockSignals(True)
        self.words.setText(full["words"])
        self.words.blockSignals(False)
        self.proxy.set_filters(**full)
        self._update_count()
        self.table.clearSelection()
        if self.proxy.rowCount():
            self.table.selectRow(0)
        self._row_changed()

    def _update_count(self) -> None:
        self.count.setText(f"{self.proxy.rowCount()} / {self.model.rowCount()} 行")

    # ---- selection ---------------------------------------------------------------------------
    def selected(self) -> LedgerRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row(self.proxy.mapToSource(index).row())

    def select(self, node_id: int, unit_id: int) -> bool:
        src = self.model.row_of(node_id, unit_id)
        if src < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(src, 0))
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def select_next(self) -> None:
        row = self.table.currentIndex().row()
        if row + 1 < self.proxy.rowCount():
            self.table.selectRow(row + 1)
        self.table.setFocus()

    def _row_changed(self) -> None:
        self.panel.show_row(self.selected())

    # ---- writing ------------------------------------------------------------------------------
    def _key(self, row: LedgerRow) -> EntryKey:
        return EntryKey(row.task.node_id, row.unit_id, self.ledger.period.id)

    def _write(self, row: LedgerRow, values: EntryValues | None, reported_by: str = "") -> EntryWrite:
        """A write naming the report this screen shows (0: none), so another clerk's newer one is not
        overwritten unseen."""
        seen = row.entry.version if row.entry is not None else 0
        return EntryWrite(self._key(row), values, reported_by, expected_version=seen)

    def _save(self, values: EntryValues, reported_by: str) -> None:
        row = self.selected()
        if row is not None:
            self._emit([self._write(row, values, reported_by)], f"登记进展：第{row.task.serial}项 {row.unit_name}")

    def quick_status(self, status: str) -> None:
        """A status key pressed on a row: its last report with the new status."""
        row = self.selected()
        if row is None:
            return
        last = row.entry or row.last
        v = last.values if last else EntryValues(status)
        pct = 100 if status == "已完成" else v.percent
        self._emit([self._write(row, EntryValues(status, pct, v.text, v.problems, v.evidence))],
                   f"登记状态：第{row.task.serial}项 {row.unit_name} {status}")

    def same_as_last(self) -> None:
        row = self.selected()
        if row is None or row.last is None:
            return
        self._emit([self._write(row, row.last.values)], f"同上期：第{row.task.serial}项 {row.unit_name}")

    def _clear(self) -> None:
        row = self.selected()
        if row is not None and row.entry is not None:
            self.write_requested.emit([self._write(row, None)], f"清除本期：第{row.task.serial}项")

    def _emit(self, writes: list[EntryWrite], text: str) -> None:
        row = self.selected()
        self.write_requested.emit(writes, text)
        if row is not None and self.select(row.task.node_id, row.unit_id):
            self.select_next()

    def eventFilter(self, obj, event) -> bool:
        if obj is self.table and event.type() == event.Type.KeyPress:
            key, mods = event.key(), event.modifiers()
            if Qt.Key.Key_1 <= key <= Qt.Key.Key_6 and not mods & ~Qt.KeyboardModifier.KeypadModifier:
                self.quick_status(STATUSES[key - Qt.Key.Key_1])
                return True
            if key == Qt.Key.Key_D and mods == Qt.KeyboardModifier.ControlModifier:
                self.same_as_last()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods:
                self.panel.focus_first()
                return True
        return super().eventFilter(obj, event)

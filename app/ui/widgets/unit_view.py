"""The unit view: everything one unit owes on the plan (牵头 and 配合), what it reported in every
period, and the returned forms on record."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.tracking.ledger import Ledger
from app.services.tracking.policy import LIGHT_FILL
from app.ui.item_models.returns_table_model import ReturnsTableModel
from app.ui.item_models.unit_ledger_model import UnitLedgerModel


class UnitView(QWidget):
    def __init__(self, tracking, parent=None):
        super().__init__(parent)
        self.tracking = tracking
        self.ledger: Ledger | None = None
        self.unit = QComboBox()
        self.unit.setObjectName("unitViewUnit")
        self.unit.currentIndexChanged.connect(lambda _i: self._show())
        self.summary = QLabel()
        self.summary.setObjectName("unitSummary")
        top = QHBoxLayout()
        top.addWidget(QLabel("单位："))
        top.addWidget(self.unit, 1)
        top.addWidget(self.summary, 3)
        self.model = UnitLedgerModel(LIGHT_FILL, self)
        self.table = QTableView()
        self.table.setObjectName("unitLedgerTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.returns = ReturnsTableModel(self)
        self.returns_table = QTableView()
        self.returns_table.setObjectName("unitReturnsTable")
        self.returns_table.setModel(self.returns)
        self.returns_table.verticalHeader().hide()
        self.returns_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        lower = QWidget()
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel("收到的报表"))
        ll.addWidget(self.returns_table)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(split, 1)

    def set_ledger(self, ledger: Ledger | None) -> None:
        self.ledger = ledger
        current = self.unit.currentData()
        self.unit.blockSignals(True)
        self.unit.clear()
        if ledger is not None:
            lead = {r.unit_id for r in ledger.rows if r.role == "lead"}
            units = sorted({(r.unit_id not in lead, r.unit_name, r.unit_id) for r in ledger.rows})
            for _support_only, name, uid in units:
                self.unit.addItem(name, uid)
        self.unit.setCurrentIndex(max(0, self.unit.findData(current)))
        self.unit.blockSignals(False)
        self._show()

    def show_unit(self, unit_id: int) -> None:
        self.unit.setCurrentIndex(max(0, self.unit.findData(unit_id)))

    def _show(self) -> None:
        uid = self.unit.currentData()
        if self.ledger is None or uid is None:
            self.model.set_unit([], [], {}, None)
            self.returns.set_returns([])
            self.summary.setText("")
            return
        rows = self.ledger.rows_of_unit(uid)
        history = self.tracking.returns.unit_history(self.ledger.plan_id, uid)
        self.model.set_unit(rows, list(self.ledger.schedule.periods), history, self.ledger.today)
        self.returns.set_returns(self.tracking.returns.list(self.ledger.plan_id, uid))
        lead = sum(r.role == "lead" for r in rows)
        owed = sum(r.role == "lead" and r.entry is None and r.task.closure is None for r in rows)
        lights = "，".join(f"{c}灯{n}" for c in "红黄" if (n := sum(r.light.color == c for r in rows)))
        self.summary.setText(f"牵头 {lead} 项，配合 {len(rows) - lead} 项；{self.ledger.period.label}"
                             f"{'尚有 ' + str(owed) + ' 项未报送' if owed else '已全部报送'}"
                             f"{'；' + lights if lights else ''}")
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(1, min(260, self.table.columnWidth(1)))

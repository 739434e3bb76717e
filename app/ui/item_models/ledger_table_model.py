"""The 台账 grid: one row per task × responsible unit for the chosen period, the light as the cell's
colour with its reasons as tooltip; and the proxy that filters it by unit, part, status and light."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.tracking.ledger import Ledger, LedgerRow
from app.ui.item_models.column_table_model import ColumnTableModel, Index

RowRole = Qt.ItemDataRole.UserRole + 1
NOT_REPORTED = "（未报送）"


def light_brush(color: str, fills: dict[str, str]) -> QBrush:
    return QBrush(QColor("#" + fills[color]))


def report_text(row: LedgerRow, closed: bool) -> str:
    if row.entry is not None:
        return "已报送"
    if row.task.closure is not None:
        return "已销号"
    if row.last is not None:
        return f"沿用{row.last_label.split('年', 1)[-1]}"  # “沿用10月”: the last report still stands
    return "逾期未报" if closed and row.role == "lead" else "未报送"


class LedgerTableModel(ColumnTableModel):
    COLUMNS = ("序号", "重点任务", "责任单位", "职责", "完成时限", "状态", "进度", "灯", "亮灯原因", "本期", "进展情况")
    SERIAL, TASK, UNIT, ROLE, DEADLINE, STATUS, PERCENT, LIGHT, REASON, REPORT, TEXT = range(11)

    def __init__(self, fills: dict[str, str], parent=None):
        super().__init__(parent)
        self._rows: list[LedgerRow] = []
        self._closed = False
        self._sort = (self.SERIAL, Qt.SortOrder.AscendingOrder)
        self._fills = {c: light_brush(c, fills) for c in fills}
        self._grey = QBrush(QColor("#7a7a7a"))

    def set_ledger(self, ledger: Ledger | None) -> None:
        self.beginResetModel()
        self._rows = list(ledger.rows) if ledger else []
        self._closed = ledger.period_closed if ledger else False
        column, order = self._sort
        if column != self.SERIAL or order != Qt.SortOrder.AscendingOrder:  # the ledger comes in 序号 order
            self._rows.sort(key=lambda r: self._key(r, column), reverse=order == Qt.SortOrder.DescendingOrder)
        self.endResetModel()

    def row(self, r: int) -> LedgerRow | None:
        return self._rows[r] if 0 <= r < len(self._rows) else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted here, once per key, instead of by the proxy's pairwise comparisons (fast for 1000s)."""
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [id(self._rows[i.row()]) for i in old]
        self._rows.sort(key=lambda r: self._key(r, column), reverse=order == Qt.SortOrder.DescendingOrder)
        where = {id(r): n for n, r in enumerate(self._rows)}
        self.changePersistentIndexList(old, [self.index(where[k], i.column()) for k, i in zip(ids, old, strict=True)])
        self.layoutChanged.emit()

    def _key(self, r: LedgerRow, col: int):
        if col == self.SERIAL:
            return (r.task.serial, r.role != "lead")
        if col == self.PERCENT:
            return r.last.percent if r.last and r.last.percent is not None else -1
        if col == self.LIGHT:
            return "红黄绿灰".index(r.light.color)
        return self._text(r, col)

    def row_of(self, node_id: int, unit_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.task.node_id == node_id and r.unit_id == unit_id), -1)

    def row_total(self) -> int:
        return len(self._rows)

    def _text(self, r: LedgerRow, col: int) -> str:
        v = r.last.values if r.last else None
        if col == self.SERIAL:
            return str(r.task.serial)
        if col == self.TASK:
            return r.task.title
        if col == self.UNIT:
            return r.unit_name
        if col == self.ROLE:
            return r.role_text
        if col == self.DEADLINE:
            return r.task.deadline_text or "—"
        if col == self.STATUS:
            return r.status_text or ("—" if r.role == "support" else NOT_REPORTED)
        if col == self.PERCENT:
            return f"{v.percent}%" if v and v.percent is not None else ""
        if col == self.TEXT:
            text = (v.text if v else "").replace("\n", " ")
            return text if len(text) <= 60 else text[:59] + "…"
        if col == self.LIGHT:
            return r.light.color
        if col == self.REASON:
            return r.light.explain()
        return report_text(r, self._closed)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, col)
        if role == Qt.ItemDataRole.BackgroundRole and col == self.LIGHT:
            return self._fills.get(r.light.color)
        if role == Qt.ItemDataRole.ForegroundRole and r.role == "support" and r.entry is None:
            return self._grey
        if role == Qt.ItemDataRole.ToolTipRole:
            if col in (self.LIGHT, self.REASON):
                return f"{r.light.color}灯：" + "\n".join(r.light.reasons)
            if col == self.TASK:
                return r.task.text
            if col == self.TEXT and r.last is not None:
                return f"{r.last_label}：{r.last.values.text}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.SERIAL, self.ROLE, self.PERCENT, self.LIGHT):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == RowRole:
            return r
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class LedgerFilterModel(QSortFilterProxyModel):
    """Filters by unit, part, status (as shown) and light, by words in task, unit or text, by kind of
    row (all, 牵头 only, or the one row per task that counts), and by what a dashboard number counts."""

    KEYS = ("unit_id", "part_id", "status", "light", "words", "rows", "which")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.unit_id: int | None = None
        self.part_id: int | None = None
        self.status: str | None = None
        self.light: str | None = None
        self.words = ""
        self.rows = "all"  # all | lead | primary
        self.which: str | None = None  # done | overdue | missing: the dashboard's counts
        self.ledger: Ledger | None = None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)  # the proxy itself keeps the source's order

    def clear(self) -> dict:
        return {"unit_id": None, "part_id": None, "status": None, "light": None, "words": "", "rows": "all",
                "which": None}

    def set_filters(self, **values) -> None:
        for k, v in values.items():
            setattr(self, k, v)
        self.beginFilterChange()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        r: LedgerRow | None = self.sourceModel().row(source_row)
        if r is None:
            return False
        if self.unit_id is not None and r.unit_id != self.unit_id:
            return False
        if self.part_id is not None and r.task.part_id != self.part_id:
            return False
        if self.rows == "lead" and r.role != "lead":
            return False
        if self.rows == "primary" and not r.primary:
            return False
        if self.which is not None and not _counts(self.which, r, self.ledger):
            return False
        if self.light is not None and r.light.color != self.light:
            return False
        if self.status is not None:
            shown = r.status_text or (NOT_REPORTED if r.role == "lead" else "—")
            if shown != self.status:
                return False
        if self.words:
            hay = f"{r.task.serial} {r.task.text} {r.unit_name} {r.last.values.text if r.last else ''}"
            if self.words not in hay:
                return False
        return True


def _counts(which: str, r: LedgerRow, ledger: Ledger | None) -> bool:
    from app.services.tracking.stats import is_done, is_overdue, owes_report

    if which == "done":
        return is_done(r)
    if which == "overdue":
        return ledger is not None and is_overdue(r, ledger)
    return owes_report(r)

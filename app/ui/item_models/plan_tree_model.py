"""The outline of a plan as a QAbstractItemModel: computed labels, inline edits, drag and drop.

The model never writes to the database. Edits and drops are turned into requests (signals) that
the editor runs as undoable commands; the editor then hands the reloaded tree back with
`set_tree`, which updates in place when the shape did not change (selection and expansion stay)."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from app.services.dto import NodeDTO

MIME_TYPE = "application/x-fazhi-plan-node"
NodeIdRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root, as a default argument


def _shape(nodes: list[NodeDTO]) -> list:
    return [(n.id, _shape(n.children)) for n in nodes]


class PlanTreeModel(QAbstractItemModel):
    COLUMNS = ("条目", "内容", "牵头单位", "配合单位", "完成时限")
    HEADING, TEXT, LEAD, SUPPORT, DEADLINE = range(5)
    SORT_KEYS = ("outline", "text", "lead", "support", "deadline")  # plan_search.sort_key per column

    edit_requested = Signal(int, str, str)  # node id, field ("heading" | "text"), new value
    move_requested = Signal(int, object, int)  # node id, new parent id (None = top), index

    def __init__(self, parent=None):
        super().__init__(parent)
        self._roots: list[NodeDTO] = []
        self._by_id: dict[int, NodeDTO] = {}
        self._row: dict[int, int] = {}
        self._problems: set[int] = set()
        self._context: set[int] = set()  # shown only as the parents of search hits: greyed
        self._bold = QFont()
        self._bold.setBold(True)
        self._grey = QBrush(QColor("#8a8a8a"))

    # ---- loading -------------------------------------------------------------------------
    def set_tree(self, roots: list[NodeDTO]) -> bool:
        """Shows a new tree. Returns True when it was a reset (the shape changed)."""
        if _shape(roots) == _shape(self._roots) and roots:
            self._index_tree(roots)
            self._emit_changed(self._roots, QModelIndex())
            return False
        self.beginResetModel()
        self._index_tree(roots)
        self.endResetModel()
        return True

    def _index_tree(self, roots: list[NodeDTO]) -> None:
        self._roots = roots
        self._by_id.clear()
        self._row.clear()

        def walk(nodes: list[NodeDTO]) -> None:
            for i, n in enumerate(nodes):
                self._by_id[n.id] = n
                self._row[n.id] = i
                walk(n.children)

        walk(roots)

    def _emit_changed(self, nodes: list[NodeDTO], parent: QModelIndex) -> None:
        if not nodes:
            return
        self.dataChanged.emit(self.index(0, 0, parent), self.index(len(nodes) - 1, len(self.COLUMNS) - 1, parent))
        for row, n in enumerate(nodes):
            if n.children:
                self._emit_changed(n.children, self.index(row, 0, parent))

    def set_context_nodes(self, node_ids: set[int]) -> None:
        """Items a filter shows only for their hits' sake; the caller refreshes the view."""
        self._context = set(node_ids)

    def set_problem_nodes(self, node_ids: set[int]) -> None:
        if set(node_ids) == self._problems:
            return
        self._problems = set(node_ids)
        self._emit_changed(self._roots, QModelIndex())

    # ---- lookup --------------------------------------------------------------------------
    def roots(self) -> list[NodeDTO]:
        return self._roots

    def node(self, index: Index) -> NodeDTO | None:
        if not index.isValid():
            return None
        return self._by_id.get(index.internalId())

    def node_by_id(self, node_id: int) -> NodeDTO | None:
        return self._by_id.get(node_id)

    def siblings(self, node: NodeDTO) -> list[NodeDTO]:
        parent = self._by_id.get(node.parent_id) if node.parent_id is not None else None
        return parent.children if parent is not None else self._roots

    def row_of(self, node_id: int) -> int:
        return self._row.get(node_id, -1)

    def index_of(self, node_id: int, column: int = 0) -> QModelIndex:
        node = self._by_id.get(node_id)
        if node is None:
            return QModelIndex()
        return self.createIndex(self._row[node_id], column, node.id)

    def _children(self, parent: Index) -> list[NodeDTO]:
        if not parent.isValid():
            return self._roots
        node = self.node(parent)
        return node.children if node is not None and parent.column() == 0 else []

    # ---- QAbstractItemModel --------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        children = self._children(parent)
        return self.createIndex(row, column, children[row].id)

    def parent(self, index: Index = ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node = self._by_id.get(index.internalId())
        if node is None or node.parent_id is None or node.parent_id not in self._by_id:
            return QModelIndex()
        return self.createIndex(self._row[node.parent_id], 0, node.parent_id)

    def rowCount(self, parent: Index = ROOT) -> int:
        return len(self._children(parent))

    def columnCount(self, parent: Index = ROOT) -> int:
        return len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.COLUMNS):
            return self.COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        node = self.node(index)
        if node is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(node, col)
        if role == Qt.ItemDataRole.EditRole:
            return node.heading if col == self.HEADING else node.text if col == self.TEXT else None
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = [f"{node.label}{node.heading}", node.text]
            if node.lead_units:
                tip.append("牵头单位：" + "、".join(node.lead_units))
            if node.support_units:
                tip.append("配合单位：" + "、".join(node.support_units))
            if node.deadline_text:
                tip.append("完成时限：" + node.deadline_text)
            return "\n".join(t for t in tip if t)
        if role == Qt.ItemDataRole.FontRole and node.level == 1 and col == self.HEADING:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and (node.id in self._context or (
                col == self.HEADING and not (node.heading or node.text))):
            return self._grey
        if role == Qt.ItemDataRole.DecorationRole and col == self.HEADING and node.id in self._problems:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == NodeIdRole:
            return node.id
        return None

    def _display(self, node: NodeDTO, col: int) -> str:
        if col == self.HEADING:
            title = node.heading or (node.text[:40] + ("…" if len(node.text) > 40 else "")) or "（无标题）"
            return f"{node.label}{title}"
        if col == self.TEXT:
            return node.text.replace("\n", " ")[:80]
        if col == self.LEAD:
            return "、".join(node.lead_units)
        if col == self.SUPPORT:
            return "、".join(node.support_units)
        return node.deadline_text

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        f = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
             | Qt.ItemFlag.ItemIsDropEnabled)
        if index.column() in (self.HEADING, self.TEXT):
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        node = self.node(index)
        if node is None or role != Qt.ItemDataRole.EditRole or index.column() not in (self.HEADING, self.TEXT):
            return False
        field = "heading" if index.column() == self.HEADING else "text"
        value = str(value or "").strip()
        if value == getattr(node, field):
            return False
        self.edit_requested.emit(node.id, field, value)
        return True

    # ---- drag and drop -------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes) -> QMimeData:
        data = QMimeData()
        ids = [str(n.id) for i in indexes if i.column() == 0 and (n := self.node(i)) is not None]
        data.setData(MIME_TYPE, QByteArray(",".join(ids[:1]).encode()))
        return data

    def _dragged(self, data: QMimeData) -> NodeDTO | None:
        if data is None or not data.hasFormat(MIME_TYPE):
            return None
        raw = bytes(data.data(MIME_TYPE).data()).decode()
        return self._by_id.get(int(raw)) if raw.isdigit() else None

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        node = self._dragged(data)
        if node is None or action != Qt.DropAction.MoveAction:
            return False
        target = self.node(parent)
        while target is not None:
            if target.id == node.id:
                return False
            target = self._by_id.get(target.parent_id) if target.parent_id is not None else None
        return True

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        """Asks for the move and returns False: the view must not remove rows itself."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        node = self._dragged(data)
        target = self.node(parent)
        new_parent = target.id if target is not None else None
        children = target.children if target is not None else self._roots
        index = len(children) if row < 0 else row
        if new_parent == node.parent_id and self._row[node.id] < index:
            index -= 1
        if new_parent == node.parent_id and index == self._row[node.id]:
            return False
        QTimer.singleShot(0, self, lambda: self.move_requested.emit(node.id, new_parent, index))
        return False

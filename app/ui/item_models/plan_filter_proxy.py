"""The outline as the clerk filters and sorts it: a proxy over PlanTreeModel.

Which nodes a filter keeps, and the sort keys, come from services/plan_search.py; the proxy only
applies them. Parents of a kept node stay visible (recursive filtering) so every hit keeps its
place in the outline. Sorting is per level; column 0 ascending is the outline's own order."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from app.services.plan_search import TaskFilter, matching_ids, outline_keys, sort_key
from app.ui.item_models.plan_tree_model import PlanTreeModel

Index = QModelIndex | QPersistentModelIndex


class PlanFilterProxy(QSortFilterProxyModel):
    def __init__(self, source: PlanTreeModel, parent=None):
        super().__init__(parent)
        self.setSourceModel(source)
        self.setRecursiveFilteringEnabled(True)
        # refresh() re-filters and re-sorts after every reload; re-sorting on each dataChanged as
        # well would repeat that work for every part of the outline
        self.setDynamicSortFilter(False)
        self._filter = TaskFilter()
        self._kept: set[int] = set()
        self._places: dict[int, tuple[int, ...]] = {}
        source.modelReset.connect(self.refresh)

    @property
    def tree_model(self) -> PlanTreeModel:
        return self.sourceModel()  # type: ignore[return-value]

    @property
    def task_filter(self) -> TaskFilter:
        return self._filter

    @property
    def filtering(self) -> bool:
        return self._filter.active

    @property
    def in_outline_order(self) -> bool:
        return self.sortColumn() < 0 or (self.sortColumn() == 0 and self.sortOrder() == Qt.SortOrder.AscendingOrder)

    def set_filter(self, flt: TaskFilter) -> None:
        self._filter = flt
        self.refresh()

    def refresh(self) -> None:
        """Recomputes what the filter keeps and the outline order (after every reload of the tree)."""
        roots = self.tree_model.roots()
        self._places = outline_keys(roots)
        self._kept = matching_ids(roots, self._filter) if self._filter.active else set()
        # the parts shown only to place a hit in the outline are greyed (by the source model, which
        # paints from Python anyway; an override of data() here would route every paint through Python)
        self.tree_model.set_context_nodes(set(self._places) - self._kept if self._filter.active else set())
        self.invalidate()

    def kept_count(self) -> int:
        return len(self._kept)

    def kept_ids(self) -> set[int]:
        return set(self._kept)

    # ---- QSortFilterProxyModel -----------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # 条目 ascending is the outline's own order: the source's rows as they are, nothing to sort
        if column == 0 and order == Qt.SortOrder.AscendingOrder:
            column = -1
        super().sort(column, order)


    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._filter.active:
            return True
        node = self.tree_model.node(self.tree_model.index(source_row, 0, source_parent))
        return node is not None and node.id in self._kept

    def lessThan(self, left: Index, right: Index) -> bool:
        model = self.tree_model
        a, b = model.node(left), model.node(right)
        if a is None or b is None:
            return False
        column = PlanTreeModel.SORT_KEYS[left.column()] if 0 <= left.column() < len(PlanTreeModel.SORT_KEYS) \
            else "outline"
        return sort_key(a, column, self._places) < sort_key(b, column, self._places)

"""The plan editor: search and filters, the outline tree (sortable, several items selectable), the
detail panel of the current item beside the plan's own texts, and the problems panel.

Every edit is an undoable command run through the page's UndoController; the commands reload this
editor (via the page's show_plan) so what is shown is always what is stored. Edits of single items
live in OutlineEditing, edits of many (批量设置, 查找和替换) in PlanTools."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.context import Services
from app.services.dates import format_cn_date
from app.services.dto import NodeDTO, PlanDTO
from app.services.plan_problems import find_problems
from app.services.plan_tree import iter_nodes
from app.ui.item_models.plan_filter_proxy import PlanFilterProxy
from app.ui.item_models.plan_tree_model import PlanTreeModel
from app.ui.pages.outline_editing import OutlineEditing
from app.ui.pages.plan_tools import PlanTools
from app.ui.undo.undo_controller import UndoController
from app.ui.widgets.column_fit import ColumnFitter
from app.ui.widgets.plan_filter_bar import PlanFilterBar
from app.ui.widgets.plan_text_panel import PlanTextPanel
from app.ui.widgets.problems_panel import ProblemsPanel
from app.ui.widgets.task_detail_panel import TaskDetailPanel

# outline columns: 条目 内容 牵头单位 配合单位 完成时限 (shares of the width, minimum pixels)
COLUMN_SHARES = [0.33, 0.24, 0.13, 0.14, 0.16]
COLUMN_MINIMUMS = [150, 80, 64, 64, 88]
OUTLINE_ACTIONS = ("move_up", "move_down", "outdent", "indent")


class PlanEditor(OutlineEditing, PlanTools, QWidget):
    status_message = Signal(str)

    def __init__(self, services: Services, undo: UndoController, parent=None):
        super().__init__(parent)
        self.services = services
        self.undo = undo
        self.plan: PlanDTO | None = None
        self._collapsed: set[int] = set()
        self._restoring = False
        self._active = True  # False while another page is shown: the shortcuts stay off
        self.delete_warning: Callable[[], str] | None = None  # e.g. "the plan has an issued notice"

        self.header = QLabel()
        self.header.setObjectName("planHeader")
        self.header.setStyleSheet("font-size: 13pt; font-weight: bold; padding: 2px 0;")
        self.selection_label = QLabel()
        self.selection_label.setObjectName("selectionLabel")
        self.filter_bar = PlanFilterBar()
        self.filter_bar.changed.connect(self.apply_filter)
        self.model = PlanTreeModel(self)
        self.model.edit_requested.connect(self._inline_edit)
        self.model.move_requested.connect(lambda nid, parent, index: self._move(nid, parent, index, "拖动条目"))
        self.proxy = PlanFilterProxy(self.model, self)
        self.tree = QTreeView()
        self.tree.setObjectName("outlineView")
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDropIndicatorShown(True)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(PlanTreeModel.HEADING, Qt.SortOrder.AscendingOrder)
        self.tree.header().setToolTip("单击列标题排序；单击“条目”恢复大纲顺序")
        self.tree.header().sortIndicatorChanged.connect(lambda _c, _o: self._update_actions())
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.columns = ColumnFitter(self.tree, COLUMN_SHARES, COLUMN_MINIMUMS, PlanTreeModel.TEXT)
        self.tree.collapsed.connect(lambda i: self._track(i, True))
        self.tree.expanded.connect(lambda i: self._track(i, False))
        self.tree.selectionModel().currentChanged.connect(self._on_current)
        self.tree.selectionModel().selectionChanged.connect(lambda _s, _d: self._selection_changed())

        self.panel = TaskDetailPanel(services.units)
        self.panel.fields_edited.connect(self._fields_edited)
        self.panel.assignments_edited.connect(self._assignments_edited)
        self.plan_text = PlanTextPanel()
        self.plan_text.edited.connect(self._plan_text_edited)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("editorTabs")
        self.tabs.addTab(self.panel, "条目")
        self.tabs.addTab(self.plan_text, "标题、前言与结语")
        self.tabs.currentChanged.connect(lambda _i: self.commit_pending())
        self.problems = ProblemsPanel()
        self.problems.node_activated.connect(self._jump_to_problem)

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.tree)
        left.addWidget(self.problems)
        left.setStretchFactor(0, 4)
        left.setStretchFactor(1, 1)
        left.setSizes([600, 90])
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([700, 420])
        self.splitter.setChildrenCollapsible(False)
        head = QHBoxLayout()
        head.addWidget(self.header, 1)
        head.addWidget(self.selection_label)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(head)
        lay.addWidget(self.filter_bar)
        lay.addWidget(self.splitter, 1)
        self.actions_by_name = self._build_actions()
        self.filter_bar.set_units(services.units.list_units())
        self._update_actions()

    # ---- actions -------------------------------------------------------------------------
    def _build_actions(self) -> dict[str, QAction]:
        specs = [
            ("add_sibling", "新增同级条目", "Ctrl+Return", self.add_sibling),
            ("add_child", "新增下级条目", "Ctrl+Shift+Return", self.add_child),
            ("delete", "删除条目", QKeySequence.StandardKey.Delete, self.delete_current),
            ("move_up", "上移", "Alt+Up", self.move_up),
            ("move_down", "下移", "Alt+Down", self.move_down),
            ("outdent", "升级（左移一级）", "Alt+Left", self.outdent),
            ("indent", "降级（右移一级）", "Alt+Right", self.indent),
            ("find", "查找条目", QKeySequence.StandardKey.Find, self.focus_search),
            ("find_replace", "查找和替换…", "Ctrl+H", lambda: self.open_find_replace()),
            ("bulk_edit", "批量设置所选条目…", "Ctrl+B", self.open_bulk_edit),
            ("show_all", "清除查找和筛选", "Ctrl+Shift+F", self.show_all),
        ]
        out = {}
        for name, text, key, slot in specs:
            act = QAction(text, self)
            act.setObjectName(f"action_{name}")
            act.setShortcut(QKeySequence(key))
            act.triggered.connect(slot)
            out[name] = act
        # Delete only acts on the outline, never on a text box or the unit table.
        out["delete"].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.tree.addAction(out["delete"])
        for name in ("bulk_edit", "add_sibling", "add_child", "move_up", "move_down", "outdent", "indent"):
            self.tree.addAction(out[name])
        return out

    def set_active(self, active: bool) -> None:
        self._active = active
        self._update_actions()

    @property
    def reorderable(self) -> bool:
        """Moving items makes sense only in the outline's own order with every item shown."""
        return self.proxy.in_outline_order and not self.proxy.filtering

    def _update_actions(self) -> None:
        active = self._active and self.plan is not None
        node = self.current_node()
        single = self.selection_count() <= 1
        row = self.model.row_of(node.id) if node else -1
        count = len(self.model.siblings(node)) if node else 0
        move = active and single and node is not None and self.reorderable
        enabled = {
            "add_sibling": active, "add_child": active and node is not None,
            "delete": active and node is not None and single,
            "move_up": move and row > 0, "move_down": move and row < count - 1,
            "outdent": move and node.parent_id is not None, "indent": move and row > 0,
            "find": active, "find_replace": active, "show_all": active,
            "bulk_edit": active and node is not None,
        }
        for name, on in enabled.items():
            self.actions_by_name[name].setEnabled(on)
        self.tree.setDragEnabled(self.reorderable)

    # ---- showing -------------------------------------------------------------------------
    def open_plan(self, plan_id: int | None, node_id: int | None = None) -> None:
        if plan_id is None:
            self.plan = None
            self.model.set_tree([])
            self.header.setText("尚未选择工作要点")
            self.panel.load(None)
            self.plan_text.load(None)
            self.problems.set_problems([], None)
            self._update_actions()
            return
        same = self.plan is not None and self.plan.id == plan_id
        current = self.current_node() if same else None
        keep = node_id if node_id is not None else (current.id if current else None)
        several = same and node_id is None and self.selection_count() > 1
        selected = [n.id for n in self.selected_nodes()] if several else []
        self.plan = self.services.plans.get_plan(plan_id)
        if not same:
            self._collapsed.clear()
            self.filter_bar.clear_quietly()
            self.proxy.set_filter(self.filter_bar.current())
        self.filter_bar.year = self.plan.year
        if self.model.set_tree(self.services.plans.tree(plan_id)):
            self.proxy.refresh()
            self._restore_expansion()
        else:
            self.proxy.refresh()
        self.panel.set_plan_year(self.plan.year)
        self.plan_text.load(self.plan)
        self._update_header()
        self._update_problems()
        self._update_count()
        if len(selected) > 1 and keep in selected:
            self.select_nodes(selected, keep)
        elif keep is not None and self.model.node_by_id(keep) is not None:
            self.select_node(keep)
        else:
            self._on_current(self.tree.currentIndex(), QModelIndex())

    def refresh_units(self) -> None:
        """The registry changed (units page): the completer and the unit filter follow."""
        self.panel.assignments.refresh_registry()
        self.filter_bar.set_units(self.services.units.list_units())

    def _update_header(self) -> None:
        p = self.plan
        tasks = sum(1 for n in iter_nodes(self.model.roots()) if n.is_task)
        year = f"{p.year}年 · " if p.year else ""
        self.header.setText(f"{p.title}　<span style='font-size:10pt;font-weight:normal;color:#555'>"
                            f"{p.kind} · {year}{tasks} 项任务 · {p.status}</span>")

    def _update_problems(self) -> None:
        active = self.services.units.active_ids()
        issue = self.services.notices.plan_issue_date(self.plan.id)
        note = (f"时限按印发日期 {format_cn_date(issue)} 检查" if issue else "尚无印发通知，未检查时限")
        found = find_problems(self.model.roots(), active, issue)
        self.problems.set_problems(found, note)
        self.model.set_problem_nodes({p.node_id for p in found})

    def _track(self, index: QModelIndex, collapsed: bool) -> None:
        if self._restoring:
            return
        node = self.node_at(index)
        if node is None:
            return
        (self._collapsed.add if collapsed else self._collapsed.discard)(node.id)

    def _restore_expansion(self) -> None:
        self._restoring = True
        try:
            self.tree.expandAll()
            for node_id in list(self._collapsed):
                idx = self.view_index(node_id)
                if idx.isValid():
                    self.tree.collapse(idx)
                elif self.model.node_by_id(node_id) is None:
                    self._collapsed.discard(node_id)
        finally:
            self._restoring = False

    # ---- search and filters ----------------------------------------------------------------
    def apply_filter(self) -> None:
        self.proxy.set_filter(self.filter_bar.current())
        self._restore_expansion()
        self._update_count()
        self._update_actions()
        node = self.current_node()
        if node is not None:
            self.tree.scrollTo(self.view_index(node.id))

    def _update_count(self) -> None:
        flt = self.proxy.task_filter
        self.filter_bar.show_count(self.proxy.kept_count() if flt.active else None, flt.describe())

    def focus_search(self) -> None:
        self.filter_bar.search.setFocus()
        self.filter_bar.search.selectAll()

    def show_all(self) -> None:
        if self.proxy.filtering:
            self.filter_bar.clear()

    def found_nodes(self) -> list[NodeDTO]:
        """The items the search and filters keep (every item when none is on), in outline order."""
        kept = self.proxy.kept_ids() if self.proxy.filtering else None
        return [n for n in iter_nodes(self.model.roots()) if kept is None or n.id in kept]

    def search(self, text: str) -> int:
        """Types text into the search box and applies it at once; returns the number of hits."""
        self.filter_bar.search.setText(text)
        self.filter_bar.apply_now()
        return self.proxy.kept_count()

    # ---- selection -----------------------------------------------------------------------
    def view_index(self, node_id: int, column: int = 0) -> QModelIndex:
        return self.proxy.mapFromSource(self.model.index_of(node_id, column))

    def node_at(self, index: QModelIndex) -> NodeDTO | None:
        if not index.isValid():
            return None
        return self.model.node(self.proxy.mapToSource(index))

    def current_node(self) -> NodeDTO | None:
        return self.node_at(self.tree.currentIndex())

    def selected_nodes(self) -> list[NodeDTO]:
        """The selected items in outline order (the current one alone when nothing is selected)."""
        rows = self.tree.selectionModel().selectedRows(0)
        nodes = {n.id: n for n in (self.node_at(i) for i in rows) if n is not None}
        if not nodes:
            current = self.current_node()
            return [current] if current is not None else []
        return [n for n in iter_nodes(self.model.roots()) if n.id in nodes]

    def select_node(self, node_id: int) -> None:
        idx = self.view_index(node_id)
        if not idx.isValid() and self.model.node_by_id(node_id) is not None and self.proxy.filtering:
            self.filter_bar.clear()  # the item is hidden by the filter: show everything again
            idx = self.view_index(node_id)
        if not idx.isValid():
            return
        self._expand_to(idx)
        self.tree.setCurrentIndex(idx)
        self.tree.scrollTo(idx)
        self._on_current(idx, QModelIndex())

    def select_nodes(self, node_ids: list[int], current: int | None = None) -> None:
        """Selects several items (as Ctrl+click does), the current one last or `current`."""
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        selection = QItemSelection()
        for node_id in node_ids:
            idx = self.view_index(node_id)
            if idx.isValid():
                self._expand_to(idx)
                selection.select(idx, self.view_index(node_id, len(PlanTreeModel.COLUMNS) - 1))
        model = self.tree.selectionModel()
        target = current if current is not None else (node_ids[-1] if node_ids else None)
        with QSignalBlocker(model):
            if target is not None and self.view_index(target).isValid():
                model.setCurrentIndex(self.view_index(target), QItemSelectionModel.SelectionFlag.NoUpdate)
        model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if target is not None:
            self._on_current(self.view_index(target), QModelIndex())

    def _expand_to(self, idx: QModelIndex) -> None:
        parent = idx.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.panel.load(self.node_at(current))
        self._update_actions()

    def selection_count(self) -> int:
        """How many rows are selected (cheap: counted from the selection's ranges)."""
        return sum(r.height() for r in self.tree.selectionModel().selection())

    def _selection_changed(self) -> None:
        count = self.selection_count()
        self.selection_label.setText(f"已选 {count} 项，可“批量设置”（Ctrl+B）" if count > 1 else "")
        self._update_actions()

    def _jump_to_problem(self, node_id: int) -> None:
        self.commit_pending()
        self.select_node(node_id)
        self.tabs.setCurrentWidget(self.panel)
        self.tree.setFocus()

    def show_plan_texts(self) -> None:
        self.tabs.setCurrentWidget(self.plan_text)

    def commit_pending(self) -> None:
        """Reports fields still being edited (before the selection or the page changes)."""
        self.panel.commit_pending()
        self.plan_text.commit_pending()

"""The main window: plans on the left, the selected plan's outline on the right (read-only for now)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME, __version__
from app.context import AppContext
from app.services.dto import NodeDTO


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(APP_NAME)
        self.resize(1200, 760)

        self.plan_list = QListWidget()
        self.plan_list.setObjectName("planList")
        self.plan_list.currentItemChanged.connect(self._on_plan_changed)

        self.outline_model = QStandardItemModel(0, 3, self)
        self.outline_model.setHorizontalHeaderLabels(["条目", "牵头单位", "完成时限"])
        self.outline = QTreeView()
        self.outline.setObjectName("outlineView")
        self.outline.setModel(self.outline_model)
        self.outline.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.outline.setUniformRowHeights(True)
        self.outline.setColumnWidth(0, 640)
        self.outline.setColumnWidth(1, 220)

        self.plan_title = QLabel()
        self.plan_title.setObjectName("planTitle")
        self.plan_title.setStyleSheet("font-size: 15pt; font-weight: bold; padding: 6px;")
        right = QWidget()
        lay = QVBoxLayout(right)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.plan_title)
        lay.addWidget(self.outline)

        split = QSplitter()
        split.addWidget(self.plan_list)
        split.addWidget(right)
        split.setStretchFactor(1, 4)
        split.setSizes([260, 940])
        self.setCentralWidget(split)
        self._build_menus()
        self.reload_plans()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("文件(&F)")
        quit_action = QAction("退出(&X)", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("帮助(&H)")
        about = QAction("关于(&A)", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _about(self) -> None:
        QMessageBox.about(self, f"关于{APP_NAME}", f"{APP_NAME} {__version__}\n县级法治政府建设工作要点编制与公文印发")

    def reload_plans(self) -> None:
        self.plan_list.clear()
        plans = self.ctx.services.plans.list_plans()
        select_row = 0
        for row, p in enumerate(plans):
            item = QListWidgetItem(f"{p.title}\n{p.kind} · {p.task_count} 项任务 · {p.status}")
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            self.plan_list.addItem(item)
            if p.id == self.ctx.settings.last_plan_id:
                select_row = row
        if plans:
            self.plan_list.setCurrentRow(select_row)
        self.statusBar().showMessage(f"共 {len(plans)} 个工作要点")

    def _on_plan_changed(self, current: QListWidgetItem | None, _previous) -> None:
        self.outline_model.removeRows(0, self.outline_model.rowCount())
        if current is None:
            self.plan_title.clear()
            return
        plan_id = current.data(Qt.ItemDataRole.UserRole)
        plan = self.ctx.services.plans.get_plan(plan_id)
        self.plan_title.setText(plan.title)
        root = self.outline_model.invisibleRootItem()
        for node in self.ctx.services.plans.tree(plan_id):
            self._add_node(root, node)
        self.outline.expandAll()

    def _add_node(self, parent: QStandardItem, node: NodeDTO) -> None:
        title = f"{node.label}{node.heading or node.text[:40]}"
        row = [QStandardItem(title), QStandardItem("、".join(node.lead_units)), QStandardItem(node.deadline_text)]
        row[0].setData(node.id, Qt.ItemDataRole.UserRole)
        row[0].setToolTip(node.text)
        parent.appendRow(row)
        for child in node.children:
            self._add_node(row[0], child)

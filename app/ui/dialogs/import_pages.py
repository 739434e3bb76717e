"""The pages of the import wizard: file → analysis with progress → outline preview → units."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from app.services.plans import PLAN_KINDS
from app.ui import import_bridge
from app.ui.dialogs import messages
from app.ui.error_reporting import user_message


class FilePage(QWizardPage):
    def __init__(self, recent: list[str], parent=None):
        super().__init__(parent)
        self.setTitle("选择要导入的文件")
        self.setSubTitle("支持 .txt、.docx、.xlsx（装有 LibreOffice 时还支持 .doc、.wps）。"
                         "可以是上年的工作要点、上级的文件，或重点任务分工表。")
        self.path = QLineEdit()
        self.path.setObjectName("importPath")
        self.path.textChanged.connect(self.completeChanged)
        browse = QPushButton("浏览…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.recent = QListWidget()
        self.recent.addItems(recent)
        self.recent.itemClicked.connect(lambda item: self.path.setText(item.text()))
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(QLabel("最近导入的文件："))
        lay.addWidget(self.recent)

    def _browse(self) -> None:
        path = messages.open_file(self, "选择要导入的文件", messages.IMPORT_FILTER)
        if path:
            self.path.setText(path)

    def isComplete(self) -> bool:
        p = Path(self.path.text().strip())
        return p.is_file() and p.suffix.lower() in import_bridge.SUFFIXES


class AnalysePage(QWizardPage):
    """Runs the importer on the TaskRunner; the wizard's 取消 stops it."""

    def __init__(self, wizard, parent=None):
        super().__init__(parent)
        self.wiz = wizard
        self.setTitle("正在分析文件")
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.step = QLabel()
        self.step.setObjectName("analyseStep")
        self.step.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.step)
        lay.addWidget(self.bar)
        lay.addStretch(1)
        self.handle = None
        self.result = None

    def initializePage(self) -> None:
        self.result = None
        self.bar.setValue(0)
        self.step.setText("读取文件…")
        path = self.wiz.path()
        self.handle = self.wiz.runner.submit(
            lambda control: import_bridge.analyse(self.wiz.ctx, path, control), self._done, self._failed,
            title="正在分析文件…", show_progress=False, on_progress=self._progress)

    def cleanupPage(self) -> None:
        if self.handle is not None:
            self.handle.cancel()

    def _progress(self, done: int, total: int, text: str) -> None:
        self.bar.setValue(done)
        self.step.setText(f"{text}…")

    def _done(self, result) -> None:
        self.result = result
        self.bar.setValue(100)
        self.step.setText(f"分析完成：《{result.title}》，识别出 {len(result.tasks)} 项重点任务。请点“下一步”查看。")
        self.completeChanged.emit()
        self.wiz.analysed(result)

    def _failed(self, exc: BaseException) -> None:
        self.step.setText(f"无法导入：{user_message(exc)}\n请点“上一步”换一个文件。")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.result is not None


class PreviewPage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle("核对识别结果")
        self.setSubTitle("检查大纲、责任单位和完成时限。标题、类型和年度可在此修改。")
        self.title = QLineEdit()
        self.title.setObjectName("importTitle")
        self.kind = QComboBox()
        self.kind.addItems(list(PLAN_KINDS))
        self.year = QSpinBox()
        self.year.setRange(0, 2100)
        self.year.setSpecialValueText("未识别")
        form = QFormLayout()
        form.addRow("标题", self.title)
        meta = QHBoxLayout()
        meta.addWidget(self.kind)
        meta.addWidget(QLabel("年度"))
        meta.addWidget(self.year)
        meta.addStretch(1)
        form.addRow("类型", meta)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("importOutline")
        self.tree.setHeaderLabels(["条目", "牵头单位", "配合单位", "完成时限"])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.warnings = QListWidget()
        self.warnings.setObjectName("importWarnings")
        self.warnings.setWordWrap(True)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(self.warnings)
        split.setSizes([320, 110])
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.summary)
        lay.addWidget(split, 1)

    def show_result(self, result) -> None:
        self.title.setText(result.title)
        self.kind.setCurrentText(result.kind if result.kind in PLAN_KINDS else "其他")
        self.year.setValue(result.year or 0)
        self.tree.clear()
        for item in result.outline:
            self._add(self.tree.invisibleRootItem(), item)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(1)
        self.warnings.clear()
        self.warnings.addItems(result.warnings or ["没有需要注意的地方。"])
        notice = f"；封面通知《{result.notice.title}》" if result.notice and result.notice.title else ""
        self.summary.setText(f"{len(result.outline)} 个部分，{len(result.tasks)} 项重点任务，"
                             f"{len(result.warnings)} 条提示{notice}。")

    def _add(self, parent: QTreeWidgetItem, item) -> None:
        title = item.heading or item.text[:50]
        row = QTreeWidgetItem([f"{item.label}{title}", "、".join(item.markings.lead),
                               "、".join(item.markings.support), item.markings.deadline_text])
        row.setToolTip(0, item.text)
        if item.is_task:
            font = row.font(0)
            font.setBold(True)
            row.setFont(0, font)
        parent.addChild(row)
        for child in item.children:
            self._add(row, child)

    def apply_to(self, result) -> None:
        result.title = self.title.text().strip() or result.title
        result.kind = self.kind.currentText()
        result.year = self.year.value() or None


class UnitsPage(QWizardPage):
    """Every unit name the document prints: matched, or to be created, mapped or ignored."""

    STATUS: ClassVar[dict[str, str]] = {"matched": "已匹配", "suggested": "有相近单位", "unknown": "名录中没有"}

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle("确认责任单位")
        self.setSubTitle("名录中没有的单位可以新建、对应到已有单位，或忽略。保存后可在“责任单位”页合并。")
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("importUnits")
        self.table.setHorizontalHeaderLabels(["文件中的名称", "任务数", "匹配情况", "处理方式"])
        self.table.verticalHeader().hide()
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        self.summary.setObjectName("importUnitsSummary")
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.table)
        self.matches: list = []

    def show_matches(self, matches: list, registry: list) -> None:
        order = {"unknown": 0, "suggested": 1, "matched": 2}
        self.matches = sorted(matches, key=lambda m: order.get(m.status, 3))  # the ones to decide first
        matches = self.matches
        open_count = sum(1 for m in matches if m.unit is None)
        self.summary.setText(f"文件中共有 {len(matches)} 个单位名称：{len(matches) - open_count} 个已与名录匹配，"
                             f"{open_count} 个需要确认。" if open_count else
                             f"文件中的 {len(matches)} 个单位名称都已与名录匹配。")
        self.table.setRowCount(len(matches))
        new, skip = import_bridge.NEW_UNIT, import_bridge.SKIP_UNIT
        for row, m in enumerate(matches):
            self.table.setItem(row, 0, QTableWidgetItem(m.printed))
            self.table.setItem(row, 1, QTableWidgetItem(str(m.tasks)))
            status = self.STATUS.get(m.status, m.status)
            if m.unit is None and m.suggestions:
                status = f"相近：{m.suggestions[0].unit.name}"
            self.table.setItem(row, 2, QTableWidgetItem(status))
            box = QComboBox()
            offered: set[int] = set()
            if m.unit is not None:
                box.addItem(f"对应“{m.unit.name}”", m.unit.id)
                offered.add(m.unit.id)
            for s in m.suggestions:
                if s.unit.id not in offered:
                    box.addItem(f"对应“{s.unit.name}”（相近）", s.unit.id)
                    offered.add(s.unit.id)
            box.addItem("新建单位", new)
            box.addItem("忽略（不分配该单位）", skip)
            for u in registry:
                if u.id not in offered and u.active:
                    box.addItem(f"对应“{u.name}”", u.id)
            if m.unit is None:
                best = m.suggestions[0] if m.suggestions else None
                box.setCurrentIndex(0 if best is not None and best.score >= 0.85 else box.findData(new))
            self.table.setCellWidget(row, 3, box)
        self.table.resizeColumnToContents(1)
        self.table.resizeColumnToContents(2)

    def choice_box(self, printed: str) -> QComboBox:
        row = next(i for i, m in enumerate(self.matches) if m.printed == printed)
        return self.table.cellWidget(row, 3)

    def choices(self) -> dict:
        return {m.printed: self.table.cellWidget(row, 3).currentData() for row, m in enumerate(self.matches)}

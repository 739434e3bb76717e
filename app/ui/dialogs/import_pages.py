"""The pages of the import wizard: file → analysis with progress → outline preview (the units
page is in import_units_page.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
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
        self.keep_notice = QCheckBox()
        self.keep_notice.setObjectName("keepNotice")
        self.notice_hint = QLabel()
        self.notice_hint.setObjectName("noticeHint")
        self.notice_hint.setWordWrap(True)
        self.notice_hint.setStyleSheet("color: #555;")
        self.tree = QTreeWidget()
        self.tree.setObjectName("importOutline")
        self.tree.setHeaderLabels(["条目", "牵头单位", "配合单位", "完成时限"])
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.setAlternatingRowColors(True)
        self.warnings = QListWidget()
        self.warnings.setObjectName("importWarnings")
        self.warnings.setWordWrap(True)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(self.warnings)
        split.setSizes([400, 90])
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.summary)
        lay.addWidget(self.keep_notice)
        lay.addWidget(self.notice_hint)
        lay.addWidget(split, 1)

    def show_result(self, result, notice_is_own: bool = True) -> None:
        self.title.setText(result.title)
        self.kind.setCurrentText(result.kind if result.kind in PLAN_KINDS else "其他")
        self.year.setValue(result.year or 0)
        self.tree.clear()
        for item in result.outline:
            self._add(self.tree.invisibleRootItem(), item)
        self.tree.expandAll()
        fits = self.tree.fontMetrics().horizontalAdvance("县人力资源社会保障局、")
        for col in (1, 2, 3):  # wide enough for one long name; the whole list is in the tooltip
            self.tree.resizeColumnToContents(col)
            self.tree.setColumnWidth(col, min(self.tree.columnWidth(col), fits))
        self.warnings.clear()
        self.warnings.addItems(result.warnings or ["没有需要注意的地方。"])
        notice = f"；封面通知《{result.notice.title}》" if result.notice and result.notice.title else ""
        self.summary.setText(f"{len(result.outline)} 个部分，{len(result.tasks)} 项重点任务，"
                             f"{len(result.warnings)} 条提示{notice}。")
        self._show_notice_choice(result, notice_is_own)

    def _show_notice_choice(self, result, own: bool) -> None:
        """A superior's cover notice is not stored unless the clerk ticks it: storing it would add
        its issuer to the county's own issuers."""
        n = result.notice
        self.keep_notice.setVisible(n is not None)
        self.notice_hint.setVisible(n is not None and not own)
        if n is None:
            return
        who = "、".join(n.issuers) or "未署名"
        self.keep_notice.setText(f"把封面通知{('（' + n.doc_number + '）') if n.doc_number else ''}存入“公文”")
        self.keep_notice.setChecked(own)
        self.notice_hint.setText(f"封面通知由“{who}”印发，不是本县的发文机关（多为上级文件）：默认不存入“公文”，"
                                 f"也不把“{who}”加入本县的发文机关。如确需保存，请勾选上面一项。")

    def _add(self, parent: QTreeWidgetItem, item) -> None:
        title = item.heading or item.text[:50]
        row = QTreeWidgetItem([f"{item.label}{title}", "、".join(item.markings.lead),
                               "、".join(item.markings.support), item.markings.deadline_text])
        row.setToolTip(0, item.text)
        for col in (1, 2, 3):
            row.setToolTip(col, row.text(col))
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

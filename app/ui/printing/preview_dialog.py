"""打印预览: page thumbnails, a page view, the print mode, the page range and the number of copies.

The dialog only shows and collects; "打印…" emits print_requested and the print flow opens the
system print dialog with the same range and copies filled in."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
)

from app.services.documents.page_ranges import format_pages, parse_pages
from app.services.errors import DomainError
from app.ui.printing.pdf_pages import PdfPages

THUMB_WIDTH = 104


class PrintPreviewDialog(QDialog):
    print_requested = Signal(list, int)  # 1-based pages, copies
    mode_changed = Signal(str)

    def __init__(self, title: str, modes: tuple[tuple[str, str], ...], mode: str, parent=None):
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.setWindowTitle(f"打印预览 — {title}" if title else "打印预览")
        self.pages: PdfPages | None = None
        self._syncing = False

        self.mode = QComboBox()
        self.mode.setObjectName("previewMode")
        for key, label in modes:
            self.mode.addItem(label, key)
        self.mode.setCurrentIndex(max(0, self.mode.findData(mode)))
        self.mode.currentIndexChanged.connect(lambda _i: self.mode_changed.emit(self.current_mode()))
        self.range = QLineEdit()
        self.range.setObjectName("pageRange")
        self.range.setPlaceholderText("全部（或如 1-3,5）")
        self.range.setClearButtonEnabled(True)
        self.range.textChanged.connect(self._range_edited)
        self.copies = QSpinBox()
        self.copies.setObjectName("copies")
        self.copies.setRange(1, 999)
        self.copies.setSuffix(" 份")
        self.copies.valueChanged.connect(lambda _v: self._update_summary())
        top = QHBoxLayout()
        for label, widget, stretch in (("印制：", self.mode, 0), ("页码：", self.range, 1), ("份数：", self.copies, 0)):
            top.addWidget(QLabel(label))
            top.addWidget(widget, stretch)

        self.thumbs = QListWidget()
        self.thumbs.setObjectName("pageThumbnails")
        self.thumbs.setViewMode(QListView.ViewMode.IconMode)
        self.thumbs.setFlow(QListView.Flow.TopToBottom)
        self.thumbs.setWrapping(False)
        self.thumbs.setMovement(QListView.Movement.Static)
        self.thumbs.setIconSize(QSize(THUMB_WIDTH, round(THUMB_WIDTH * 297 / 210)))
        self.thumbs.setSpacing(6)
        self.thumbs.setMinimumWidth(THUMB_WIDTH + 48)
        self.thumbs.setMaximumWidth(THUMB_WIDTH + 64)
        self.thumbs.itemChanged.connect(self._thumb_checked)
        self.thumbs.currentRowChanged.connect(self._show_page)
        self.view = QPdfView()
        self.view.setObjectName("previewPage")
        self.view.setPageMode(QPdfView.PageMode.SinglePage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setStyleSheet("background: #7a7a7a;")
        split = QSplitter()
        split.addWidget(self.thumbs)
        split.addWidget(self.view)
        split.setStretchFactor(1, 1)

        self.info = QLabel()
        self.info.setObjectName("previewInfo")
        self.info.setWordWrap(True)
        self.info.hide()
        self.summary = QLabel("正在生成预览…")
        self.summary.setObjectName("previewSummary")
        self.print_button = QPushButton("打印…")
        self.print_button.setObjectName("printButton")
        self.print_button.setDefault(True)
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self._print_clicked)
        close = QPushButton("关闭")
        close.setObjectName("closePreview")
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(close)

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.info)
        lay.addWidget(split, 1)
        lay.addLayout(bottom)
        self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        area = self.screen().availableGeometry() if self.screen() else None
        width, height = 960, 720
        if area is not None:
            width, height = min(width, area.width() - 40), min(height, area.height() - 60)
        self.resize(width, height)

    # ---- content -------------------------------------------------------------------------
    def current_mode(self) -> str:
        return self.mode.currentData()

    def set_info(self, text: str) -> None:
        self.info.setText(text)
        self.info.setVisible(bool(text))

    def set_busy(self, text: str = "正在生成预览…") -> None:
        self.summary.setText(text)
        self.print_button.setEnabled(False)

    def show_pdf(self, data: bytes) -> None:
        """Shows freshly rendered bytes; the page range typed so far is kept where it still fits."""
        old, self.pages = self.pages, PdfPages(data, self)
        self.view.setDocument(self.pages.document)
        if old is not None:
            old.close()
            old.document.deleteLater()
        self._syncing = True
        try:
            self.thumbs.clear()
            for i in range(self.pages.count()):
                item = QListWidgetItem(QIcon(QPixmap.fromImage(self.pages.thumbnail(i, THUMB_WIDTH))), f"第 {i + 1} 页")
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
                self.thumbs.addItem(item)
        finally:
            self._syncing = False
        self._range_edited(self.range.text())
        self.thumbs.setCurrentRow(0)

    def page_count(self) -> int:
        return self.pages.count() if self.pages is not None else 0

    def _show_page(self, row: int) -> None:
        if row >= 0 and self.pages is not None:
            self.view.pageNavigator().jump(row, self.view.pageNavigator().currentLocation())

    # ---- range ---------------------------------------------------------------------------
    def chosen_pages(self) -> list[int]:
        """1-based pages to print; raises DomainError for a range that cannot be read."""
        return parse_pages(self.range.text(), self.page_count())

    def _range_edited(self, _text: str) -> None:
        if self._syncing or self.pages is None:
            return
        try:
            chosen = set(self.chosen_pages())
        except DomainError as exc:
            self.summary.setText(exc.message)
            self.print_button.setEnabled(False)
            return
        self._syncing = True
        try:
            for i in range(self.thumbs.count()):
                on = i + 1 in chosen
                item = self.thumbs.item(i)
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                item.setForeground(QColor("#000000" if on else "#9a9a9a"))
        finally:
            self._syncing = False
        self._update_summary()

    def _thumb_checked(self, item: QListWidgetItem) -> None:
        if self._syncing:
            return
        pages = [i + 1 for i in range(self.thumbs.count())
                 if self.thumbs.item(i).checkState() == Qt.CheckState.Checked]
        if not pages:  # an empty range would read as "全部": the last page stays chosen
            self._syncing = True
            item.setCheckState(Qt.CheckState.Checked)
            self._syncing = False
            return
        self.range.setText(format_pages(pages, self.thumbs.count()))

    def _update_summary(self) -> None:
        try:
            pages = self.chosen_pages()
        except DomainError:
            return
        copies = self.copies.value()
        self.summary.setText(f"共 {self.page_count()} 页；将打印 {len(pages)} 页 × {copies} 份"
                             f"（共 {len(pages) * copies} 页），按实际尺寸，不缩放。")
        self.print_button.setEnabled(bool(pages))

    def _print_clicked(self) -> None:
        try:
            pages = self.chosen_pages()
        except DomainError as exc:
            self.summary.setText(exc.message)
            return
        self.print_requested.emit(pages, self.copies.value())

    def closeEvent(self, event) -> None:
        self._release()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        super().done(result)
        self._release()

    def _release(self) -> None:
        if self.pages is not None:
            self.pages.close()  # the view keeps the closed, empty document; nothing is held open

"""A PDF preview (QPdfView over an in-memory document) with the format checker's warnings."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QListWidget, QSplitter, QVBoxLayout, QWidget

from app.ui.document_output import ISSUED_NOTE
from app.ui.printing.pdf_pages import load_pdf_bytes

ZOOMS = (("适合宽度", None), ("50%", 0.5), ("75%", 0.75), ("100%", 1.0), ("150%", 1.5))


class PdfPreview(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.data = b""  # the bytes shown
        self.view = QPdfView()
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setStyleSheet("background: #7a7a7a;")
        self.state = QLabel("尚无预览")
        self.state.setObjectName("previewState")
        self.zoom = QComboBox()
        for label, _factor in ZOOMS:
            self.zoom.addItem(label)
        self.zoom.currentIndexChanged.connect(self._zoom)
        top = QHBoxLayout()
        top.addWidget(self.state, 1)
        top.addWidget(self.zoom)
        self.warnings = QListWidget()
        self.warnings.setObjectName("checkWarnings")
        self.warnings.setWordWrap(True)
        self.warnings_label = QLabel("格式检查")
        lower = QWidget()
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.warnings_label)
        ll.addWidget(self.warnings)
        split = QSplitter(Qt.Orientation.Vertical)
        upper = QWidget()
        ul = QVBoxLayout(upper)
        ul.setContentsMargins(0, 0, 0, 0)
        ul.addLayout(top)
        ul.addWidget(self.view, 1)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 1)
        split.setSizes([560, 130])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)

    def _zoom(self, row: int) -> None:
        factor = ZOOMS[row][1]
        if factor is None:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(factor)

    def show_pdf(self, data: bytes) -> bool:
        """Loads the PDF bytes; keeps the buffer alive as long as the document uses it."""
        self.data = data
        buffer = load_pdf_bytes(self.document, data, self)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        ok = self.document.status() == QPdfDocument.Status.Ready
        self.state.setText(f"预览：共 {self.document.pageCount()} 页" if ok else "预览生成失败")
        return ok

    def page_count(self) -> int:
        return self.document.pageCount()

    def set_busy(self, text: str = "正在生成预览…") -> None:
        self.state.setText(text)

    def show_message(self, text: str) -> None:
        self.document.close()
        self.data = b""
        self.state.setText(text)

    def set_warnings(self, warnings: list[str]) -> None:
        self.warnings.clear()
        for w in warnings:
            self.warnings.addItem(w)
        fonts = sum(1 for w in warnings if w.startswith("字体："))
        found = len(warnings) - fonts - sum(1 for w in warnings if w.startswith(ISSUED_NOTE))
        text = f"格式检查：{found} 条提示" if found else "格式检查：未发现问题"
        self.warnings_label.setText(text + (f"；字体替代 {fonts} 处" if fonts else ""))

"""PDF bytes held open as a QPdfDocument, for thumbnails, page views and printing."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument

from app.services.errors import DomainError


def load_pdf_bytes(document: QPdfDocument, data: bytes, parent: QObject | None = None) -> QBuffer:
    """Loads data into document; the returned buffer must live as long as the document uses it."""
    document.close()
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return buffer


class PdfPages:
    def __init__(self, data: bytes, parent: QObject | None = None):
        self.data = data
        self.document = QPdfDocument(parent)
        self._buffer = load_pdf_bytes(self.document, data, parent)
        if self.document.status() != QPdfDocument.Status.Ready:
            self.close()
            raise DomainError("生成的公文文件无法读取，请重新生成预览后再打印。")

    def count(self) -> int:
        return self.document.pageCount()

    def point_size(self, index: int) -> QSizeF:
        return self.document.pagePointSize(index)

    def render(self, index: int, dpi: float, gray: bool = False) -> QImage:
        """The page on white paper, opaque (a transparent page image makes print drivers and the PDF
        printer carry an alpha mask as large as the page); gray for a monochrome printer."""
        pt = self.point_size(index)
        page = self.document.render(index, QSize(round(pt.width() / 72 * dpi), round(pt.height() / 72 * dpi)))
        paper = QImage(page.size(), QImage.Format.Format_RGB32)
        paper.fill(Qt.GlobalColor.white)
        painter = QPainter(paper)
        painter.drawImage(0, 0, page)
        painter.end()
        return paper.convertToFormat(QImage.Format.Format_Grayscale8) if gray else paper

    def thumbnail(self, index: int, width: int) -> QImage:
        pt = self.point_size(index)
        return self.document.render(index, QSize(width, round(width * pt.height() / pt.width())))

    def close(self) -> None:
        self.document.close()
        self._buffer.close()

"""Painting a rendered PDF onto a QPrinter at true scale.

Each page is drawn from the paper's origin over the full sheet (setFullPage), 1 pt = 1/72 inch,
never fitted to the printable area: a 套红 sheet with its pre-printed red header only lines up
this way. The page range, the number of copies, collation and page order chosen in the print
dialog are honoured; copies are painted here only where the printer cannot make them itself."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QTransform
from PySide6.QtPrintSupport import QPrinter

from app.services.errors import DomainError
from app.ui.printing.pdf_pages import PdfPages

RENDER_DPI = 300  # what office laser printers resolve for 3号 text; a page image stays ≈ 35 MB


def new_printer(title: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)
    printer.setDocName(title or "公文")
    return printer


def chosen_pages(printer: QPrinter, count: int, fixed: list[int] | None = None) -> list[int]:
    """0-based indexes of the pages to print, in printing order: the fixed 1-based pages when the
    preview chose a set the print dialog cannot show, else the dialog's page range."""
    pages = list(range(count))
    if fixed:
        pages = [p - 1 for p in fixed if 0 < p <= count]
    elif printer.printRange() == QPrinter.PrintRange.PageRange:
        ranges = printer.pageRanges()
        if not ranges.isEmpty():
            pages = [i for i in pages if ranges.contains(i + 1)]
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    return pages


def painting_order(printer: QPrinter, pages: list[int]) -> list[int]:
    """The pages as painted, copies included when the printer does not make them itself."""
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if printer.collateCopies():
        return pages * copies
    return [p for p in pages for _ in range(copies)]


def print_pdf(printer: QPrinter, pdf: bytes, control=None, pages: list[int] | None = None) -> int:
    """Paints the chosen pages; returns the number of sheets sent. control (a TaskControl) may cancel."""
    source = PdfPages(pdf)
    order = painting_order(printer, chosen_pages(printer, source.count(), pages))
    if not order:
        source.close()
        raise DomainError("所选页码范围内没有可打印的页。")
    painter = QPainter()
    if not painter.begin(printer):
        source.close()
        raise DomainError("无法连接打印机，请检查打印机是否开启并已联网；打印到文件时请检查文件位置是否可写。")
    res = printer.resolution()
    paper = printer.pageLayout().fullRect(QPageLayout.Unit.Point)
    gray = printer.colorMode() == QPrinter.ColorMode.GrayScale
    try:
        for n, index in enumerate(order):
            if control is not None:
                control.progress(n, len(order), f"正在打印第 {index + 1} 页…")
            if n:
                printer.newPage()
            pt = source.point_size(index)
            image = source.render(index, RENDER_DPI, gray)
            if (pt.width() > pt.height()) != (paper.width() > paper.height()):
                # a page shown turned (a table page's /Rotate 90) goes onto the sheet as it lies on
                # the paper: turned back a quarter counter-clockwise, its top at the binding side
                image = image.transformed(QTransform().rotate(-90))
                pt = pt.transposed()
            painter.drawImage(QRectF(0, 0, pt.width() / 72 * res, pt.height() / 72 * res), image)
    except BaseException:
        printer.abort()  # a cancelled job sends nothing half-done
        raise
    finally:
        painter.end()
        source.close()
    return len(order)

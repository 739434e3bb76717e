"""Export and printing of the notice shown on the 公文 page.

Rendering happens on the TaskRunner; printing paints each PDF page at true scale (paper origin,
full page, 1 pt = 1/72 inch) so that a pre-printed 套红 sheet lines up."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from app.services.errors import DomainError
from app.services.output_files import is_read_only
from app.ui import document_output
from app.ui.dialogs import messages

if TYPE_CHECKING:
    from app.ui.pages.notices_page import NoticesPage

KINDS = {"pdf": ("PDF 文件 (*.pdf)", ".pdf", ""), "docx": ("Word 文档 (*.docx)", ".docx", ""),
         "xlsx": ("Excel 工作簿 (*.xlsx)", ".xlsx", "（分工表）")}
RENDER_DPI = 300


class NoticeActions:
    def __init__(self, page: NoticesPage):
        self.page = page
        self.print_dialog: QPrintDialog | None = None
        self.last_export: document_output.Exported | None = None

    @property
    def ctx(self):
        return self.page.ctx

    def _ready(self) -> bool:
        if self.page.notice is None:
            return False
        self.page.save_now()
        return True

    # ---- export --------------------------------------------------------------------------
    def export(self, kind: str) -> None:
        if not self._ready():
            return
        notice = self.page.notice
        filt, suffix, extra = KINDS[kind]
        base = (notice.title or "公文").replace("/", "／")
        path = messages.save_file(self.page, "导出公文", f"{base}{extra}{suffix}", filt)
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        overwrite = is_read_only(Path(path))
        if overwrite and not messages.confirm(self.page, "覆盖只读文件",
                                              f"“{Path(path).name}”是只读文件。仍要用导出的公文覆盖它吗？"):
            return
        mode = self.page.current_mode()
        self.ctx.runner.submit(lambda control: document_output.export(self.ctx, notice.id, kind, Path(path), mode,
                                                                      overwrite),
                               self._exported, title=f"正在导出 {Path(path).name}…", lane="render")

    def _exported(self, result: document_output.Exported) -> None:
        self.last_export = result
        pages = f"，共 {result.pages} 页" if result.pages else ""
        self.page.status_message.emit(f"已导出 {result.path.name}{pages}")
        if result.warnings:
            messages.inform(self.page, "导出完成",
                            f"已导出到 {result.path}{pages}。\n\n请注意：\n" + "\n".join(result.warnings[:10]))

    # ---- printing ------------------------------------------------------------------------
    def make_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setFullPage(True)
        printer.setDocName(self.page.notice.title if self.page.notice else "公文")
        return printer

    def print_notice(self) -> None:
        if not self._ready():
            return
        printer = self.make_printer()
        self.print_dialog = QPrintDialog(printer, self.page)
        self.print_dialog.setWindowTitle(f"打印公文（{self.page.mode.currentText()}）")
        self.print_dialog.accepted.connect(lambda: self.render_and_print(printer))
        self.print_dialog.open()

    def render_and_print(self, printer: QPrinter) -> None:
        notice_id, mode = self.page.notice.id, self.page.current_mode()
        self.ctx.runner.submit(lambda control: document_output.preview(self.ctx, notice_id, mode).pdf,
                               lambda pdf: self._print_done(self.print_pdf(printer, pdf)),
                               title="正在准备打印…", lane="render")

    def _print_done(self, pages: int) -> None:
        self.page.status_message.emit(f"已发送到打印机：{pages} 页。")

    @staticmethod
    def print_pdf(printer: QPrinter, pdf: bytes) -> int:
        """Paints the PDF's pages at true scale; returns the number of pages printed."""
        data = QByteArray(pdf)
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        doc = QPdfDocument()
        doc.load(buffer)
        if doc.status() != QPdfDocument.Status.Ready:
            raise DomainError("打印失败：生成的公文文件无法读取。")
        first, last = 0, doc.pageCount() - 1
        if printer.fromPage() > 0:
            first, last = printer.fromPage() - 1, min(last, printer.toPage() - 1)
        painter = QPainter()
        if not painter.begin(printer):
            raise DomainError("无法连接打印机，请检查打印机是否开启并已联网。")
        res = printer.resolution()
        printed = 0
        try:
            for i in range(first, last + 1):
                if printed:
                    printer.newPage()
                pt = doc.pagePointSize(i)
                image = doc.render(i, QSize(round(pt.width() / 72 * RENDER_DPI), round(pt.height() / 72 * RENDER_DPI)))
                painter.drawImage(QRectF(0, 0, pt.width() / 72 * res, pt.height() / 72 * res), image)
                printed += 1
        finally:
            painter.end()
            doc.close()
        return printed

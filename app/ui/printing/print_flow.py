"""打印…: the print preview, then the system print dialog, then true-scale painting on the runner.

Every dialog opens non-blocking (open, never exec); the PDF comes from a fetch(mode) function run
on the TaskRunner, so a notice already issued prints from its stored bytes."""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from app.services.documents.page_ranges import format_pages
from app.ui.dialogs import messages
from app.ui.dialogs.messages import open_dialog
from app.ui.error_reporting import user_message
from app.ui.printing.preview_dialog import PrintPreviewDialog
from app.ui.printing.print_job import new_printer, print_pdf

Fetch = Callable[[str], bytes]


class PrintFlow(QObject):
    printed = Signal(int)  # sheets sent

    def __init__(self, parent: QWidget, runner, title: str, fetch: Fetch, modes: tuple[tuple[str, str], ...],
                 mode: str, info: str = ""):
        super().__init__(parent)
        self.parent_widget = parent
        self.runner = runner
        self.title = title
        self.fetch = fetch
        self.printer: QPrinter | None = None
        self.print_dialog: QPrintDialog | None = None
        self.fixed_pages: list[int] | None = None
        self._generation = 0
        self.preview = PrintPreviewDialog(title, modes, mode, parent)
        self.preview.set_info(info)
        self.preview.mode_changed.connect(self._load)
        self.preview.print_requested.connect(self._ask_printer)

    def start(self) -> None:
        open_dialog(self.preview)
        self._load(self.preview.current_mode())

    def _load(self, mode: str) -> None:
        self._generation += 1
        generation = self._generation
        self.preview.set_busy()
        self.runner.submit(lambda control: self.fetch(mode), lambda pdf: self._loaded(generation, pdf),
                           lambda exc: self._failed(generation, exc), title="正在生成打印预览…", lane="render",
                           show_progress=False)

    def _loaded(self, generation: int, pdf: bytes) -> None:
        if generation == self._generation and self.preview.isVisible():
            self.preview.show_pdf(pdf)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.preview.set_busy(f"无法生成预览：{user_message(exc)}")

    # ---- the system print dialog ---------------------------------------------------------
    def _ask_printer(self, pages: list[int], copies: int) -> None:
        count = self.preview.page_count()
        self.printer = printer = new_printer(self.title)
        if sys.platform == "win32" and printer.outputFormat() != QPrinter.OutputFormat.NativeFormat:
            # Windows shows its print dialog only for a real printer; without one it would show nothing
            messages.warn(self.preview, "打印", "本机没有安装打印机。请先在 Windows 设置中添加打印机，"
                          "或点“导出 PDF”保存后到有打印机的电脑上打印。")
            return
        printer.setCopyCount(copies)
        # The system dialogs hold one range (from–to); a set such as 1-3,5 stays fixed from the preview.
        contiguous = pages == list(range(pages[0], pages[-1] + 1))
        self.fixed_pages = None if contiguous else pages
        if contiguous and len(pages) < count:
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(pages[0], pages[-1])
        self.print_dialog = dialog = QPrintDialog(printer, self.preview)
        chosen = "" if len(pages) == count else f"，第 {format_pages(pages, count)} 页"
        dialog.setWindowTitle(f"打印（{self.preview.mode.currentText()}{chosen}）")
        dialog.setMinMax(1, count)
        option = QAbstractPrintDialog.PrintDialogOption
        dialog.setOption(option.PrintSelection, False)
        dialog.setOption(option.PrintCurrentPage, False)
        dialog.setOption(option.PrintPageRange, contiguous)
        dialog.setOption(option.PrintCollateCopies, True)
        dialog.accepted.connect(self._print)
        open_dialog(dialog)

    def _print(self) -> None:
        printer, pdf, pages = self.printer, self.preview.pages.data, self.fixed_pages
        self.preview.accept()
        self.runner.submit(lambda control: print_pdf(printer, pdf, control, pages), self._done, title="正在打印…",
                           lane="render")

    def _done(self, sheets: int) -> None:
        self.printed.emit(sheets)

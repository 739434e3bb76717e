"""Issuing and printing: 标记为已印发 on the demo notice (every file rendered and stored), reading an
issued file back, its size in the database, and painting pages at true scale into a PDF printer
(the 300 dpi page images a real printer receives)."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from bench.harness import Measurement, median_ms


def run() -> list[Measurement]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.context import open_context
    from app.paths import resolve_paths

    out: list[Measurement] = []
    with tempfile.TemporaryDirectory(prefix="fazhi-bench-") as tmp:
        ctx = open_context(resolve_paths(Path(tmp) / "bench.sqlite3"), load_demo=True)
        try:
            notice = ctx.services.notices.list_notices()[0]
            from app.services.documents.service import notice_pdf

            documents = ctx.document_service()  # the clerk has seen the preview: fonts are loaded
            notice_pdf(documents.notice_model(notice.id), choice=documents.fonts())
            t0 = time.perf_counter()
            ctx.issuing.issue(notice.id)
            out.append(Measurement("标记为已印发（预览之后；排版一次，3 种印制方式的 PDF 与 DOCX 存档）",
                                   (time.perf_counter() - t0) * 1000, "ms", 3000))
            record = ctx.issuing.record(notice.id)
            out.append(Measurement(f"一份已印发公文的存档大小（{record.pages} 页，6 个文件）",
                                   sum(f.size for f in record.files) / 1024, "KB"))
            out.append(Measurement("打开已印发公文（读出 PDF 并校验 SHA-256，中位数）",
                                   median_ms(lambda: ctx.issuing.file(notice.id, "pdf"), runs=20), "ms", 100))
            pdf = ctx.issuing.file(notice.id, "pdf")
            out.append(Measurement("按实际尺寸打印（300 dpi 页面图像，每页）", _print_ms_per_page(pdf, Path(tmp)), "ms", 1000))
        finally:
            ctx.close()
    return out


def _print_ms_per_page(pdf: bytes, folder: Path, pages: int = 4) -> float:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication

    from app.ui.printing.print_job import new_printer, print_pdf

    _app = QApplication.instance() or QApplication([])
    printer = new_printer("bench")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(folder / "printed.pdf"))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(1, pages)
    t0 = time.perf_counter()
    sheets = print_pdf(printer, pdf)
    return (time.perf_counter() - t0) * 1000 / sheets

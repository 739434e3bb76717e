"""Export and printing of the notice shown on the 公文 page.

Rendering happens on the TaskRunner; printing goes through the print preview and the system
print dialog (app/ui/printing), painting each page at true scale."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.ui import document_output
from app.ui.dialogs import messages
from app.ui.printing.print_flow import PrintFlow

if TYPE_CHECKING:
    from app.ui.pages.notices_page import NoticesPage

MODES = (("color", "彩色"), ("overlay", "套红纸"), ("mono", "黑白"))
KINDS = {"pdf": ("PDF 文件 (*.pdf)", ".pdf", ""), "docx": ("Word 文档 (*.docx)", ".docx", ""),
         "xlsx": ("Excel 工作簿 (*.xlsx)", ".xlsx", "（分工表）")}


class NoticeActions:
    def __init__(self, page: NoticesPage):
        self.page = page
        self.print_flow: PrintFlow | None = None
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
        mode = self.page.current_mode()
        self.ctx.runner.submit(lambda control: document_output.export(self.ctx, notice.id, kind, Path(path), mode),
                               self._exported, title=f"正在导出 {Path(path).name}…", lane="render")

    def _exported(self, result: document_output.Exported) -> None:
        self.last_export = result
        pages = f"，共 {result.pages} 页" if result.pages else ""
        self.page.status_message.emit(f"已导出 {result.path.name}{pages}")
        if result.warnings:
            messages.inform(self.page, "导出完成",
                            f"已导出到 {result.path}{pages}。\n\n请注意：\n" + "\n".join(result.warnings[:10]))

    # ---- printing ------------------------------------------------------------------------
    def print_notice(self) -> None:
        """打印…: the print preview first, then the system print dialog (see PrintFlow)."""
        if not self._ready():
            return
        notice = self.page.notice
        record = self.ctx.issuing.record(notice.id)
        info = document_output.issued_note(record) if record else "草稿：按当前内容生成。"
        self.print_flow = PrintFlow(self.page, self.ctx.runner, notice.title or "公文",
                                    lambda mode: document_output.preview(self.ctx, notice.id, mode).pdf,
                                    MODES, self.page.current_mode(), info)
        self.print_flow.printed.connect(self._printed)
        self.print_flow.start()

    def _printed(self, sheets: int) -> None:
        printer = self.print_flow.printer
        where = f"已打印到文件 {Path(printer.outputFileName()).name}" if printer.outputFileName() else "已发送到打印机"
        self.page.status_message.emit(f"{where}：{sheets} 页。")
